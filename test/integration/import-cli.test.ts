/**
 * `npm run import` as a child process against the test Neo4j (NEO4J_URI), while an app is connected
 * to the same database, as beside a running `npm start`: the dry run prints the preview's report
 * (file, sheet, row, column, what is expected) and writes nothing; an editor's import is one
 * `importRecords` change the app then serves; a contributor's becomes one proposal; a saved mapping
 * file is used; mistakes on the command line are one clear line.
 */
import { savedMappingJson } from "../../core/import-mapping.js";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, createUser, graphqlAs, removeTestUsers, type TestUser } from "./_auth.js";
import { resetAtlas } from "./_write.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let db: Database;
let app: App;
let dir: string;
let env: Record<string, string>;
let editor: TestUser;
let contributor: TestUser;

function importCli(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/import.ts", ...args], {
      env: { PATH: process.env.PATH ?? "", ...env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const count = async (cypher: string, params: Record<string, unknown> = {}) =>
  Number((await db.driver.executeQuery(cypher, params, { database: db.database })).records[0].get(0));

const SOURCE = ["--source", "CLI test survey", "--source-url", "https://example.org/cli-test-survey"];

// Each run starts Node, tsx and a driver: seconds apiece on a busy machine.
describe("npm run import", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    db = await connectTestDb();
    await resetAtlas(db);
    app = createApp(db, { cache: { budgetMb: 0 } });
    dir = mkdtempSync(join(tmpdir(), "atlas-import-cli-"));
    env = { NEO4J_URI: inject("neo4jUri"), NEO4J_USERNAME: "neo4j", NEO4J_PASSWORD: inject("neo4jPassword") };
    editor = await createUser(db, "editor");
    contributor = await createUser(db, "contributor");
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await removeTestUsers(db);
    await resetAtlas(db);
    await db.close();
  });

  it("should print the preview's report on a dry run, naming file, sheet, row and column, and write nothing", async () => {
    const path = file(
      "cli-elements.csv",
      "Label,Type,Org type,Sector,Scope,Founded\nCli Harbour Guild,Organization,Trade union,Labour,Local,1999\nCli Valley Guild,Organization,Trade union,Labour,Local,nineteen\n",
    );
    const changes = await count("MATCH (c:Change) RETURN count(c)");
    const run = await importCli([path, "--as", editor.username, ...SOURCE, "--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("sheet 'cli-elements' (elements): 2 rows");
    expect(run.stdout).toMatch(/error: cli-elements\.csv › cli-elements › row 3 › column 'Founded': .*year/i);
    expect(run.stdout).toContain("1 error, 0 warnings");
    expect(run.stdout).toContain("dry run: nothing was written");
    // Progress goes to stderr, so the report on stdout stays clean for scripts.
    expect(run.stderr).toMatch(/matching +\[#+\] (\d+)\/\1/);
    expect(await count("MATCH (c:Change) RETURN count(c)")).toBe(changes);
    expect(await count("MATCH (n:Entity {name: 'Cli Harbour Guild'}) RETURN count(n)")).toBe(0);
  });

  it("should apply an editor's import as one importRecords change that the running app serves", async () => {
    const path = file(
      "cli-coalition.csv",
      "Label,Type,Org type,Sector,Scope\nCli Delta Workers Guild,Organization,Trade union,Labour,Local\nCli Lagoon Workers Guild,Organization,Trade union,Labour,Local\n",
    );
    const run = await importCli([path, "--as", editor.username, ...SOURCE]);
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    const id = /applied: change (\S+) \(#\d+\), (\d+) records/.exec(run.stdout);
    expect(id).not.toBeNull();
    // Two nodes and the file's source, written with a progress bar too.
    expect(Number(id![2])).toBe(3);
    expect(run.stderr).toMatch(/WRITING +\[#+\] 3\/3/);
    const change = await db.driver.executeQuery(
      "MATCH (c:Change {id: $id}) RETURN c.operation AS op, c.actor AS actor",
      { id: id![1] },
      { database: db.database },
    );
    expect(change.records[0].get("op")).toBe("importRecords");
    expect(change.records[0].get("actor")).toBe(editor.username);
    const answer = await graphqlAs<{ search: { node: { name: string } }[] }>(
      app,
      null,
      `{ search(text: "Cli Lagoon Workers Guild", limit: 3) { node { name } } }`,
    );
    expect(answer.body.data?.search.map((hit) => hit.node.name)).toContain("Cli Lagoon Workers Guild");
  });

  it("should use a saved mapping file and make a contributor's import one proposal", async () => {
    const path = file(
      "cli-odd-headers.csv",
      "Organisation called,What,Since when,Org type,Sector,Scope\nCli Summit Fishers Cooperative,Organization,2001,Trade union,Labour,Local\n",
    );
    // Saved by the wizard from last year's file: its sheet is named after that file, and fits this one.
    const mapping = file(
      "mapping.json",
      savedMappingJson("Odd headers survey", [
        { sheet: "last-years-survey", column: "Organisation called", field: "name" },
        { sheet: "last-years-survey", column: "What", field: "kind" },
        { sheet: "last-years-survey", column: "Since when", field: "founded" },
        { sheet: "last-years-survey", column: "Org type", field: "type" },
        { sheet: "last-years-survey", column: "Sector", field: "sector" },
        { sheet: "last-years-survey", column: "Scope", field: "scope" },
      ]),
    );
    const proposals = await count("MATCH (p:Proposal) RETURN count(p)");
    const { bearer } = await bearerFor(db, contributor);
    const run = await importCli([path, "--mapping", mapping, ...SOURCE], { ATLAS_TOKEN: bearer });
    expect(run.stdout).toContain("cli-odd-headers › Since when → founded");
    expect(run.stderr).not.toContain("error");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/proposed: proposal \S+/);
    expect(await count("MATCH (p:Proposal) RETURN count(p)")).toBe(proposals + 1);
    expect(await count("MATCH (n:Entity {name: 'Cli Summit Fishers Cooperative'}) RETURN count(n)")).toBe(0);
  });

  it("should refuse an unknown user, a file of unknown type and a half-given source in one line each", async () => {
    const path = file("cli-one.csv", "Label,Type\nCli Canyon Guild,Organization\n");
    const nobody = await importCli([path, "--as", "nobody-here", ...SOURCE]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("No user 'nobody-here'");
    const odd = await importCli([file("cli.pdf", "%PDF"), "--as", editor.username]);
    expect(odd.code).toBe(1);
    expect(odd.stderr).toContain("Cannot tell the format of");
    const half = await importCli([path, "--as", editor.username, "--source", "Only a title"]);
    expect(half.code).toBe(1);
    expect(half.stderr).toContain("--source and --source-url go together");
    for (const run of [nobody, odd, half]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
