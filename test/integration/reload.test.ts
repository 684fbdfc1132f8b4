import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import { loadDataset } from "../../server/import/load.js";
import type { Dataset } from "../../server/import/schema.js";
import { submit } from "../../server/write/index.js";
import { connectTestDb } from "../_helpers.js";
import { data } from "./_data.js";
import { citation, editor, resetAtlas, SHOWN_BY_STORIES } from "./_write.js";

let db: Database;

beforeAll(async () => {
  db = await connectTestDb();
});
beforeEach(() => resetAtlas(db));
afterAll(async () => {
  await resetAtlas(db);
  await db.close();
});

async function props(id: string): Promise<Record<string, unknown> | undefined> {
  const { records } = await db.driver.executeQuery(
    "MATCH (n:Entity {id: $id}) RETURN properties(n) AS p",
    { id },
    { database: db.database },
  );
  return records[0]?.get("p");
}

/** The bundled data with one organisation's description changed and another organisation dropped. */
function changedData(describe: string, drop: string): Dataset {
  return {
    ...data,
    organisations: data.organisations
      .filter((o) => o.id !== drop)
      .map((o) => (o.id === describe ? { ...o, description: "The new bundled description." } : o)),
    relationships: data.relationships.filter((r) => r.source !== drop && r.target !== drop),
  };
}

describe("reloading data/ keeps users' work", () => {
  it("should keep users' records, edits and deletions, and list conflicts instead of overwriting", async () => {
    const [edited, untouched, , dropped] = data.organisations.map((o) => o.id);
    // Stories keep the nodes they show: the user deletes one no story shows.
    const deleted = data.organisations.map((o) => o.id).find((id, i) => i > 3 && !SHOWN_BY_STORIES.has(id))!;
    await submit(db, editor, "createNode", {
      id: "harbour-workers-union",
      kind: "ORGANISATION",
      fields: { name: "Harbour Workers Union", type: "TRADE_UNION", sector: "LABOUR", scope: "LOCAL", citations: [citation()] },
    });
    await submit(db, editor, "createRelationship", {
      type: "PARTNERS_WITH",
      source: "harbour-workers-union",
      target: dropped,
      fields: { citations: [citation()] },
    });
    await submit(db, editor, "updateNode", { id: edited, version: 1, fields: { description: "A user's description." } });
    await submit(db, editor, "deleteNode", { id: deleted, version: 1, removeTies: true });

    // The new data changes the edited record and the untouched one, and drops one the user tied to.
    const next = changedData(edited, dropped);
    next.organisations = next.organisations.map((o) => (o.id === untouched ? { ...o, description: "Updated upstream." } : o));
    const report = await loadDataset(db, next);

    expect(await props("harbour-workers-union")).toMatchObject({ origin: "user" });
    expect((await props(edited))?.description).toBe("A user's description.");
    expect(await props(untouched)).toMatchObject({ description: "Updated upstream.", version: 2, origin: "bundled" });
    expect(await props(deleted)).toBeUndefined();
    expect(await props(dropped)).toBeDefined();
    expect(report.conflicts).toEqual(
      expect.arrayContaining([
        { kind: "node", id: edited, reason: "changed by a user and in the new data" },
        { kind: "node", id: dropped, reason: "changed by a user and gone from the new data" },
      ]),
    );
    expect(report.conflicts.length).toBe(2);

    // Loading the same data again changes nothing, not even the data version.
    const [{ version }] = await db.read(QUERIES.datasetMeta);
    const again = await loadDataset(db, next);
    expect(again.written).toEqual({ nodes: 0, relationships: 0 });
    expect(again.removed).toEqual({ nodes: 0, relationships: 0, sources: 0, stories: 0 });
    expect((await db.read(QUERIES.datasetMeta))[0].version).toBe(version);
  });

  it("should give bundled records version 1 on a first load, and bump only what a reload changes", async () => {
    const [first, second] = data.organisations.map((o) => o.id);
    expect(await props(first)).toMatchObject({ version: 1, origin: "bundled" });
    await loadDataset(db, changedData(first, "no-such-id"));
    expect((await props(first))?.version).toBe(2);
    expect((await props(second))?.version).toBe(1);
  });
});
