/**
 * Overlapping and nested collapse through the API (`network(groupBy: MEMBERSHIP, collapsed:)`,
 * `expand`), on the bundled data, and the explorer's view computed from the same answers agreeing
 * with it. In the documents GCM, PGA and the WSFM share three members (MFA, PICUM and the
 * Pan-African Network); GCM alone has the Solidarity Center; MFA is itself a network (CARAM Asia is
 * its sub-network), inside all three.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { createDataset } from "../../core/dataset.js";
import type { CompactNetwork, NodeGroup } from "../../core/wire.js";
import { computeView } from "../../web/src/graph/view.js";
import { getAllFilters } from "../../web/src/state/filters.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { membersOf } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const NETWORK = gql(`query TestCollapse($collapsed: [ID!]) {
  network(groupBy: MEMBERSHIP, collapsed: $collapsed) {
    nodes { id }
    edges { id type source target weight citations { evidence } }
    groups { id memberCount memberIds sharedIds directMemberIds collapsed }
  }
}`);
const EXPLORER = gql(`query TestCollapseExplorer {
  networkCompact { ids names labels kinds types sectors regions activeFrom activeTo sources targets edgeIds edgeTypes edgeActiveFrom edgeActiveTo }
  grouped: networkCompact(groupBy: MEMBERSHIP) { groups { id memberCount memberIds sharedIds directMemberIds collapsed } }
}`);
const EXPAND = gql(`query TestCollapseExpand($id: ID!) { expand(id: $id) { memberIds nodes { id } } }`);

const MEMBERS = membersOf();
const members = (id: string) => [...new Set(MEMBERS.get(id) ?? [])].sort();
const SHARED_BY_ALL_THREE = ["mfa", "pan-african-network", "picum"];

async function collapse(collapsed?: string[]) {
  const { data, errors } = await graphql(app, NETWORK, { collapsed });
  expect(errors).toBeUndefined();
  const { nodes, edges, groups } = data!.network;
  return { ids: new Set(nodes.map((n) => n.id)), edges, group: (id: string) => groups.find((g) => g.id === id)! };
}

describe("collapse through the API", () => {
  it.each(["pga", "gcm", "wsfm"])("should fold every member of %s collapsed alone", async (id) => {
    const { ids, edges, group } = await collapse([id]);
    expect(members(id)).toEqual(expect.arrayContaining(SHARED_BY_ALL_THREE));
    expect(group(id)).toMatchObject({ collapsed: true, memberIds: members(id), sharedIds: [], directMemberIds: members(id) });
    for (const m of members(id)) expect(ids.has(m), m).toBe(false);
    expect(ids.has(id)).toBe(true);
    // MFA folded with it: its sub-network CARAM Asia stays, its membership re-pointed to the network.
    expect(ids.has("caram-asia")).toBe(true);
    expect(edges).toContainEqual(expect.objectContaining({ type: "MEMBER_OF", source: "caram-asia", target: id }));
    // The other two networks stay open, tied to this one by the memberships of its members.
    for (const other of ["pga", "gcm", "wsfm"].filter((o) => o !== id)) {
      expect(group(other)).toMatchObject({ collapsed: false, memberIds: [], sharedIds: [] });
      expect(edges).toContainEqual(expect.objectContaining({ type: "MEMBER_OF", source: id, target: other, weight: 3 }));
    }
  });

  it("should keep the members GCM, PGA and the WSFM share visible, tied to each, when collapsed together", async () => {
    const { ids, edges, group } = await collapse(["pga", "gcm", "wsfm"]);
    for (const id of ["pga", "gcm", "wsfm"]) {
      expect(group(id).sharedIds).toEqual(SHARED_BY_ALL_THREE);
      for (const m of SHARED_BY_ALL_THREE) {
        expect(ids.has(m)).toBe(true);
        const tie = edges.find((e) => e.type === "MEMBER_OF" && e.source === m && e.target === id)!;
        expect(tie, `${m} → ${id}`).toMatchObject({ weight: 1 });
        expect(tie.citations[0].evidence).toBeTruthy();
      }
    }
    // What only GCM holds still folds into it.
    expect(group("gcm").memberIds).toContain("solidarity-center");
    expect(ids.has("solidarity-center")).toBe(false);
    expect(group("pga").memberIds).toEqual([]);
  });

  it("should keep a collapsed network inside a collapsed network as a group of its own", async () => {
    const { ids, edges, group } = await collapse(["mfa", "pga"]);
    expect(ids.has("mfa")).toBe(true);
    expect(group("mfa")).toMatchObject({ collapsed: true, memberIds: ["caram-asia"] });
    expect(group("pga").memberIds).toEqual(members("pga").filter((m) => m !== "mfa"));
    expect(ids.has("caram-asia")).toBe(false);
    expect(edges).toContainEqual(expect.objectContaining({ type: "MEMBER_OF", source: "mfa", target: "pga", weight: 1 }));
  });

  it("should collapse every network by default, by the same rule", async () => {
    const all = await collapse();
    const named = await collapse([...MEMBERS.keys()]);
    expect([...all.ids].sort()).toEqual([...named.ids].sort());
    expect(all.group("pga")).toMatchObject({ collapsed: true, memberIds: [], sharedIds: ["pan-african-network", "picum"] });
  });

  it("should expand a network into exactly its direct members", async () => {
    const { group } = await collapse(["pga", "gcm", "wsfm"]);
    for (const id of ["pga", "gcm", "wsfm", "mfa"]) {
      const { data } = await graphql(app, EXPAND, { id });
      expect([...data!.expand.memberIds].sort(), id).toEqual(group(id)?.directMemberIds ?? members(id));
    }
  });

  it("should reject an empty id in collapsed as BAD_USER_INPUT naming it", async () => {
    const { errors } = await graphql(app, NETWORK, { collapsed: ["pga", ""] });
    expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "collapsed[1]" });
  });
});

describe("the explorer's view agrees with the API", () => {
  it.each([[["pga"]], [["gcm"]], [["wsfm"]], [["pga", "gcm", "wsfm"]], [["mfa", "pga"]], [["gcm", "mfa", "wsfm", "pga"]]])(
    "should show the same nodes with %j collapsed",
    async (collapsed) => {
      const { data, errors } = await graphql(app, EXPLORER);
      expect(errors).toBeUndefined();
      const dataset = createDataset(data!.networkCompact as CompactNetwork, data!.grouped.groups as NodeGroup[]);
      const view = computeView(dataset, { filters: getAllFilters(), year: null, collapsed, revealed: [] });
      const shown = dataset.nodes.filter((_, i) => view.nodeVisible[i] === 1).map((n) => n.id);
      const api = await collapse(collapsed);
      expect(shown.sort()).toEqual([...api.ids].sort());
      for (const id of collapsed) {
        const fold = view.folding.byGroup.get(id)!;
        expect({ memberIds: fold.folded, sharedIds: fold.shared }).toEqual({
          memberIds: api.group(id).memberIds,
          sharedIds: api.group(id).sharedIds,
        });
      }
    },
  );
});
