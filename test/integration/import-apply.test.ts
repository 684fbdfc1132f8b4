/**
 * The apply of a large import, on the real Neo4j: records are written in batches (nodes, then the
 * ties of each relationship type) inside the one transaction, with progress reported batch by batch;
 * the whole import is one Change that revert undoes exactly; and a batch that fails leaves nothing
 * behind — no record, no change, the same data version.
 */
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database, TxRunner } from "../../server/db/database.js";
import { applyImport, previewImport } from "../../server/imports/preview.js";
import { revertChange } from "../../server/write/revert.js";
import type { WriteProgress } from "../../server/write/types.js";
import { data } from "./_data.js";
import { atlasSnapshot, editor, closeFreshAtlas, openFreshAtlas } from "./_write.js";

let db: Database;

beforeAll(async () => {
  db = await openFreshAtlas();
});
afterAll(() => closeFreshAtlas(db));

const bundled = data.organisations[0];
const TYPES = ["MEMBER_OF", "PARTNERS_WITH"] as const;

/**
 * A GEXF of `count` invented unions, each a member of the next and a partner of the one after, plus
 * one bundled organisation (matched by name: it gains a citation) that every tenth union joins.
 */
function gexf(prefix: string, count: number): Buffer {
  const graph = new MultiDirectedGraph();
  for (let i = 0; i < count; i++)
    graph.addNode(`n${i}`, {
      label: `${prefix} Harbour Workers Guild ${i}`,
      kind: "ORGANISATION",
      org_type: "TRADE_UNION",
      sector: "LABOUR",
      scope: "LOCAL",
    });
  graph.addNode("atlas", { label: bundled.name, kind: "ORGANISATION" });
  for (let i = 0; i < count; i++) {
    graph.addEdge(`n${i}`, `n${(i + 1) % count}`, { label: "MEMBER_OF", kind: "MEMBER_OF" });
    graph.addEdge(`n${i}`, `n${(i + 2) % count}`, { label: "PARTNERS_WITH", kind: "PARTNERS_WITH" });
    if (i % 10 === 0) graph.addEdge(`n${i}`, "atlas", { label: "MEMBER_OF", kind: "MEMBER_OF" });
  }
  return Buffer.from(writeGexf(graph, { version: "1.3" }));
}

async function previewOf(prefix: string, count: number) {
  const preview = await previewImport(db, editor, {
    file: `${prefix.toLowerCase()}.gexf`,
    format: "GEXF",
    content: gexf(prefix, count),
    source: { title: `${prefix} union survey`, url: `https://example.org/${prefix.toLowerCase()}-survey` },
  });
  expect(preview.problems.filter((p) => p.severity === "ERROR")).toEqual([]);
  expect(preview.items.find((i) => i.name === bundled.name)?.status).toBe("CONFIDENT");
  return preview;
}

/** The person's review: every confident match accepted, and an invented union a name resembles added as new. */
const reviewed = (preview: Awaited<ReturnType<typeof previewOf>>) => ({
  previewId: preview.id,
  acceptAllConfident: true,
  decisions: preview.items.filter((i) => i.status === "AMBIGUOUS" && !i.duplicateOf).map((i) => ({ key: i.key, action: "NEW" as const })),
});

async function count(query: string): Promise<number> {
  const { records } = await db.driver.executeQuery(query, {}, { database: db.database });
  return Number(records[0].get(0));
}
const changeCount = () => count("MATCH (c:Change) RETURN count(c)");
const dataVersion = () => count("MATCH (m:DatasetMeta {id: 'dataset'}) RETURN coalesce(m.version, 0)");

describe("applying an import", () => {
  it("should write it in batches as one change, report each batch, and revert to exactly the atlas before", async () => {
    const before = await atlasSnapshot(db);
    const changes = await changeCount();
    const preview = await previewOf("Batch", 60);
    const steps: Parameters<WriteProgress>[] = [];
    const outcome = await applyImport(db, editor, reviewed(preview), (...step) => steps.push(step));
    if (outcome.status !== "APPLIED") throw new Error("an editor's import is applied");
    const { change } = outcome;

    // 60 unions, their 126 ties, the bundled organisation (a new citation) and the file's source.
    expect(change.recordIds).toHaveLength(60 + 126 + 1 + 1);
    expect(change.recordIds).toContain(bundled.id);
    expect(await changeCount()).toBe(changes + 1);
    for (const type of TYPES)
      expect(await count(`MATCH (a:Entity)-[r:${type}]->(:Entity) WHERE a.name STARTS WITH 'Batch ' RETURN count(r)`)).toBe(
        type === "MEMBER_OF" ? 66 : 60,
      );
    const [cited] = (
      await db.driver.executeQuery(
        "MATCH (n:Entity {id: $id}) RETURN n.citationSources AS s",
        { id: bundled.id },
        { database: db.database },
      )
    ).records;
    expect(cited.get("s")).toContain("batch-union-survey");

    // Progress: planning, then the records written batch by batch up to all of them, then the commit.
    expect(steps[0]).toEqual(["PLANNING", 0, 0]);
    const writing = steps.filter(([step]) => step === "WRITING");
    expect(writing.length).toBeGreaterThan(3);
    expect(writing.map(([, done]) => done)).toEqual([...writing.map(([, done]) => done)].sort((a, b) => a - b));
    expect(writing.at(-1)).toEqual(["WRITING", change.recordIds.length, change.recordIds.length]);
    expect(steps.at(-1)).toEqual(["COMMITTING", change.recordIds.length, change.recordIds.length]);

    await revertChange(db, editor, change.id);
    expect(await atlasSnapshot(db)).toEqual(before);
  }, 120_000);

  it("should leave nothing behind when a batch fails: no record, no change, the same data version", async () => {
    const before = await atlasSnapshot(db);
    const changes = await changeCount();
    const version = await dataVersion();
    const preview = await previewOf("Failing", 30);
    // The second relationship batch fails, after the nodes and the first type's ties were written in the transaction.
    let batches = 0;
    const failing: Database = {
      ...db,
      writeTransaction: (work) =>
        db.writeTransaction((run) =>
          work(((query, ...params) => {
            if (query.name === "createRelationships" && ++batches === 2) throw new Error("the second batch failed");
            return run(query, ...params);
          }) as TxRunner),
        ),
    };
    const written: number[] = [];
    await expect(
      applyImport(failing, editor, reviewed(preview), (step, done) => {
        if (step === "WRITING") written.push(done);
      }),
    ).rejects.toThrow("the second batch failed");
    expect(batches).toBe(2);
    expect(Math.max(...written)).toBeGreaterThan(30);

    expect(await atlasSnapshot(db)).toEqual(before);
    expect(await changeCount()).toBe(changes);
    expect(await dataVersion()).toBe(version);
    expect(await count("MATCH (n:Entity) WHERE n.name STARTS WITH 'Failing ' RETURN count(n)")).toBe(0);
  }, 120_000);
});
