/**
 * Supervision: kill the embedded JVM and the server notices, answers 503 with a Retry-After
 * (health and GraphQL), restarts the JVM and is healthy again, all without restarting Node.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import { freePort } from "../../server/db/embedded.js";
import { openDatabase, type OpenDatabase } from "../../server/db/open.js";
import { PID_FILE } from "../../server/db/stale-launcher.js";
import { readConfig } from "../../server/env.js";

const dir = mkdtempSync(join(tmpdir(), "atlas-supervision-"));
const lines: string[] = [];
let database: OpenDatabase;
let server: Server;
let base: string;

beforeAll(async () => {
  const config = readConfig({
    NEO4J_EMBEDDED_PORT: String(await freePort()),
    ATLAS_DATA_DIR: dir,
    NEO4J_HEAP: "512m",
    NEO4J_PAGECACHE_MB: "32",
  });
  database = await openDatabase(config, (line) => lines.push(line));
  server = createApp(database.db, { cache: { budgetMb: 0 } }).createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  server?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const health = () => fetch(`${base}/healthz`).then((r) => r.status);

async function waitForHealth(status: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await health()) === status) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe("embedded Neo4j supervision", () => {
  it("should answer 503 while the JVM is down and 200 again once it is restarted", async () => {
    expect(await health()).toBe(200);
    const jvm = Number(readFileSync(join(dir, "neo4j", PID_FILE), "utf8").split(" ")[0]);
    process.kill(jvm, "SIGKILL");

    expect(await waitForHealth(503, 10_000)).toBe(true);
    const down = await fetch(`${base}/healthz`);
    expect(Number(down.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    const graphql = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: "{ sources { id } }" }),
    });
    expect(graphql.status).toBe(503);
    expect(Number(graphql.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await graphql.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");

    expect(await waitForHealth(200, 180_000)).toBe(true);
    const again = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: "{ sources { id } }" }),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(lines.filter((line) => /restart attempt 1 in/.test(line))).toHaveLength(1);
    // The probe can see Bolt answer a moment before the launcher reports itself ready.
    await expect.poll(() => lines.some((line) => /restarted \(attempt 1, pid \d+\)/.test(line)), { timeout: 30_000 }).toBe(true);
    const restarted = Number(readFileSync(join(dir, "neo4j", PID_FILE), "utf8").split(" ")[0]);
    expect(restarted).not.toBe(jvm);
  }, 300_000);
});
