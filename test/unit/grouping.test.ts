import { describe, expect, it } from "vitest";

import { groupByMembership, membersOf } from "../../server/analytics/grouping.js";

const edge = (type: string, source: string, target: string) => ({ id: `${type}:${source}:${target}`, type, source, target });

/**
 * Two coalitions G (3 members) and P (2 members): m1 belongs to both, n is itself a network with a
 * member x, and n belongs to G. y is outside every coalition.
 */
const NODES = ["G", "P", "m1", "m2", "m3", "n", "x", "y", "issue"].map((id) => ({ id }));
const EDGES = [
  edge("MEMBER_OF", "m1", "G"),
  edge("MEMBER_OF", "m2", "G"),
  edge("MEMBER_OF", "n", "G"),
  edge("MEMBER_OF", "m1", "P"),
  edge("MEMBER_OF", "m3", "P"),
  edge("MEMBER_OF", "x", "n"),
  edge("WORKS_ON", "m1", "issue"),
  edge("WORKS_ON", "m2", "issue"),
  edge("WORKS_ON", "G", "issue"),
  edge("PARTNERS_WITH", "m2", "y"),
  edge("PARTNERS_WITH", "m1", "m2"),
];

describe("grouping", () => {
  describe("#membersOf", () => {
    it("should list each group's direct members once, in input order", () => {
      const members = membersOf([...EDGES, edge("MEMBER_OF", "m1", "G")]);
      expect(Object.fromEntries(members)).toEqual({ G: ["m1", "m2", "n"], P: ["m1", "m3"], n: ["x"] });
    });
  });

  describe("#groupByMembership", () => {
    const grouped = groupByMembership(NODES, EDGES);
    const byKey = new Map(grouped.edges.map((e) => [`${e.type} ${e.source}->${e.target}`, e]));

    it("should hide folded members, keep shared ones and nested groups, and list groups with their members", () => {
      // m1 is in G and P: shared, so it stays; n is a group itself, so it stays too.
      expect(grouped.nodes.map((n) => n.id)).toEqual(["G", "P", "m1", "n", "y", "issue"]);
      expect(grouped.groups).toEqual([
        { id: "G", memberCount: 3, memberIds: ["m2"], sharedIds: ["m1"], directMemberIds: ["m1", "m2", "n"], collapsed: true },
        { id: "P", memberCount: 2, memberIds: ["m3"], sharedIds: ["m1"], directMemberIds: ["m1", "m3"], collapsed: true },
        { id: "n", memberCount: 1, memberIds: ["x"], sharedIds: [], directMemberIds: ["x"], collapsed: true },
      ]);
    });

    it("should collapse only the groups named, folding a nested group that is not collapsed", () => {
      const onlyG = groupByMembership(NODES, EDGES, ["G"]);
      // n folds into G (it is not collapsed); its member x stays, its membership re-pointed to G.
      expect(onlyG.nodes.map((n) => n.id)).toEqual(["G", "P", "m3", "x", "y", "issue"]);
      expect(onlyG.groups.find((g) => g.id === "G")).toMatchObject({ memberIds: ["m1", "m2", "n"], sharedIds: [], collapsed: true });
      expect(onlyG.groups.find((g) => g.id === "P")).toMatchObject({ memberIds: [], sharedIds: [], collapsed: false });
      expect(onlyG.edges.map((e) => `${e.type} ${e.source}->${e.target}`)).toContain("MEMBER_OF x->G");
    });

    it("should aggregate parallel edges with a weight and drop self-loops", () => {
      // m2 and G itself work on the issue: two relationships, one edge (m1, shared, keeps its own).
      expect(byKey.get("WORKS_ON G->issue")).toMatchObject({ weight: 2, id: "group:works_on:G:issue" });
      expect(byKey.get("WORKS_ON G->issue")?.parts.map((p) => p.source)).toEqual(["m2", "G"]);
      // m1 is shared: it keeps its memberships of both, and its partnership goes to where m2 folded.
      expect(byKey.get("MEMBER_OF m1->G")).toMatchObject({ id: "MEMBER_OF:m1:G", weight: 1 });
      expect(byKey.get("MEMBER_OF m1->P")).toMatchObject({ id: "MEMBER_OF:m1:P", weight: 1 });
      expect(byKey.get("PARTNERS_WITH m1->G")?.weight).toBe(1);
      expect([...byKey.keys()].some((k) => k.includes("G->G"))).toBe(false);
      // A nested network keeps its own membership edge, unchanged.
      expect(byKey.get("MEMBER_OF n->G")).toMatchObject({ id: "MEMBER_OF:n:G", weight: 1 });
      expect(byKey.get("PARTNERS_WITH G->y")?.weight).toBe(1);
      expect([...byKey.keys()].sort()).toEqual([
        "MEMBER_OF m1->G",
        "MEMBER_OF m1->P",
        "MEMBER_OF n->G",
        "PARTNERS_WITH G->y",
        "PARTNERS_WITH m1->G",
        "WORKS_ON G->issue",
        "WORKS_ON m1->issue",
      ]);
    });

    it("should ignore edges to nodes outside the graph", () => {
      const few = groupByMembership([{ id: "G" }, { id: "m1" }], EDGES);
      expect(few.nodes.map((n) => n.id)).toEqual(["G"]);
      expect(few.edges).toEqual([]);
      expect(few.groups).toEqual([{ id: "G", memberCount: 1, memberIds: ["m1"], sharedIds: [], directMemberIds: ["m1"], collapsed: true }]);
    });
  });
});
