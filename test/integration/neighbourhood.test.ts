import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { NEIGHBOURHOOD_LIMIT_DEFAULT, NEIGHBOURHOOD_LIMIT_MAX } from "../../server/graphql/resolvers/neighbourhood.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { data } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

/** Distance from `centre` of every node within `depth` steps, over every relationship of data/. */
function rings(centre: string, depth: number): Map<string, number> {
  const adjacent = new Map<string, Set<string>>();
  for (const r of data.relationships) {
    for (const [a, b] of [
      [r.source, r.target],
      [r.target, r.source],
    ])
      adjacent.set(a, (adjacent.get(a) ?? new Set()).add(b));
  }
  const distance = new Map([[centre, 0]]);
  let frontier = [centre];
  for (let d = 1; d <= depth; d++) {
    const next: string[] = [];
    for (const at of frontier)
      for (const n of adjacent.get(at) ?? [])
        if (!distance.has(n)) {
          distance.set(n, d);
          next.push(n);
        }
    frontier = next;
  }
  return distance;
}

/** The node with the most nodes within `depth` steps. */
function widest(depth: number): { id: string; size: number } {
  const ids = [...new Set(data.relationships.flatMap((r) => [r.source, r.target]))].sort();
  return ids.map((id) => ({ id, size: rings(id, depth).size })).sort((a, b) => b.size - a.size)[0];
}

const HOOD = gql(`query TestHood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) { truncated nodes { id name } edges { id source target } }
}`);
const HOOD_LONG = gql(`query TestHoodLong($id: ID!) {
  neighbourhood(id: $id) { nodes { id description } edges { id citations { evidence } } }
}`);
const HOOD_FULL = gql(`query TestHoodFull($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    truncated nodes { id name kind ... on Organisation { acronym sector } } edges { id type source target role since }
  }
}`);

describe("neighbourhood", () => {
  it("should return the whole neighbourhood of the bundled data's widest node, uncut, with the default limit", async () => {
    for (const depth of [1, 2, 3]) {
      const { id } = widest(depth);
      const expected = rings(id, depth);
      expect(expected.size).toBeLessThan(NEIGHBOURHOOD_LIMIT_DEFAULT);
      const { data: result, errors } = await graphql(app, HOOD, { id, depth });
      expect(errors).toBeUndefined();
      expect(result!.neighbourhood.truncated).toBe(false);
      expect(new Set(result!.neighbourhood.nodes.map((n) => n.id))).toEqual(new Set(expected.keys()));
    }
  });

  it("should keep the nearest nodes first and say when it cut", async () => {
    const { id } = widest(2);
    const distance = rings(id, 2);
    const ring1 = [...distance].filter(([, d]) => d === 1).map(([n]) => n);
    expect(distance.size).toBeGreaterThan(1 + ring1.length);
    // Room for the centre and its neighbours only: the second ring is cut entirely.
    const { data: result } = await graphql(app, HOOD, { id, depth: 2, limit: 1 + ring1.length });
    const hood = result!.neighbourhood;
    expect(hood.truncated).toBe(true);
    expect(new Set(hood.nodes.map((n) => n.id))).toEqual(new Set([id, ...ring1]));
    const ids = new Set(hood.nodes.map((n) => n.id));
    expect(hood.edges.length).toBeGreaterThan(0);
    for (const e of hood.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it("should rank within a ring by degree", async () => {
    const { id } = widest(1);
    const ring1 = [...rings(id, 1)].filter(([, d]) => d === 1).map(([n]) => n);
    const degree = new Map<string, number>();
    for (const r of data.relationships) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const top = Math.max(...ring1.map((n) => degree.get(n)!));
    const { data: result } = await graphql(app, HOOD, { id, depth: 1, limit: 2 });
    const [centre, best] = result!.neighbourhood.nodes.map((n) => n.id).sort((a, b) => (a === id ? -1 : b === id ? 1 : 0));
    expect(centre).toBe(id);
    expect(degree.get(best)).toBe(top);
    expect(result!.neighbourhood.truncated).toBe(ring1.length > 1);
  });

  it("should read long fields when asked, and the same nodes either way", async () => {
    const { id } = widest(1);
    const { data: result } = await graphql(app, HOOD_LONG, { id });
    const descriptions = new Map(
      [...data.organisations, ...data.forums, ...data.campaigns, ...data.instruments, ...data.people, ...data.issues].map((n) => [
        n.id,
        n.description ?? null,
      ]),
    );
    for (const n of result!.neighbourhood.nodes) expect(n.description).toBe(descriptions.get(n.id));
    for (const e of result!.neighbourhood.edges) expect(e.citations.length).toBeGreaterThan(0);
    const { data: lean } = await graphql(app, HOOD, { id });
    expect(lean!.neighbourhood.nodes.map((n) => n.id).sort()).toEqual(result!.neighbourhood.nodes.map((n) => n.id).sort());
    expect(lean!.neighbourhood.edges.map((e) => e.id).sort()).toEqual(result!.neighbourhood.edges.map((e) => e.id).sort());
  });

  it("should give the same answer in memory (cached graph) as through Cypher", async () => {
    const cypher = createApp(db, { cache: { budgetMb: 0 } });
    const memory = createApp(db);
    await memory.warm();
    const held = memory.caches.readModels.size;
    const sortEdges = (hood: { edges: { id: string }[] }) => ({ ...hood, edges: [...hood.edges].sort((a, b) => a.id.localeCompare(b.id)) });
    const ids = [widest(1).id, widest(2).id, ...data.organisations.slice(0, 12).map((o) => o.id)];
    for (const id of ids) {
      for (const [depth, limit] of [
        [1, 500],
        [2, 500],
        [2, 7],
        [3, 40],
        [3, 1],
      ]) {
        const [a, b] = await Promise.all([
          graphql(cypher, HOOD_FULL, { id, depth, limit }),
          graphql(memory, HOOD_FULL, { id, depth, limit }),
        ]);
        expect(a.errors).toBeUndefined();
        // Nodes in the same (ranked) order; edges as a set.
        expect(sortEdges(b.data!.neighbourhood), `${id} depth ${depth} limit ${limit}`).toEqual(sortEdges(a.data!.neighbourhood));
      }
    }
    // The in-memory path ran: it added the adjacency index to the warmed read models, nothing else.
    expect(memory.caches.readModels.size).toBe(held + 1);
    const unknown = await graphql(memory, HOOD, { id: "no-such-body" });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
  });

  it("should reject a limit outside 1–cap, naming it", async () => {
    for (const limit of [0, NEIGHBOURHOOD_LIMIT_MAX + 1]) {
      const { errors } = await graphql(app, HOOD, { id: "mfa", limit });
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
    }
  });
});
