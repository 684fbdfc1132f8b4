import { describe, expect, it } from "vitest";

import { createColorScale, createSizeScale, landmarkIds } from "../../web/src/graph/appearance.js";
import { applyView, buildGraph } from "../../web/src/graph/build.js";
import { computeView, type ViewInput } from "../../web/src/graph/view.js";
import { seedPositions } from "../../core/layout/seed.js";
import {
  BRIDGE_EDGE,
  DIMMED_NODE,
  edgeReducerFor,
  EMPHASIS_EDGE,
  fade,
  nodeReducerFor,
  prepareEmphasis,
} from "../../web/src/render/reducers.js";
import { getAllFilters } from "../../web/src/state/filters.js";
import { datasetFixture, edgeId } from "./_web-fixture.js";

function setup() {
  const ds = datasetFixture();
  const graph = buildGraph(ds, seedPositions(ds));
  const apply = (patch: Partial<ViewInput> = {}) => {
    const view = computeView(ds, { filters: getAllFilters(), year: null, collapsed: [], revealed: [], ...patch });
    applyView(graph, ds, view, {
      color: createColorScale(ds, "category", null),
      size: createSizeScale(ds, "degree", view, null),
      landmarks: landmarkIds(ds),
    });
    return view;
  };
  return { ds, graph, apply };
}

describe("web rendered graph", () => {
  describe("#applyView", () => {
    it("should hide filtered items in place, without moving anything", () => {
      const { graph, apply } = setup();
      apply();
      const before = graph.getNodeAttributes("ilo");
      apply({ filters: { ...getAllFilters(), kinds: ["FORUM"] } });
      expect(graph.getNodeAttribute("ilo", "hidden")).toBe(true);
      expect(graph.getNodeAttribute("gfmd-2007", "hidden")).toBe(false);
      expect(graph.getNodeAttributes("ilo")).toMatchObject({ x: before.x, y: before.y });
      expect(graph.getEdgeAttribute(edgeId("PARTNERS_WITH", "mfa", "ituc"), "hidden")).toBe(true);
    });

    it("should add proxy edges for a collapsed network and drop them when it opens again", () => {
      const { graph, apply } = setup();
      const edges = graph.size;
      apply({ collapsed: ["mfa"] });
      expect(graph.size).toBe(edges + 1);
      expect(graph.getEdgeAttributes("group:WORKS_ON:mfa:domestic-work")).toMatchObject({ proxy: true, weight: 1, hidden: false });
      expect(graph.getNodeAttributes("mfa")).toMatchObject({ collapsed: true, type: "bordered", label: "MFA (1)" });
      apply();
      expect(graph.size).toBe(edges);
      expect(graph.getNodeAttribute("mfa", "collapsed")).toBe(false);
    });

    it("should mark union–NGO ties as bridges", () => {
      const { graph } = setup();
      expect(graph.getEdgeAttribute(edgeId("PARTNERS_WITH", "mfa", "ituc"), "bridge")).toBe(true);
      expect(graph.getEdgeAttribute(edgeId("MEMBER_OF", "caram-asia", "mfa"), "bridge")).toBe(false);
    });
  });

  describe("#reducers", () => {
    it("should light up the hovered node and its neighbours and dim the rest, without mutating", () => {
      const { graph, apply } = setup();
      apply();
      const state = prepareEmphasis(graph, { hoveredId: "ituc", selectedId: null, emphasis: { type: "none" }, bridges: false });
      const nodeReducer = nodeReducerFor(() => state);
      const data = graph.getNodeAttributes("ilo");
      const copy = { ...data };
      expect(nodeReducer("ilo", data).color).toBe(DIMMED_NODE);
      expect(data).toEqual(copy);
      expect(nodeReducer("mfa", graph.getNodeAttributes("mfa")).forceLabel).toBe(true);
      const edgeReducer = edgeReducerFor(graph, () => state);
      const partners = edgeId("PARTNERS_WITH", "mfa", "ituc");
      expect(edgeReducer(partners, graph.getEdgeAttributes(partners)).size).toBe(2);
    });

    it("should show a path's nodes and ties even where filters hide them", () => {
      const { graph, apply } = setup();
      apply({ filters: { ...getAllFilters(), kinds: ["ORGANISATION"] } });
      const tie = edgeId("WORKS_ON", "idwf", "domestic-work");
      const state = prepareEmphasis(graph, {
        hoveredId: null,
        selectedId: null,
        emphasis: { type: "path", nodes: ["idwf", "domestic-work"], edges: [tie] },
        bridges: false,
      });
      expect(nodeReducerFor(() => state)("domestic-work", graph.getNodeAttributes("domestic-work")).hidden).toBe(false);
      expect(edgeReducerFor(graph, () => state)(tie, graph.getEdgeAttributes(tie))).toMatchObject({ hidden: false, color: EMPHASIS_EDGE });
    });

    it("should paint bridges in the sectors layout and fade undated items", () => {
      const { graph, apply } = setup();
      apply({ year: 2012 });
      const state = prepareEmphasis(graph, { hoveredId: null, selectedId: null, emphasis: { type: "none" }, bridges: true });
      const partners = edgeId("PARTNERS_WITH", "mfa", "ituc");
      expect(edgeReducerFor(graph, () => state)(partners, graph.getEdgeAttributes(partners)).color).toBe(BRIDGE_EDGE);
      const mfa = graph.getNodeAttributes("mfa"); // no date of its own, and an undated tie
      expect(nodeReducerFor(() => state)("mfa", mfa).color).toBe(fade(mfa.color));
      const ituc = graph.getNodeAttributes("ituc");
      expect(nodeReducerFor(() => state)("ituc", ituc).color).toBe(ituc.color);
      expect(fade("#000000", 0.5)).toBe("#808080");
    });
  });
});
