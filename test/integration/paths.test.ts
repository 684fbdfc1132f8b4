import type { ResultOf } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { allSimplePaths } from "../_paths.js";
import type { NodeKind } from "../../core/vocabulary.js";
import { data, distance, kindsById } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

// These tests check the search itself over every tie (throughTopics); paths-introducing.test.ts
// checks the default walk over organisational ties.
const PATHS = gql(`query TestPaths($from: ID!, $to: ID!, $maxLength: Int, $limit: Int, $filter: NetworkFilter) {
  paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit, filter: $filter, throughTopics: true) {
    length nodes { id kind } edges { type source target citations { source { title } locator evidence } }
  }
}`);
type Path = ResultOf<typeof PATHS>["paths"][number];

function expectWellFormed(path: Path, from: string, to: string) {
  expect(path.nodes[0].id).toBe(from);
  expect(path.nodes.at(-1)!.id).toBe(to);
  expect(path.edges).toHaveLength(path.length);
  expect(new Set(path.nodes.map((n) => n.id)).size).toBe(path.nodes.length);
  path.edges.forEach((edge, i) => {
    // Each edge keeps its own direction but joins consecutive nodes.
    expect([edge.source, edge.target].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
    expect(edge.citations.length).toBeGreaterThan(0);
    expect(edge.citations[0].source.title).toBeTruthy();
    expect(edge.citations[0].evidence).toBeTruthy();
  });
}

const simplePaths = (from: string, to: string, maxLength: number) =>
  allSimplePaths(
    data.relationships.map((r) => [r.source, r.target] as const),
    from,
    to,
    maxLength,
  );

describe("paths", () => {
  it("should find J4DW's shortest paths to IDWF, shortest first, spelled out with citations", async () => {
    const { data, errors } = await graphql(app, PATHS, { from: "j4dw", to: "idwf", maxLength: 6, limit: 5 });
    expect(errors).toBeUndefined();
    const paths = data!.paths;
    expect(paths.length).toBeGreaterThan(1);
    expect(paths[0].length).toBe(distance("j4dw", "idwf"));
    for (const p of paths) expectWellFormed(p, "j4dw", "idwf");
    expect(paths.map((p) => p.length)).toEqual([...paths.map((p) => p.length)].sort((a, b) => a - b));
    expect(new Set(paths.map((p) => p.nodes.map((n) => n.id).join(">"))).size).toBe(paths.length);
    expect(paths.length).toBeLessThanOrEqual(5);
  });

  it("should respect the filter, keeping the ends", async () => {
    const kinds = kindsById();
    const filter: { kinds: NodeKind[] } = { kinds: ["ORGANISATION", "CAMPAIGN", "FORUM", "PERSON"] };
    const { data } = await graphql(app, PATHS, { from: "j4dw", to: "idwf", maxLength: 6, filter });
    const expected = distance("j4dw", "idwf", undefined, (id) => filter.kinds.includes(kinds.get(id)!));
    if (expected === undefined) return expect(data!.paths).toEqual([]);
    expect(data!.paths[0].length).toBe(expected);
    for (const p of data!.paths) {
      expectWellFormed(p, "j4dw", "idwf");
      expect(p.nodes.every((n) => filter.kinds.includes(n.kind))).toBe(true);
    }
  });

  it("should honour maxLength", async () => {
    const shortest = distance("j4dw", "idwf")!;
    const { data } = await graphql(app, PATHS, { from: "j4dw", to: "idwf", maxLength: shortest - 1 });
    expect(data!.paths).toEqual([]);
  });

  it("should find in memory (cached graph) exactly the k shortest simple paths, agreeing with Cypher where its search is exhaustive", async () => {
    const cypher = createApp(db, { cache: { budgetMb: 0 } });
    const memory = createApp(db);
    await memory.warm();
    const held = memory.caches.readModels.size;
    const Q =
      gql(`query TestPathsInMemory($from: ID!, $to: ID!, $maxLength: Int, $limit: Int) { paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit, throughTopics: true) {
      length nodes { id name kind } edges { id type source target role citations { source { id title } locator evidence } } } }`);
    const ids = ["j4dw", "idwf", ...data.organisations.filter((_, i) => i % 9 === 0).map((o) => o.id)];
    let found = 0;
    for (const from of ids.slice(0, 6)) {
      for (const to of ids.slice(6, 12)) {
        for (const [maxLength, limit] of [
          [4, 10],
          [3, 1],
        ]) {
          const label = `${from} → ${to}, at most ${maxLength} steps, ${limit} paths`;
          const [a, b] = await Promise.all([
            graphql(cypher, Q, { from, to, maxLength, limit }),
            graphql(memory, Q, { from, to, maxLength, limit }),
          ]);
          expect(a.errors).toBeUndefined();
          expect(b.errors).toBeUndefined();
          const inMemory = b.data!.paths;
          // Independent of both: every simple path in data/, by brute force, shortest then by ids.
          expect(
            inMemory.map((p) => p.nodes.map((n) => n.id)),
            label,
          ).toEqual(simplePaths(from, to, maxLength).slice(0, limit));
          for (const p of inMemory) expectWellFormed(p, from, to);
          // Cypher searches the 20 shortest walks, so only its paths shorter than its longest are
          // sure to be all there are; those must be the same, down to the citations.
          const longest = Math.max(0, ...a.data!.paths.map((p) => p.length));
          const exhaustive = a.data!.paths.filter((p) => p.length < longest);
          expect(inMemory.slice(0, exhaustive.length), label).toEqual(exhaustive);
          expect(inMemory.length).toBeGreaterThanOrEqual(a.data!.paths.length);
          found += inMemory.length;
        }
      }
    }
    expect(found).toBeGreaterThan(30);
    // The in-memory walk ran: it added the adjacency index to the warmed read models.
    expect(memory.caches.readModels.size).toBe(held + 1);
    const unknown = await graphql(memory, PATHS, { from: "j4dw", to: "no-such-body" });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", id: "no-such-body" });
  });

  it("should answer NOT_FOUND for an unknown end and BAD_USER_INPUT for bad bounds", async () => {
    const unknown = await graphql(app, PATHS, { from: "j4dw", to: "no-such-body" });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", id: "no-such-body" });
    const long = await graphql(app, PATHS, { from: "j4dw", to: "idwf", maxLength: 7 });
    expect(long.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "maxLength" });
    const many = await graphql(app, PATHS, { from: "j4dw", to: "idwf", limit: 11 });
    expect(many.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
  });
});
