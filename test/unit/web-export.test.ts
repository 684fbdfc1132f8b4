import { parse } from "graphology-gexf";
import Graph from "graphology";
import { describe, expect, it } from "vitest";

import { createSizeScale, createColorScale, landmarkIds } from "../../web/src/graph/appearance.js";
import { applyView, buildGraph } from "../../web/src/graph/build.js";
import { csvField, edgesCSV, nodesCSV, toGEXF, visibleGraph } from "../../web/src/graph/export.js";
import { computeView } from "../../web/src/graph/view.js";
import { seedPositions } from "../../core/layout/seed.js";
import { getAllFilters } from "../../web/src/state/filters.js";
import { datasetFixture } from "./_web-fixture.js";

function visibleFixture(kinds: ("ORGANISATION" | "FORUM")[] | null) {
  const ds = datasetFixture();
  const graph = buildGraph(ds, seedPositions(ds));
  const view = computeView(ds, { filters: { ...getAllFilters(), kinds }, year: null, collapsed: [], revealed: [] });
  applyView(graph, ds, view, {
    color: createColorScale(ds, "category", null),
    size: createSizeScale(ds, "degree", view, null),
    landmarks: landmarkIds(ds),
  });
  return visibleGraph(graph, ds);
}

describe("web exports", () => {
  describe("#visibleGraph", () => {
    it("should export only visible nodes and the ties between them", () => {
      const visible = visibleFixture(["ORGANISATION", "FORUM"]);
      expect(visible.nodes.map((n) => n.id).sort()).toEqual(["caram-asia", "gfmd-2007", "icftu", "idwf", "ilo", "ituc", "mfa"]);
      expect(visible.edges.map((e) => e.type).sort()).toEqual(["APPEARED_AT", "APPEARED_AT", "EMERGED_FROM", "MEMBER_OF", "PARTNERS_WITH"]);
    });
  });

  describe("#csv", () => {
    it("should quote fields with commas, quotes or line breaks", () => {
      expect(csvField('Unions, "networks"\nand NGOs')).toBe('"Unions, ""networks""\nand NGOs"');
      expect(csvField(null)).toBe("");
      expect(csvField(3)).toBe("3");
    });

    it("should write a header and one row per visible node or tie", () => {
      const visible = visibleFixture(["ORGANISATION"]);
      const nodes = nodesCSV(visible).trimEnd().split("\r\n");
      expect(nodes[0]).toBe("id,name,label,kind,type,sector,region,first_year,members_folded,x,y");
      expect(nodes).toHaveLength(1 + visible.nodes.length);
      const edges = edgesCSV(visible).trimEnd().split("\r\n");
      expect(edges[0]).toBe("id,source,target,type,weight");
      expect(edges.slice(1)).toContain("partners_with:mfa:ituc,mfa,ituc,PARTNERS_WITH,1");
    });
  });

  describe("#toGEXF", () => {
    it("should write GEXF that graphology reads back with the same nodes, ties and attributes", () => {
      const visible = visibleFixture(null);
      const text = toGEXF(visible, { description: "test <&> view", date: "2026-11-24" });
      const graph = parse(Graph, text);
      expect(graph.order).toBe(visible.nodes.length);
      expect(graph.size).toBe(visible.edges.length);
      expect(graph.getNodeAttribute("ituc", "sector")).toBe("LABOUR");
      expect(graph.getNodeAttribute("ituc", "label")).toBe("ituc (name)");
      expect(graph.getNodeAttribute("gfmd-2007", "first_year")).toBe(2007);
      expect(typeof graph.getNodeAttribute("mfa", "x")).toBe("number");
      expect(graph.getEdgeAttribute("partners_with:mfa:ituc", "relationship")).toBe("PARTNERS_WITH");
    });
  });
});
