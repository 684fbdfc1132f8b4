/**
 * Column answers (server/cache/column-answers.ts) give the bytes graphql-js gives, on the real
 * schema: the explorer's query, aliases and variables, and the queries it must leave to normal
 * execution (fragments, __typename, a value its type refuses).
 */
import { readFileSync } from "node:fs";

import { makeExecutableSchema } from "@graphql-tools/schema";
import { createYoga, type Plugin } from "graphql-yoga";
import { describe, expect, it } from "vitest";

import { SCHEMA_FILE } from "../../server/app.js";
import { useColumnAnswers } from "../../server/cache/column-answers.js";
import { NETWORK_QUERY } from "../../web/src/api/network-query.js";

const compact = (groupBy: string) => ({
  ids: ["a", "b", "c"],
  names: ["Alpha", 'Beta "quoted"', "Gamma é"],
  labels: ["A", "B", "C"],
  kinds: ["ORGANISATION", "FORUM", "ORGANISATION"],
  types: ["NGO", null, "TRADE_UNION"],
  sectors: [null, null, "LABOUR"],
  regions: ["ASIA_PACIFIC", null, null],
  activeFrom: [1990, null, 2001],
  activeTo: [null, null, 2010],
  sources: [0, 2],
  targets: [1, 1],
  edgeIds: ["member_of:a:b:member", "partners_with:c:b"],
  edgeTypes: ["MEMBER_OF", "PARTNERS_WITH"],
  edgeRoles: ["MEMBER", null],
  edgeActiveFrom: [null, 2003],
  edgeActiveTo: [null, null],
  edgeWeights: groupBy === "NONE" ? [1, 1] : [2, 1],
  groups: [],
  layout: async () => [0.5, -1.25, 3, 4, 1e-7, 12345.67],
});

function app(fast: boolean, answer: (groupBy: string) => Record<string, unknown> = compact) {
  const schema = makeExecutableSchema({
    typeDefs: readFileSync(SCHEMA_FILE, "utf8"),
    resolvers: { Query: { networkCompact: (_: unknown, args: { groupBy: string }) => answer(args.groupBy) } },
  });
  /** Per execution: whether the column answer gave the result (it comes as its JSON, without data). */
  const seen: { fast: boolean }[] = [];
  const probe: Plugin = { onExecute: () => ({ onExecuteDone: ({ result }) => void seen.push({ fast: "stringify" in result }) }) };
  const yoga = createYoga({ schema, plugins: [probe, ...(fast ? [useColumnAnswers()] : [])], maskedErrors: false, logging: false });
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return response.text();
  };
  return { post, seen };
}

describe("column answers", () => {
  it("answer the explorer's query, aliases and variables as graphql-js does, without executing it", async () => {
    const fast = app(true);
    const plain = app(false);
    const queries: [string, Record<string, unknown>?][] = [
      [NETWORK_QUERY],
      [
        `query($g: Grouping) { one: networkCompact(groupBy: $g) { i: ids weights: edgeWeights } two: networkCompact { layout kinds } }`,
        { g: "MEMBERSHIP" },
      ],
      [`{ networkCompact(groupBy: MEMBERSHIP) { edgeWeights types regions activeFrom } }`],
    ];
    for (const [query, variables] of queries) {
      const expected = await plain.post(query, variables);
      expect(JSON.parse(expected).errors).toBeUndefined();
      // Fields in selection order (graphql-js puts a field resolved later, `layout`, last).
      expect(JSON.parse(await fast.post(query, variables))).toEqual(JSON.parse(expected));
      // Asked again, from the remembered texts of the same arrays: the same answer.
      expect(JSON.parse(await fast.post(query, variables))).toEqual(JSON.parse(expected));
    }
    // The explorer's own query (layout last) comes byte for byte.
    expect(await fast.post(NETWORK_QUERY)).toBe(await plain.post(NETWORK_QUERY));
    expect(fast.seen.length).toBe(7);
    expect(fast.seen.every((r) => r.fast)).toBe(true);
    expect(plain.seen.some((r) => r.fast)).toBe(false);
  });

  it("stay right as the lists change from one answer to the next: copied, extended, cut back, changed in the middle", async () => {
    const base = compact("NONE");
    const versions = [
      base,
      { ...base, ids: [...base.ids, "d"], names: [...base.names, "Delta"], edgeIds: [...base.edgeIds, "member_of:d:a:member"] },
      { ...base, ids: [...base.ids], names: [...base.names], edgeIds: [...base.edgeIds] },
      { ...base, ids: [...base.ids, "d"], names: [...base.names, "Delta"], edgeIds: [...base.edgeIds, "member_of:d:a:member"] },
      { ...base, ids: ["a", "x", "c"], names: [] as string[], edgeIds: [...base.edgeIds, "member_of:d:a:member", "member_of:e:a:member"] },
    ];
    let version = 0;
    const fast = app(true, () => versions[version]);
    const plain = app(false, () => versions[version]);
    const query = `{ networkCompact { ids names edgeIds } }`;
    for (; version < versions.length; version++) expect(await fast.post(query)).toBe(await plain.post(query));
    expect(fast.seen.every((r) => r.fast)).toBe(true);
  });

  it("leave fragments, __typename, bad variables and values their type refuses to normal execution", async () => {
    const broken = (groupBy: string) => ({ ...compact(groupBy), kinds: ["ORGANISATION", "NOT_A_KIND", null] });
    const cases: [ReturnType<typeof app>, ReturnType<typeof app>, string, Record<string, unknown>?][] = [
      [app(true), app(false), `{ networkCompact { ...F } } fragment F on CompactSubgraph { ids }`],
      [app(true), app(false), `{ networkCompact { __typename ids } }`],
      [app(true), app(false), `query($g: Grouping) { networkCompact(groupBy: $g) { ids } }`, { g: "NOPE" }],
      [app(true, broken), app(false, broken), `{ networkCompact { ids kinds } }`],
    ];
    for (const [fast, plain, query, variables] of cases) {
      expect(await fast.post(query, variables)).toBe(await plain.post(query, variables));
      expect(fast.seen.some((r) => r.fast)).toBe(false);
    }
  });
});
