import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { distance, kindsById } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

interface Path {
  length: number;
  nodes: { id: string; kind: string }[];
  edges: { type: string; source: string; target: string; citations: { source: { title: string }; locator: string; evidence: string }[] }[];
}

const PATHS = `query ($from: ID!, $to: ID!, $maxLength: Int, $limit: Int, $filter: NetworkFilter) {
  paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit, filter: $filter) {
    length nodes { id kind } edges { type source target citations { source { title } locator evidence } }
  }
}`;

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

describe("paths", () => {
  it("should find J4DW's shortest paths to IDWF, shortest first, spelled out with citations", async () => {
    const { data, errors } = await graphql<{ paths: Path[] }>(app, PATHS, { from: "j4dw", to: "idwf", maxLength: 6, limit: 5 });
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
    const filter = { kinds: ["ORGANISATION", "CAMPAIGN", "FORUM", "PERSON"] };
    const { data } = await graphql<{ paths: Path[] }>(app, PATHS, { from: "j4dw", to: "idwf", maxLength: 6, filter });
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
    const { data } = await graphql<{ paths: Path[] }>(app, PATHS, { from: "j4dw", to: "idwf", maxLength: shortest - 1 });
    expect(data!.paths).toEqual([]);
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
