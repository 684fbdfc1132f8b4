import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import { type App, createApp } from "../../server/app.js";
import { connect, type Database } from "../../server/db/database.js";
import { type EmbeddedNeo4j, freePort, startEmbeddedNeo4j } from "../../server/db/embedded.js";
import { connectTestDb } from "../_helpers.js";
import { graphqlAs, signInCookie } from "./_auth.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run users -- …` as a child process, with exactly the environment given (plus PATH). */
function users(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/users.ts", ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

const passwordIn = (run: Run) => /Password \(shown only this once\): (\S+)/.exec(run.stdout)?.[1];
const unique = (what: string) => `cli-${what}-${Math.random().toString(36).slice(2, 8)}`;
const ME = "{ me { username role } }";

// Each run starts Node, tsx and a driver: seconds apiece on a busy machine.
describe("npm run users", { timeout: 180_000 }, () => {
  describe("against NEO4J_URI, with an app connected to the same database", () => {
    let db: Database;
    let app: App;
    let env: Record<string, string>;
    beforeAll(async () => {
      db = await connectTestDb();
      app = createApp(db, { cache: { budgetMb: 0 } });
      env = { NEO4J_URI: inject("neo4jUri"), NEO4J_USERNAME: "neo4j", NEO4J_PASSWORD: inject("neo4jPassword") };
    });
    afterAll(() => db.close());

    it("should add a user with a generated password shown once, which then signs in to the running app", async () => {
      const name = unique("admin");
      const run = await users(["add", name, "--role", "admin"], env);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Created ${name} (admin).`);
      const password = passwordIn(run)!;
      expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
      const session = await signInCookie(app, { username: name, password });
      expect((await graphqlAs(app, session, ME)).body).toEqual({ data: { me: { username: name, role: "admin" } } });

      const list = await users(["list"], env);
      expect(list.stdout).toMatch(new RegExp(`^${name}\\tadmin\\tcreated `, "m"));
      expect(list.stdout).not.toContain(password);
    });

    it("should change a role, disable (ending sessions at once) and re-enable, and reset a password read from stdin", async () => {
      const name = unique("ed");
      const added = await users(["add", name, "--role", "contributor", "--password-stdin"], env, "a password from a pipe\n");
      expect(added.code).toBe(0);
      expect(passwordIn(added)).toBeUndefined();
      const session = await signInCookie(app, { username: name, password: "a password from a pipe" });

      expect((await users(["set-role", name, "editor"], env)).stdout).toContain(`Now ${name} (editor).`);
      expect((await graphqlAs(app, session, ME)).body).toEqual({ data: { me: { username: name, role: "editor" } } });

      expect((await users(["disable", name], env)).code).toBe(0);
      expect((await graphqlAs(app, session, ME)).body).toEqual({ data: { me: null } });
      expect((await users(["enable", name], env)).stdout).toContain(`Enabled ${name} (editor).`);

      const reset = await users(["reset-password", name], env);
      const password = passwordIn(reset)!;
      expect(password).toBeDefined();
      const fresh = await signInCookie(app, { username: name, password });
      expect((await graphqlAs(app, fresh, ME)).body).toEqual({ data: { me: { username: name, role: "editor" } } });
      await expect(signInCookie(app, { username: name, password: "a password from a pipe" })).rejects.toThrow(/401/);
    });

    it("should fail with one clear line for an unknown user, a bad role, a duplicate or an unknown command", async () => {
      const name = unique("dup");
      expect((await users(["add", name, "--role", "reader"], env)).code).toBe(0);
      const cases: [string[], string][] = [
        [["set-role", "nobody-here", "editor"], "No user named 'nobody-here'"],
        [["add", unique("x"), "--role", "owner"], "role 'owner' must be one of reader, contributor, editor, admin"],
        [["add", name, "--role", "reader"], `A user named '${name}' already exists`],
        [["add", unique("x")], "add needs --role"],
        [["promote", name], "Unknown command 'promote'"],
      ];
      for (const [args, message] of cases) {
        const run = await users(args, env);
        expect(run.code, args.join(" ")).toBe(1);
        expect(run.stderr, args.join(" ")).toContain(`[atlas] error: ${message}`);
        expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      }
    });
  });

  describe("against the embedded store a running server started", () => {
    let dir: string;
    let neo4j: EmbeddedNeo4j;
    let db: Database;
    beforeAll(async () => {
      // What `npm start` does with ATLAS_DATA_DIR=dir: the embedded Neo4j on dir/neo4j, its pid file naming the port.
      dir = mkdtempSync(join(tmpdir(), "atlas-cli-"));
      neo4j = await startEmbeddedNeo4j({
        port: await freePort(),
        storeDir: join(dir, "neo4j"),
        heap: "512m",
        pagecacheMb: 32,
        startTimeoutMs: 300_000,
        logFile: join(dir, "neo4j.log"),
      });
      db = await connect({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
    });
    afterAll(async () => {
      await db?.close();
      await neo4j?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it("should find the running Neo4j by the store's pid file and write to it", async () => {
      const run = await users(["add", "first-admin", "--role", "admin"], {
        ATLAS_DATA_DIR: dir,
        NEO4J_EMBEDDED_PORT: String(await freePort()), // not the running one's: the pid file must be what finds it
      });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Using the running embedded Neo4j (${join(dir, "neo4j")}, pid ${neo4j.pid}, ${neo4j.uri})`);
      const { records } = await db.driver.executeQuery("MATCH (u:User {username: 'first-admin'}) RETURN u.role AS role");
      expect(records.map((r) => r.get("role"))).toEqual(["admin"]);
    });
  });
});
