import { describe, expect, it } from "vitest";

import { loadQueries } from "../../server/db/queries.js";
import { relationshipId } from "../../server/import/validate.js";
import { EDGE_COLUMN_FIELDS, edgesOfColumns, LEAN_NODE_FIELDS, nodesOfColumns, type SubgraphColumns } from "../../server/read/columns.js";
import { compactOfColumns } from "../../server/read/compact.js";
import { isLean } from "../../server/read/rows.js";

/** Two networks (n1 with a, b; n2 with c), a partnership a–c, and an edge to a node filtered out. */
function fixture(): SubgraphColumns {
  const nodes = [
    { id: "n1", kind: "ORGANISATION", name: "Network One", acronym: "N1", type: "NETWORK" },
    { id: "n2", kind: "ORGANISATION", name: "Network Two", type: "NETWORK" },
    { id: "a", kind: "ORGANISATION", name: "Alpha" },
    { id: "b", kind: "ORGANISATION", name: "Beta", activeFrom: 2001 },
    { id: "c", kind: "CAMPAIGN", name: "Gamma campaign", shortName: "GC" },
  ];
  const edges = [
    { type: "MEMBER_OF", source: "a", target: "n1", role: "MEMBER", since: 2005, activeFrom: 2005 },
    { type: "MEMBER_OF", source: "b", target: "n1", role: "AFFILIATE" },
    { type: "MEMBER_OF", source: "c", target: "n2" },
    { type: "PARTNERS_WITH", source: "a", target: "c", role: "PARTNER" },
    { type: "PARTNERS_WITH", source: "b", target: "c", role: "PARTNER" },
    { type: "WORKS_ON", source: "a", target: "filtered-out" },
  ];
  const column = <T extends Record<string, unknown>>(rows: T[], field: string) => rows.map((r) => r[field] ?? null);
  return {
    nodes: Object.fromEntries(LEAN_NODE_FIELDS.map((f) => [f, column(nodes, f)])) as unknown as SubgraphColumns["nodes"],
    edges: Object.fromEntries(EDGE_COLUMN_FIELDS.map((f) => [f, column(edges, f)])) as unknown as SubgraphColumns["edges"],
  };
}

describe("columns", () => {
  describe("#nodesOfColumns", () => {
    it("should build lean nodes with every short field", () => {
      const nodes = nodesOfColumns(fixture().nodes);
      expect(nodes.map((n) => n.id)).toEqual(["n1", "n2", "a", "b", "c"]);
      expect(nodes.every(isLean)).toBe(true);
      expect(Object.keys(nodes[0]).sort()).toEqual([...LEAN_NODE_FIELDS].sort());
      expect(nodes[3].activeFrom).toBe(2001);
    });
  });

  describe("#edgesOfColumns", () => {
    it("should rebuild the loader's relationship ids", () => {
      const edges = edgesOfColumns(fixture().edges);
      expect(edges[0]).toMatchObject({ id: "member_of:a:n1:member", type: "MEMBER_OF", source: "a", target: "n1", since: 2005 });
      expect(edges[2].id).toBe("member_of:c:n2");
      for (const e of edges)
        expect(e.id).toBe(relationshipId({ type: e.type, source: e.source, target: e.target, role: e.role ?? undefined }));
    });
  });

  describe("#compactOfColumns", () => {
    it("should encode the plain graph by index, without edges to nodes outside it", () => {
      const c = compactOfColumns(fixture(), "NONE");
      expect(c.ids).toEqual(["n1", "n2", "a", "b", "c"]);
      expect(c.labels).toEqual(["N1", "Network Two", "Alpha", "Beta", "GC"]);
      expect(c.edgeIds).toHaveLength(5);
      expect(c.edgeIds.map((id, j) => `${id} ${c.ids[c.sources[j]]}->${c.ids[c.targets[j]]}`)).toContain("partners_with:a:c:partner a->c");
      expect(c.edgeRoles).toEqual(["MEMBER", "AFFILIATE", null, "PARTNER", "PARTNER"]);
      expect(c.edgeWeights).toEqual([1, 1, 1, 1, 1]);
      expect(c.edgeActiveFrom[0]).toBe(2005);
    });

    it("should let networks stand for their members, merging parallel edges", () => {
      const c = compactOfColumns(fixture(), "MEMBERSHIP");
      expect(c.ids).toEqual(["n1", "n2"]);
      expect(c.groups.map((g) => [g.id, g.memberIds])).toEqual([
        ["n1", ["a", "b"]],
        ["n2", ["c"]],
      ]);
      const j = c.edgeTypes.indexOf("PARTNERS_WITH");
      expect([c.ids[c.sources[j]], c.ids[c.targets[j]], c.edgeWeights[j], c.edgeRoles[j]]).toEqual(["n1", "n2", 2, "PARTNER"]);
      expect(c.edgeIds[j]).toBe("group:partners_with:n1:n2");
    });
  });

  describe("lean projections in cypher/", () => {
    it("should list exactly LEAN_NODE_FIELDS wherever a query reads nodes lean", () => {
      const queries = loadQueries();
      const lean = `{${LEAN_NODE_FIELDS.map((f) => `.${f}`).join(", ")}}`;
      for (const name of ["search", "paths", "nodeDetails"]) expect(queries[name].text, name).toContain(lean);
      for (const name of ["networkColumns", "neighbourhood"]) {
        for (const field of LEAN_NODE_FIELDS)
          expect(queries[name].text, `${name} ${field}`).toMatch(new RegExp(`\`?${field}\`?: \\[n IN \\w+ \\| n\\.${field}\\]`));
        for (const field of EDGE_COLUMN_FIELDS.filter((f) => !["type", "source", "target"].includes(f))) {
          expect(queries[name].text, `${name} edge ${field}`).toContain(`${field}: [r IN rels | r.${field}]`);
        }
      }
    });
  });
});
