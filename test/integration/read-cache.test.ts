import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { loadDataset } from "../../server/import/load.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { data } from "./_data.js";

let db: Database;

beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(async () => {
  await loadDataset(db, data);
  await db.close();
});

/** The explorer's start-up query: the columnar graph and the membership groups. */
const EXPLORER = `query Network { network: networkCompact { ids names labels kinds types sectors regions activeFrom activeTo
  sources targets edgeIds edgeTypes edgeRoles edgeActiveFrom edgeActiveTo edgeWeights }
  grouped: networkCompact(groupBy: MEMBERSHIP) { groups { id memberCount memberIds } } }`;
const WHOLE_GRAPH = [
  [EXPLORER, {}],
  [
    `query ($f: NetworkFilter) { network(filter: $f, groupBy: MEMBERSHIP) { nodes { id name kind } edges { id type source target weight } groups { id memberIds } } }`,
    { f: { yearTo: 2010 } },
  ],
  [
    `{ network { nodes { id ... on Organisation { description figures { note } } } edges { id citations { locator evidence source { id } } } } }`,
    {},
  ],
  [
    `query ($f: NetworkFilter) { timeline(filter: $f) { year kind label relationshipId nodes { id name } citations { locator source { id } } } }`,
    { f: { kinds: ["ORGANISATION", "FORUM"] } },
  ],
  [`{ coMembership { nodes { id name } edges { source target weight shared { id name } } } }`, {}],
  [`{ metrics { density components nodes { node { id name } degree community } } }`, {}],
] as const;

/** Raw response text, as a client sees it. */
async function text(app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const response = await app.yoga.fetch("http://atlas.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return response.text();
}

const EDGE_IDS = gql(`query TestEdgeIds { network { edges { id } } networkCompact { edgeIds } }`);
const COMPACT_EDGES = gql(`query TestCompactEdges($g: Grouping) {
  networkCompact(groupBy: $g) { ids sources targets edgeIds edgeTypes edgeRoles }
}`);
const SEARCH_LONG = gql(`query TestSearchLong($text: String!) {
  search(text: $text, limit: 50) { node { id description citations { evidence } } }
}`);

describe("read-model and result caches", () => {
  it("should answer whole-graph queries as without caches, cold and warm", async () => {
    const uncached = createApp(db, { cache: { budgetMb: 0 } });
    const cached = createApp(db);
    for (const [query, variables] of WHOLE_GRAPH) {
      const expected = await text(uncached, query, variables);
      expect(expected).not.toContain('"errors"');
      // Same data (the executor may order root fields by completion, so compare values, not bytes) …
      const cold = await text(cached, query, variables);
      expect(JSON.parse(cold)).toEqual(JSON.parse(expected));
      // … and a warm request gets the cold request's bytes.
      expect(await text(cached, query, variables)).toBe(cold);
    }
    expect(uncached.caches.readModels.size + uncached.caches.results.size).toBe(0);
    expect(cached.caches.results.size).toBe(WHOLE_GRAPH.length);
    expect(cached.caches.readModels.size).toBeGreaterThan(0);
  });

  it("should not keep results with errors, nor queries that read per request", async () => {
    const app = createApp(db);
    await text(app, `{ network(filter: { yearFrom: 2010, yearTo: 2000 }) { nodes { id } } }`);
    await text(app, `{ networkCompact { ids } node(id: "mfa") { id } }`);
    expect(app.caches.results.size).toBe(0);
  });

  it("should show a reload made elsewhere on the next request of every instance", async () => {
    const first = createApp(db);
    const second = createApp(db);
    const ids = async (app: ReturnType<typeof createApp>) =>
      JSON.parse(await text(app, `{ networkCompact { ids } }`)).data.networkCompact.ids as string[];
    const before = await ids(first);
    expect(await ids(second)).toEqual(before);
    // Another process reloads the data without one organisation: the loader writes a new hash.
    const gone =
      data.organisations.find((o) => !data.relationships.some((r) => r.source === o.id || r.target === o.id)) ?? data.organisations[0];
    await loadDataset(db, {
      ...data,
      organisations: data.organisations.filter((o) => o.id !== gone.id),
      relationships: data.relationships.filter((r) => r.source !== gone.id && r.target !== gone.id),
      stories: data.stories.filter((s) => !s.steps.some((step) => step.focus.includes(gone.id))),
    });
    for (const app of [first, second]) {
      const after = await ids(app);
      expect(after).toHaveLength(before.length - 1);
      expect(after).not.toContain(gone.id);
    }
    await loadDataset(db, data);
    // The same nodes again; their order is Neo4j's storage order, which a delete-and-reload may change.
    expect([...(await ids(first))].sort()).toEqual([...before].sort());
  });

  it("should warm the explorer's read models ahead of the first request", async () => {
    const app = createApp(db);
    expect(await app.warm()).toBeGreaterThanOrEqual(0);
    const held = app.caches.readModels.size;
    expect(held).toBeGreaterThanOrEqual(3);
    // The explorer's first request then finds its read models: nothing new is computed.
    const results = app.caches.results.size;
    await text(app, EXPLORER);
    expect(app.caches.readModels.size).toBe(held);
    expect(app.caches.results.size).toBe(results + 1);
  });

  it("should rebuild exactly the relationship ids the loader stored", async () => {
    const app = createApp(db);
    const stored = await db.driver.executeQuery("MATCH (:Entity)-[r]->(:Entity) RETURN r.id AS id", {}, { database: db.database });
    const { data: result } = await graphql(app, EDGE_IDS);
    const expected = stored.records.map((r) => r.get("id") as string).sort();
    expect(result!.network.edges.map((e) => e.id).sort()).toEqual(expected);
    expect([...result!.networkCompact.edgeIds].sort()).toEqual(expected);
  });

  it("should let a client rebuild edge ids from the compact columns, as documented", async () => {
    const app = createApp(db);
    for (const groupBy of ["NONE", "MEMBERSHIP"] as const) {
      const { data: result } = await graphql(app, COMPACT_EDGES, { g: groupBy });
      const c = result!.networkCompact;
      c.edgeIds.forEach((id, j) => {
        const ends = `${c.edgeTypes[j].toLowerCase()}:${c.ids[c.sources[j]]}:${c.ids[c.targets[j]]}`;
        const plain = c.edgeRoles[j] ? `${ends}:${c.edgeRoles[j]!.toLowerCase()}` : ends;
        expect([plain, `group:${ends}`]).toContain(id);
      });
    }
  });

  it("should read long fields of nodes read lean on demand", async () => {
    const app = createApp(db);
    const org = data.organisations.find((o) => o.description && o.citations.length > 0)!;
    const { data: result } = await graphql(app, SEARCH_LONG, { text: org.name });
    const hit = result!.search.find((h) => h.node.id === org.id)!;
    expect(hit.node.description).toBe(org.description);
    expect(hit.node.citations.map((c) => c.evidence)).toEqual(org.citations.map((c) => c.evidence));
  });
});
