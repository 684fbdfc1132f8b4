import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { connect, DatabaseUnavailableError } from "../../server/db/database.js";
import { assertPortFree, freePort, startEmbeddedNeo4j } from "../../server/db/embedded.js";

const dir = mkdtempSync(join(tmpdir(), "atlas-embedded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded Neo4j", () => {
  it("should keep its store across a clean stop and restart", async () => {
    const options = {
      storeDir: join(dir, "store"),
      heap: "512m",
      pagecacheMb: 32,
      startTimeoutMs: 120_000,
      logFile: join(dir, "neo4j.log"),
    };
    const first = await startEmbeddedNeo4j({ ...options, port: await freePort() });
    const db1 = await connect({ uri: first.uri, username: first.username, password: first.password });
    await db1.driver.executeQuery("CREATE (:Probe {value: 42})");
    await db1.close();
    await first.stop();

    const second = await startEmbeddedNeo4j({ ...options, port: await freePort() });
    const db2 = await connect({ uri: second.uri, username: second.username, password: second.password });
    const result = await db2.driver.executeQuery("MATCH (p:Probe) RETURN p.value AS value");
    await db2.close();
    await second.stop();
    expect(result.records.map((r) => r.get("value"))).toEqual([42]);
  }, 360_000); // two starts of a new store, each up to a minute or two on a busy shared machine

  it("should name the port and the remedy when the port is taken", async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      await expect(assertPortFree(port, "embedded Neo4j Bolt", "NEO4J_EMBEDDED_PORT")).rejects.toThrow(
        `Port ${port} (embedded Neo4j Bolt) is already in use`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe("external Neo4j", () => {
  it("should say which address cannot be reached", async () => {
    const port = await freePort();
    const attempt = connect({ uri: `bolt://127.0.0.1:${port}` });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(`Cannot reach Neo4j at bolt://127.0.0.1:${port}`);
  });
});
