import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { NETWORK_QUERY } from "../../web/src/api/network-query.js";
import { createDataset } from "../../core/dataset.js";
import type { CompactNetwork } from "../../core/wire.js";
import { computeInitialLayout } from "../../core/layout/initial.js";
import { graphql as gql } from "../gql/index.js";
import type { TestMembersQuery } from "../gql/graphql.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { biggestNetwork, data, membersOf } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const NETWORK = gql(`query TestGroupedNetwork($groupBy: Grouping) {
  network(groupBy: $groupBy) {
    nodes { id }
    edges { id type source target weight citations { source { id } evidence } }
    groups { id memberCount memberIds }
  }
}`);
const COMPACT = gql(`query TestGroupedCompact($groupBy: Grouping) {
  networkCompact(groupBy: $groupBy) {
    ids names labels kinds types sectors regions activeFrom activeTo sources targets edgeIds edgeTypes edgeActiveFrom edgeActiveTo edgeWeights
    groups { id memberIds }
  }
}`);
const EXPAND = gql(`query TestExpand($id: ID!, $filter: NetworkFilter) {
  expand(id: $id, filter: $filter) { memberIds nodes { id } edges { type source target } }
}`);
const MEMBERS = gql(`query TestMembers($id: ID!, $after: String) {
  node(id: $id) {
    ... on Organisation {
      memberCount
      members(first: 2, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name } relationship { type direction role other { id } citations { evidence } } }
      }
    }
  }
}`);

type MembersOrganisation = Extract<NonNullable<TestMembersQuery["node"]>, { memberCount: number }>;

/** The organisation a MEMBERS answer is about (the query selects fields on Organisation only). */
function organisation<N extends object>(node: N | null | undefined): Extract<N, { memberCount: number }> {
  if (!node || !("memberCount" in node)) throw new Error("expected an organisation");
  return node as Extract<N, { memberCount: number }>;
}

describe("networks of networks", () => {
  const network = biggestNetwork();

  describe("network(groupBy: MEMBERSHIP)", () => {
    it("should let the biggest network stand for members that belong to it alone", async () => {
      const { data: result, errors } = await graphql(app, NETWORK, { groupBy: "MEMBERSHIP" });
      expect(errors).toBeUndefined();
      const { nodes, edges, groups } = result!.network;
      const group = groups.find((g) => g.id === network.id)!;
      expect(group.memberCount).toBe(new Set(network.members).size);
      const members = membersOf();
      // Members that are not networks themselves and belong only to this one must fold into it.
      const onlyHere = network.members.filter(
        (m) => !members.has(m) && data.relationships.filter((r) => r.type === "MEMBER_OF" && r.source === m).length === 1,
      );
      expect(onlyHere.length).toBeGreaterThan(0);
      expect(group.memberIds).toEqual(expect.arrayContaining(onlyHere));
      const ids = new Set(nodes.map((n) => n.id));
      for (const m of onlyHere) expect(ids.has(m)).toBe(false);
      // Every edge joins visible nodes, no self-loops, and weights add up to the relationships they stand for.
      for (const e of edges) {
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        expect(e.source).not.toBe(e.target);
        expect(e.citations.length).toBeGreaterThanOrEqual(e.weight);
      }
      const total = edges.reduce((sum, e) => sum + e.weight, 0);
      expect(total).toBeLessThan(data.relationships.length);
      expect(edges.some((e) => e.weight > 1)).toBe(true);
    });

    it("should return the plain graph by default", async () => {
      const { data: result } = await graphql(app, NETWORK);
      expect(result!.network.groups).toEqual([]);
      expect(result!.network.edges.every((e) => e.weight === 1)).toBe(true);
      expect(result!.network.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(network.members));
    });

    it("should reject an unknown grouping in variables as BAD_USER_INPUT", async () => {
      // A plain string: the typed document would not let a test pass an unknown grouping.
      const { errors } = await graphql(app, String(NETWORK), { groupBy: "COUNTRY" });
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
      expect(errors?.[0].message).toContain("groupBy");
    });
  });

  describe("networkCompact", () => {
    it("should encode the same graph as network, column by column", async () => {
      const [{ data: compact }, { data: full }] = await Promise.all([graphql(app, COMPACT), graphql(app, NETWORK)]);
      const c = compact!.networkCompact;
      expect(c.ids).toEqual(full!.network.nodes.map((n) => n.id));
      for (const column of ["names", "labels", "kinds", "types", "sectors", "regions", "activeFrom", "activeTo"] as const)
        expect(c[column]).toHaveLength(c.ids.length);
      const edges = c.edgeIds.map((id, j) => `${id} ${c.ids[c.sources[j]]}->${c.ids[c.targets[j]]}`).sort();
      expect(edges).toEqual(full!.network.edges.map((e) => `${e.id} ${e.source}->${e.target}`).sort());
      const j4dw = c.ids.indexOf("j4dw");
      expect(c.labels[j4dw]).toBe(data.organisations.find((o) => o.id === "j4dw")?.acronym);
    });

    it("should send the opening layout the browser would compute, for every node", async () => {
      // The explorer's own first request.
      const { data: result, errors } = await graphql<{ networkCompact: CompactNetwork }>(app, NETWORK_QUERY);
      expect(errors).toBeUndefined();
      const network = result!.networkCompact;
      expect(network.layout).toHaveLength(2 * network.ids.length);
      const { layout, ...withoutLayout } = network;
      const browser = computeInitialLayout(createDataset(withoutLayout));
      // The server rounds to 0.01, so each coordinate is within half of that (plus float error).
      const off = layout!.flatMap((v, k) =>
        Math.abs(v - browser[k]) <= 0.005 + 1e-9 ? [] : [`${network.ids[k >> 1]}[${k & 1 ? "y" : "x"}] ${v} vs ${browser[k]}`],
      );
      expect(off.slice(0, 5), `${off.length} of ${layout!.length} coordinates differ`).toEqual([]);
      // Not all on one spot: the nodes are spread out.
      expect(new Set(layout!.map((v) => Math.round(v))).size).toBeGreaterThan(network.ids.length / 2);
    });

    it("should group like network(groupBy: MEMBERSHIP)", async () => {
      const [{ data: compact }, { data: full }] = await Promise.all([
        graphql(app, COMPACT, { groupBy: "MEMBERSHIP" }),
        graphql(app, NETWORK, { groupBy: "MEMBERSHIP" }),
      ]);
      const c = compact!.networkCompact;
      expect(c.ids).toEqual(full!.network.nodes.map((n) => n.id));
      expect(c.edgeWeights).toEqual(full!.network.edges.map((e) => e.weight));
      expect(c.groups).toEqual(full!.network.groups.map(({ id, memberIds }) => ({ id, memberIds })));
    });
  });

  describe("expand", () => {
    it("should list a network's members and their relationships", async () => {
      const { data: result } = await graphql(app, EXPAND, { id: network.id });
      const { memberIds, nodes, edges } = result!.expand;
      expect([...memberIds].sort()).toEqual([...new Set(network.members)].sort());
      expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([network.id, ...network.members]));
      for (const m of network.members) expect(edges).toContainEqual({ type: "MEMBER_OF", source: m, target: network.id });
      // Every relationship of every member is there, with its other end.
      const expected = data.relationships.filter((r) => network.members.includes(r.source) || network.members.includes(r.target));
      expect(edges).toHaveLength(new Set(expected.map((r) => `${r.type}:${r.source}:${r.target}:${r.role ?? ""}`)).size);
    });

    it("should keep only members that pass the filter", async () => {
      const sectorOf = new Map(data.organisations.map((o) => [o.id, o.sector]));
      const sectors = [...new Set(network.members.flatMap((m) => sectorOf.get(m) ?? []))];
      expect(sectors.length).toBeGreaterThan(0);
      const sector = sectors.sort(
        (a, b) => network.members.filter((m) => sectorOf.get(m) === a).length - network.members.filter((m) => sectorOf.get(m) === b).length,
      )[0];
      const { data: result } = await graphql(app, EXPAND, { id: network.id, filter: { sectors: [sector] } });
      const expected = [...new Set(network.members.filter((m) => sectorOf.get(m) === sector))].sort();
      expect([...result!.expand.memberIds].sort()).toEqual(expected);
      // The network itself stays, whatever its sector.
      expect(result!.expand.nodes.map((n) => n.id)).toContain(network.id);
    });

    it("should answer NOT_FOUND for an unknown id", async () => {
      const { errors } = await graphql(app, EXPAND, { id: "no-such-network" });
      expect(errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("Organisation.memberCount and members", () => {
    it("should page through every member by name", async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let count = 0;
      for (let page = 0; page < 50; page++) {
        const { data: result } = await graphql(app, MEMBERS, { id: network.id, after });
        const org: MembersOrganisation = organisation(result!.node);
        const m = org.members;
        count = org.memberCount;
        expect(m.totalCount).toBe(count);
        for (const e of m.edges) {
          expect(e.relationship).toMatchObject({ type: "MEMBER_OF", direction: "IN", other: { id: e.node.id } });
          expect(e.relationship.citations.length).toBeGreaterThan(0);
          seen.push(e.node.name);
        }
        if (!m.pageInfo.hasNextPage) break;
        after = m.pageInfo.endCursor;
      }
      expect(count).toBe(new Set(network.members).size);
      const names = data.organisations.filter((o) => network.members.includes(o.id)).map((o) => o.name);
      expect(seen).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it("should count zero members for an organisation nobody belongs to", async () => {
      const members = membersOf();
      const loner = data.organisations.find((o) => !members.has(o.id))!;
      const { data: result } = await graphql(app, MEMBERS, { id: loner.id });
      const org = organisation(result!.node);
      expect(org.memberCount).toBe(0);
      expect(org.members.edges).toEqual([]);
    });

    it("should reject a forged cursor", async () => {
      const { errors } = await graphql(app, MEMBERS, { id: network.id, after: "not-a-cursor" });
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    });
  });
});
