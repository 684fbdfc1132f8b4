/**
 * Crashes: a process killed (SIGKILL, no chance to clean up) while its write transaction is open —
 * node written, Change recorded, data version bumped, nothing committed — leaves nothing behind in
 * the real embedded Neo4j: no node, no Change, the same data version, and no lock held (the same
 * write then succeeds at once).
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import { applyOperation } from "../../server/write/index.js";
import { citation, editor, closeFreshAtlas, openFreshAtlas } from "./_write.js";

let db: Database;

beforeAll(async () => {
  db = await openFreshAtlas();
});
afterAll(() => closeFreshAtlas(db));

const input = {
  id: "crash-test-union",
  kind: "ORGANISATION" as const,
  fields: { name: "Crash Test Union", type: "TRADE_UNION", sector: "LABOUR", scope: "LOCAL", citations: [citation()] },
};

async function count(cypher: string, params: Record<string, unknown>): Promise<number> {
  const { records } = await db.driver.executeQuery(cypher, params, { database: db.database });
  return Number(records[0].get(0));
}

describe("a write killed mid-transaction", () => {
  it("leaves nothing partial", async () => {
    const [meta] = await db.read(QUERIES.datasetMeta);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/integration/_crash-writer.ts", inject("neo4jUri"), inject("neo4jPassword"), JSON.stringify(input)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) => child.once("exit", (_, signal) => done(signal)));
    const open = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        if (line.startsWith("OPEN ")) resolve(line);
      });
      child.once("exit", (code) => reject(new Error(`the writer exited (${code}) before its transaction was open`)));
    });
    const [, changeId, seq] = open.split(" ");
    expect(Number(seq)).toBe(meta.version + 1);

    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // Neo4j rolls the transaction back when its connection dies; the write's lock goes with it, so
    // the same write from here commits (it would wait for the lock, and time out, otherwise).
    const change = await applyOperation(db, "createNode", input, { actor: editor });
    expect(change.seq).toBe(meta.version + 1);
    expect(change.id).not.toBe(changeId);
    expect(await count("MATCH (c:Change {id: $id}) RETURN count(c)", { id: changeId })).toBe(0);
    expect(await count("MATCH (n:Entity {id: $id}) RETURN count(n)", { id: input.id })).toBe(1);
    expect(await count("MATCH (c:Change) WHERE $id IN c.recordIds RETURN count(c)", { id: input.id })).toBe(1);
  });
});
