import { describe, expect, it } from "vitest";

import { groupByMembership, membershipFolding } from "../../server/analytics/grouping.js";

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
  describe("#membershipFolding", () => {
    it("should fold a member of several coalitions into the biggest and keep nested networks", () => {
      const { foldInto, members } = membershipFolding(EDGES);
      expect(Object.fromEntries(foldInto)).toEqual({ m1: "G", m2: "G", m3: "P", x: "n" });
      expect(members.get("G")).toEqual(["m1", "m2", "n"]);
    });

    it("should break ties between equally big coalitions by id", () => {
      const { foldInto } = membershipFolding([edge("MEMBER_OF", "a", "Q"), edge("MEMBER_OF", "a", "B")]);
      expect(foldInto.get("a")).toBe("B");
    });
  });

  describe("#groupByMembership", () => {
    const grouped = groupByMembership(NODES, EDGES);
    const byKey = new Map(grouped.edges.map((e) => [`${e.type} ${e.source}->${e.target}`, e]));

    it("should hide folded members and list groups with their members", () => {
      expect(grouped.nodes.map((n) => n.id)).toEqual(["G", "P", "n", "y", "issue"]);
      expect(grouped.groups).toEqual([
        { id: "G", memberCount: 3, memberIds: ["m1", "m2"] },
        { id: "P", memberCount: 2, memberIds: ["m3"] },
        { id: "n", memberCount: 1, memberIds: ["x"] },
      ]);
    });

    it("should aggregate parallel edges with a weight and drop self-loops", () => {
      // m1, m2 and G itself all work on the issue: three relationships, one edge.
      expect(byKey.get("WORKS_ON G->issue")).toMatchObject({ weight: 3, id: "group:works_on:G:issue" });
      expect(byKey.get("WORKS_ON G->issue")?.parts.map((p) => p.source)).toEqual(["m1", "m2", "G"]);
      // m1's membership of P becomes an edge between the two groups; m1 -> G and m1 -> m2 vanish.
      expect(byKey.get("MEMBER_OF G->P")?.weight).toBe(1);
      expect([...byKey.keys()].some((k) => k.includes("G->G"))).toBe(false);
      // A nested network keeps its own membership edge, unchanged.
      expect(byKey.get("MEMBER_OF n->G")).toMatchObject({ id: "MEMBER_OF:n:G", weight: 1 });
      expect(byKey.get("PARTNERS_WITH G->y")?.weight).toBe(1);
      expect([...byKey.keys()].sort()).toEqual(["MEMBER_OF G->P", "MEMBER_OF n->G", "PARTNERS_WITH G->y", "WORKS_ON G->issue"]);
    });

    it("should ignore edges to nodes outside the graph", () => {
      const few = groupByMembership([{ id: "G" }, { id: "m1" }], EDGES);
      expect(few.nodes.map((n) => n.id)).toEqual(["G"]);
      expect(few.edges).toEqual([]);
      expect(few.groups).toEqual([{ id: "G", memberCount: 1, memberIds: ["m1"] }]);
    });
  });
});
