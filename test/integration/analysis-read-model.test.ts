/**
 * The analyses over the real read model: the `networkColumns` read from Neo4j is what the bench's
 * in-memory copy (bench/read-model.ts) says it is, the analyses give the same answers whatever order
 * the database returns, and a filtered read's hidden nodes count for nothing, although the read
 * still carries the relationships that lead to them.
 */
import { VISIBILITIES } from "../../core/access.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { columnsOfRows } from "../../bench/read-model.js";
import { brokerageRoles } from "../../server/analytics/brokerage.js";
import { coPresence } from "../../server/analytics/co-presence.js";
import { indexColumns } from "../../server/analytics/column-graph.js";
import { whatIfIndex, whatIfRemove } from "../../server/analytics/what-if.js";
import { yearDiff } from "../../server/analytics/year-diff.js";
import type { Database } from "../../server/db/database.js";
import { loadDataset } from "../../server/import/load.js";
import { toGraphRows } from "../../server/import/to-graph.js";
import type { SubgraphColumns } from "../../server/read/columns.js";
import { filterParams } from "../../server/read/filter.js";
import type { Sector } from "../../core/vocabulary.js";
import { connectTestDb } from "../_helpers.js";
import { biggestNetwork, data } from "./_data.js";
import { QUERIES } from "../../server/db/registry.js";

let db: Database;

beforeAll(async () => {
  db = await connectTestDb();
  await loadDataset(db, data);
});
afterAll(() => db.close());

const read = async (filter: Parameters<typeof filterParams>[0]) =>
  (await db.read(QUERIES.networkColumns, { ...filterParams(filter), visible: VISIBILITIES }))[0];

/** Rows of the columns, one object per node and per edge, sorted, so orders can differ. */
function rowsOf(columns: SubgraphColumns) {
  const rows = (part: Record<string, unknown[]>) =>
    Object.keys(part)[0] === undefined
      ? []
      : part[Object.keys(part)[0]]
          .map((_, i) =>
            JSON.stringify(
              Object.keys(part)
                .sort()
                .map((field) => [field, part[field][i] ?? null]),
            ),
          )
          .sort();
  return {
    nodes: rows(columns.nodes as unknown as Record<string, unknown[]>),
    edges: rows(columns.edges as unknown as Record<string, unknown[]>),
  };
}

describe("analyses over the read model", () => {
  it("should be given by Neo4j what the bench builds in memory", async () => {
    expect(rowsOf(await read(null))).toEqual(rowsOf(columnsOfRows(toGraphRows(data))));
  });

  it("should not depend on the order the database returns", async () => {
    const fromNeo4j = indexColumns(await read(null));
    const inMemory = indexColumns(columnsOfRows(toGraphRows(data)));
    const coalition = biggestNetwork().id;
    for (const graph of [fromNeo4j, inMemory]) expect(graph.ids.length).toBeGreaterThan(100);
    expect(brokerageRoles(fromNeo4j, "REGION")).toEqual(brokerageRoles(inMemory, "REGION"));
    expect(coPresence(fromNeo4j)).toEqual(coPresence(inMemory));
    expect(yearDiff(fromNeo4j, 2000, 2020)).toEqual(yearDiff(inMemory, 2000, 2020));
    expect(whatIfRemove(whatIfIndex(fromNeo4j), [coalition])).toEqual(whatIfRemove(whatIfIndex(inMemory), [coalition]));
  });

  it("should let nothing a filter hides count, though the read keeps ties to hidden nodes", async () => {
    const sectors: Sector[] = ["LABOUR", "CIVIL_SOCIETY"];
    const filtered = await read({ sectors });
    const hidden = new Set(data.organisations.filter((o) => !sectors.includes(o.sector)).map((o) => o.id));
    expect(filtered.edges.target.some((id) => hidden.has(id))).toBe(true);
    // The same graph with the hidden organisations and every tie touching them left out beforehand.
    const rows = toGraphRows(data);
    const without = indexColumns(
      columnsOfRows({
        nodes: rows.nodes.filter((n) => !hidden.has(n.id)),
        relationships: rows.relationships.filter((r) => !hidden.has(r.source) && !hidden.has(r.target)),
      }),
    );
    const graph = indexColumns(filtered);
    expect(brokerageRoles(graph, "SCOPE")).toEqual(brokerageRoles(without, "SCOPE"));
    expect(coPresence(graph)).toEqual(coPresence(without));
    expect(yearDiff(graph, 2005, 2015)).toEqual(yearDiff(without, 2005, 2015));
    expect(whatIfRemove(whatIfIndex(graph), ["pga"])).toEqual(whatIfRemove(whatIfIndex(without), ["pga"]));
  });
});
