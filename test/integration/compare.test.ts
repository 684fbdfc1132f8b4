import type { ResultOf } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { biggestNetwork, data, kindsById, membersOf } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const kinds = kindsById();
const ACTIVITY = new Set(["CAMPAIGNED_IN", "APPEARED_AT", "WORKS_ON", "ADVOCATES", "ISSUED", "RATIFIED", "MEMBER_OF"]);

/** "CATEGORY id" of every item an organisation is linked to, written out from data/. */
function itemsOf(org: string): Set<string> {
  const out = new Set<string>();
  for (const r of data.relationships) {
    if (ACTIVITY.has(r.type) && r.source === org)
      out.add(`${kinds.get(r.target) === "ORGANISATION" ? "MEMBERSHIP" : kinds.get(r.target)} ${r.target}`);
    if (r.type === "PARTNERS_WITH" && (r.source === org || r.target === org)) out.add(`PARTNER ${r.source === org ? r.target : r.source}`);
  }
  return out;
}

const COMPARE =
  gql(`query TestCompare($ids: [ID!]!) { compare(ids: $ids) { nodes { id } items { node { id } category holders } shared { node { id } category holders }
  distinct { node { id } items { node { id } category holders } } } }`);
type Item = ResultOf<typeof COMPARE>["compare"]["items"][number];

describe("compare", () => {
  const [a, b, c] = biggestNetwork().members;

  it("should split items into shared and distinct as the data says", async () => {
    const { data: result, errors } = await graphql(app, COMPARE, { ids: [a, b] });
    expect(errors).toBeUndefined();
    const cmp = result!.compare;
    const key = (i: Item) => `${i.category} ${i.node.id}`;
    const [itemsA, itemsB] = [itemsOf(a), itemsOf(b)];
    expect(cmp.nodes.map((n) => n.id)).toEqual([a, b]);
    expect(new Set(cmp.items.map(key))).toEqual(new Set([...itemsA, ...itemsB]));
    expect(new Set(cmp.shared.map(key))).toEqual(new Set([...itemsA].filter((i) => itemsB.has(i))));
    expect(cmp.shared.map(key)).toContain(`MEMBERSHIP ${biggestNetwork().id}`);
    expect(new Set(cmp.distinct[0].items.map(key))).toEqual(new Set([...itemsA].filter((i) => !itemsB.has(i))));
    expect(new Set(cmp.distinct[1].items.map(key))).toEqual(new Set([...itemsB].filter((i) => !itemsA.has(i))));
  });

  it("should take up to five organisations and reject fewer than two, repeats and non-organisations", async () => {
    if (c) expect((await graphql(app, COMPARE, { ids: [a, b, c] })).errors).toBeUndefined();
    expect((await graphql(app, COMPARE, { ids: [a] })).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ids" });
    expect((await graphql(app, COMPARE, { ids: [a, a] })).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ids" });
    const six = data.organisations.slice(0, 6).map((o) => o.id);
    expect((await graphql(app, COMPARE, { ids: six })).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ids" });
    const issue = data.issues[0].id;
    expect((await graphql(app, COMPARE, { ids: [a, issue] })).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "ids",
    });
    expect((await graphql(app, COMPARE, { ids: [a, "no-such-body"] })).errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("coMembership", () => {
  const CO = gql(
    `query TestCoMembership($minShared: Int) { coMembership(minShared: $minShared) { nodes { id } edges { source target weight shared { id } } } }`,
  );

  /** Shared coalitions of every pair of organisations, from data/. */
  function expectedPairs(): Map<string, Set<string>> {
    const pairs = new Map<string, Set<string>>();
    for (const [coalition, members] of membersOf()) {
      const orgs = [...new Set(members)].filter((m) => kinds.get(m) === "ORGANISATION").sort();
      for (let i = 0; i < orgs.length; i++)
        for (let j = i + 1; j < orgs.length; j++) {
          const key = `${orgs[i]} ${orgs[j]}`;
          pairs.set(key, (pairs.get(key) ?? new Set()).add(coalition));
        }
    }
    return pairs;
  }

  it("should link organisations by the coalitions they share, weighted", async () => {
    const { data: result, errors } = await graphql(app, CO);
    expect(errors).toBeUndefined();
    const expected = expectedPairs();
    const edges = result!.coMembership.edges;
    expect(edges).toHaveLength(expected.size);
    for (const e of edges) {
      const shared = expected.get(`${e.source} ${e.target}`)!;
      expect(new Set(e.shared.map((s) => s.id))).toEqual(shared);
      expect(e.weight).toBe(shared.size);
    }
    const ends = new Set(edges.flatMap((e) => [e.source, e.target]));
    expect(new Set(result!.coMembership.nodes.map((n) => n.id))).toEqual(ends);
  });

  it("should keep only pairs sharing at least minShared coalitions", async () => {
    const most = Math.max(...[...expectedPairs().values()].map((s) => s.size));
    const { data: result } = await graphql(app, CO, { minShared: most });
    expect(result!.coMembership.edges.length).toBe([...expectedPairs().values()].filter((s) => s.size >= most).length);
    expect(result!.coMembership.edges.every((e) => e.weight >= most)).toBe(true);
    expect((await graphql(app, CO, { minShared: 0 })).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "minShared" });
  });
});
