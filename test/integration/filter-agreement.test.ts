/**
 * The NetworkFilter is written twice: as Cypher (cypher/fragments/node-filter.cypher and
 * relationship-filter.cypher, in every filtered query) and as the browser's filter (the facet
 * registry core/facets.ts, applied by web/src/graph/view.ts `passesFilters` over the graph the
 * explorer loads once). Both must show the same nodes and ties. This runs a spread of facet filters
 * (every single value of every facet in the registry,
 * the explorer's opening filter, and seeded random combinations) through both on the bundled data.
 * The year range is not compared: the browser's timeline shows the network as of one year (with
 * what ended faded), which is a different question from the API's [yearFrom, yearTo] window.
 */
import { VISIBILITIES } from "../../core/access.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import { mulberry32 } from "../../server/analytics/random.js";
import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import { edgeIdsOfColumns } from "../../server/read/columns.js";
import { filterParams } from "../../server/read/filter.js";
import { NETWORK_QUERY } from "../../web/src/api/network-query.js";
import { createDataset, withScopes } from "../../core/dataset.js";
import type { AtlasDataset, CompactNetwork } from "../../core/wire.js";
import { computeView } from "../../web/src/graph/view.js";
import { FILTER_FACET_KEYS, FILTER_FACETS, type FiltersState } from "../../core/facets.js";
import { DEFAULT_FILTERS, getAllFilters } from "../../web/src/state/filters.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";

const ORGANISATION_SCOPES = gql(`query TestOrganisationScopes {
  network(filter: { kinds: [ORGANISATION] }) { nodes { id ... on Organisation { scope } } }
}`);

let db: Database;
let dataset: AtlasDataset;

beforeAll(async () => {
  db = await connectTestDb();
  const app = createApp(db);
  // The browser's graph, as the explorer loads it: the opening request (the wire format of
  // core/wire.ts), then organisation scopes.
  const network = await graphql<{ networkCompact: CompactNetwork }>(app, NETWORK_QUERY);
  const extras = await graphql(app, ORGANISATION_SCOPES);
  const scopes = new Map(extras.data!.network.nodes.flatMap((n) => ("scope" in n ? [[n.id, n.scope] as const] : [])));
  dataset = withScopes(createDataset(network.data!.networkCompact), scopes);
});
afterAll(() => db.close());

/** What Cypher keeps: nodes passing the filter, and their filtered relationships between kept nodes. */
async function throughCypher(filters: FiltersState) {
  const [row] = await db.read(QUERIES.networkColumns, { ...filterParams(filters), visible: VISIBILITIES });
  const nodes = new Set(row.nodes.id);
  const ids = edgeIdsOfColumns(row.edges);
  const edges = ids.filter((_, j) => nodes.has(row.edges.source[j]) && nodes.has(row.edges.target[j]));
  return { nodes: [...nodes].sort(), edges: edges.sort() };
}

/** What the explorer shows for the same filters, with no year, collapsed network or revealed node. */
function throughBrowser(filters: FiltersState) {
  const view = computeView(dataset, { filters, year: null, collapsed: [], revealed: [] });
  return {
    nodes: dataset.nodes
      .filter((_, i) => view.nodeVisible[i])
      .map((n) => n.id)
      .sort(),
    edges: dataset.edges
      .filter((_, j) => view.edgeVisible[j])
      .map((e) => e.id)
      .sort(),
  };
}

/** Every single value of every facet, the opening filter, and 24 seeded combinations of 2–3 facets. */
function spread(): { name: string; filters: FiltersState }[] {
  const out = [
    { name: "no filter", filters: getAllFilters() },
    { name: "the opening filter", filters: { ...DEFAULT_FILTERS } },
  ];
  for (const facet of FILTER_FACET_KEYS) {
    for (const value of FILTER_FACETS[facet].values)
      out.push({ name: `${facet}=${value}`, filters: { ...getAllFilters(), [facet]: [value] } });
  }
  const random = mulberry32(14);
  const pick = <T>(values: readonly T[]) => values.filter(() => random() < 0.4);
  for (let k = 0; k < 24; k++) {
    const facets = [...FILTER_FACET_KEYS].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 2));
    const chosen = facets.map((facet) => {
      const values = pick(FILTER_FACETS[facet].values);
      return [facet, values.length ? values : [FILTER_FACETS[facet].values[0]]];
    });
    const filters: FiltersState = { ...getAllFilters(), ...Object.fromEntries(chosen) };
    out.push({ name: `combination ${k}: ${JSON.stringify(filters)}`, filters });
  }
  return out;
}

describe("NetworkFilter: Cypher and the browser", () => {
  const sizes = new Set<string>();

  it.each(spread())("should show the same nodes and relationships for $name", async ({ filters }) => {
    const cypher = await throughCypher(filters);
    const browser = throughBrowser(filters);
    expect(browser.nodes).toEqual(cypher.nodes);
    expect(browser.edges).toEqual(cypher.edges);
    sizes.add(`${cypher.nodes.length}/${cypher.edges.length}`);
  });

  it("should have narrowed the graph in many different ways over the spread", () => {
    expect(sizes.size).toBeGreaterThan(25);
  });

  it("should have the browser's graph be the whole bundled graph", async () => {
    const all = await throughCypher(getAllFilters());
    expect(dataset.nodes.length).toBe(all.nodes.length);
    expect(dataset.edges.length).toBe(all.edges.length);
  });
});
