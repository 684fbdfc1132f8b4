import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { data, kindsById } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const ALLIES = gql(
  `query TestAllies($id: ID!, $limit: Int) { allies(id: $id, limit: $limit, includeStates: true) { score organisationalScore node { id } reasons shared { id } } }`,
);

const kinds = kindsById();
const isOrg = (id: string) => kinds.get(id) === "ORGANISATION";
const ACTIVITY = new Set(["CAMPAIGNED_IN", "APPEARED_AT", "WORKS_ON", "ADVOCATES", "ISSUED", "RATIFIED", "MEMBER_OF"]);

/** The people affiliated with each organisation: their campaigns and forums count as its own. */
const peopleOf = (org: string) =>
  data.relationships
    .filter((r) => r.type === "AFFILIATED_WITH" && r.target === org && kinds.get(r.source) === "PERSON")
    .map((r) => r.source);
const PRESENCE = new Set(["CAMPAIGNED_IN", "APPEARED_AT"]);

/** Adamic–Adar written out from data/: the items of each organisation, and the organisations of each item. */
function adamicAdar(a: string, b: string): number {
  const items = (org: string) => {
    const out = new Set<string>();
    const people = peopleOf(org);
    for (const r of data.relationships) {
      if (ACTIVITY.has(r.type) && r.source === org) out.add(`a:${r.target}`);
      if (PRESENCE.has(r.type) && people.includes(r.source)) out.add(`a:${r.target}`);
      if (r.type === "PARTNERS_WITH" && isOrg(r.source) && isOrg(r.target) && (r.source === org || r.target === org))
        out.add(`p:${r.source === org ? r.target : r.source}`);
    }
    return out;
  };
  const holders = (item: string) => {
    const [side, id] = [item.slice(0, 1), item.slice(2)];
    const out = new Set<string>();
    for (const r of data.relationships) {
      if (side === "a" && ACTIVITY.has(r.type) && r.target === id && isOrg(r.source)) out.add(r.source);
      if (side === "a" && PRESENCE.has(r.type) && r.target === id && kinds.get(r.source) === "PERSON")
        for (const t of data.relationships) if (t.type === "AFFILIATED_WITH" && t.source === r.source && isOrg(t.target)) out.add(t.target);
      if (side === "p" && r.type === "PARTNERS_WITH" && (r.source === id || r.target === id))
        out.add(r.source === id ? r.target : r.source);
    }
    return out.size;
  };
  const mine = items(a);
  return [...items(b)].filter((i) => mine.has(i)).reduce((sum, i) => sum + 1 / Math.log(holders(i)), 0);
}

const linked = (a: string, b: string) =>
  data.relationships.some((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));

const ITEM_TYPES = [
  { kind: "CAMPAIGN", types: ["CAMPAIGNED_IN"], reason: "Both campaigned in" },
  { kind: "FORUM", types: ["APPEARED_AT"], reason: "Both appeared at" },
  { kind: "ISSUE", types: ["WORKS_ON", "ADVOCATES"], reason: "Both work on" },
] as const;

/**
 * Two organisations linked to the same item without being directly linked: a shared campaign when
 * the data has one (the case the issue names), else a shared forum, else a shared issue.
 */
function sharedItemPair() {
  for (const { kind, types, reason } of ITEM_TYPES) {
    const items = [...kinds]
      .filter(([, k]) => k === kind)
      .map(([id]) => id)
      .sort();
    for (const item of items) {
      const orgs = [
        ...new Set(
          data.relationships
            .filter((r) => (types as readonly string[]).includes(r.type) && r.target === item && isOrg(r.source))
            .map((r) => r.source),
        ),
      ].sort();
      for (const a of orgs) for (const b of orgs) if (a < b && !linked(a, b)) return { a, b, item, kind, reason };
    }
  }
  return undefined;
}

const nameOf = new Map(
  [...data.organisations, ...data.forums, ...data.campaigns, ...data.instruments, ...data.people, ...data.issues].map((n) => [
    n.id,
    n.name,
  ]),
);

describe("allies", () => {
  it("should suggest an organisation that shares a campaign (or forum, or issue), naming it", async () => {
    const pair = sharedItemPair();
    expect(pair, "the data should hold two unlinked organisations sharing a campaign, forum or issue").toBeDefined();
    const { data: result, errors } = await graphql(app, ALLIES, { id: pair!.a, limit: 50 });
    expect(errors).toBeUndefined();
    const ally = result!.allies.find((s) => s.node.id === pair!.b);
    expect(ally).toBeDefined();
    expect(ally!.reasons).toContain(`${pair!.reason} ${nameOf.get(pair!.item)}`);
    expect(ally!.shared.map((n) => n.id)).toContain(pair!.item);
    expect(ally!.score).toBeCloseTo(adamicAdar(pair!.a, pair!.b), 10);
  });

  it("should rank by Adamic–Adar (organisational ties first) and never suggest a direct neighbour", async () => {
    const org = data.organisations
      .map((o) => o.id)
      .find((id) => data.relationships.filter((r) => r.source === id && r.type === "MEMBER_OF").length > 1)!;
    const { data: result } = await graphql(app, ALLIES, { id: org, limit: 10 });
    const allies = result!.allies;
    expect(allies.length).toBeGreaterThan(0);
    const keys = allies.map((s) => [s.organisationalScore, s.score]);
    expect(keys).toEqual([...keys].sort((x, y) => y[0] - x[0] || y[1] - x[1]));
    for (const s of allies) {
      expect(s.node.id).not.toBe(org);
      expect(linked(org, s.node.id)).toBe(false);
      expect(s.score).toBeCloseTo(adamicAdar(org, s.node.id), 10);
      expect(s.reasons).toHaveLength(s.shared.length);
    }
  });

  it("should answer NOT_FOUND for an unknown id and BAD_USER_INPUT for a limit above 50", async () => {
    expect((await graphql(app, ALLIES, { id: "no-such-body" })).errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
    expect((await graphql(app, ALLIES, { id: "mfa", limit: 51 })).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "limit",
    });
  });
});
