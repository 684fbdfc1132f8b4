/**
 * The Analysis panel's marks on the map: which bodies and ties a change between two years or a
 * what-if removal marks, and how the reducers draw each mark (a ring, a fade, tie colours) while the
 * rest of the map is greyed.
 */
import { describe, expect, it } from "vitest";

import { seedPositions } from "../../core/layout/seed.js";
import { whatIfEmphasis, yearChangeEmphasis } from "../../web/src/analysis/marks.js";
import { createColorScale, createSizeScale, landmarkIds } from "../../web/src/graph/appearance.js";
import { applyView, buildGraph } from "../../web/src/graph/build.js";
import { computeView } from "../../web/src/graph/view.js";
import {
  DIMMED_NODE,
  edgeReducerFor,
  EMPHASIS_EDGE,
  fade,
  MARK_COLORS,
  nodeReducerFor,
  prepareEmphasis,
} from "../../web/src/render/reducers.js";
import type { Emphasis } from "../../web/src/state/atlas.js";
import { getAllFilters } from "../../web/src/state/filters.js";
import { datasetFixture, edgeId } from "./_web-fixture.js";

const dating = { year: 2010, recordKind: "RELATIONSHIP", recordId: "x", citations: [] };
const tie = (type: string, source: string, target: string) => ({
  id: edgeId(type, source, target),
  type,
  source,
  target,
  role: null,
  datedBy: dating,
});
const change = (id: string) => ({ id, label: id.toUpperCase(), datedBy: dating });

function setup(emphasis: Emphasis) {
  const ds = datasetFixture();
  const graph = buildGraph(ds, seedPositions(ds));
  const view = computeView(ds, { filters: getAllFilters(), year: null, collapsed: [], revealed: [] });
  applyView(graph, ds, view, {
    color: createColorScale(ds, "category", null),
    size: createSizeScale(ds, "degree", view, null),
    landmarks: landmarkIds(ds),
  });
  const state = prepareEmphasis(graph, { hoveredId: null, selectedId: null, emphasis, bridges: false });
  const node = (id: string) => nodeReducerFor(() => state)(id, graph.getNodeAttributes(id));
  const edge = (id: string) => edgeReducerFor(graph, () => state)(id, graph.getEdgeAttributes(id));
  return { ds, graph, node, edge };
}

describe("analysis marks", () => {
  describe("#yearChangeEmphasis", () => {
    const answer = {
      appeared: [change("idwf")],
      gone: [change("icftu")],
      tiesAppeared: [tie("PARTNERS_WITH", "mfa", "ituc")],
      tiesEnded: [tie("EMERGED_FROM", "ituc", "icftu")],
    };

    it("should mark what appeared as added, what went as removed, and emphasise a changed tie's ends", () => {
      const emphasis = yearChangeEmphasis(answer);
      expect(emphasis.marks).toEqual({
        nodes: { idwf: "added", icftu: "removed" },
        edges: { [edgeId("PARTNERS_WITH", "mfa", "ituc")]: "added", [edgeId("EMERGED_FROM", "ituc", "icftu")]: "removed" },
      });
      expect([...emphasis.nodes].sort()).toEqual(["icftu", "idwf", "ituc", "mfa"]);
      expect(emphasis.edges.sort()).toEqual([edgeId("EMERGED_FROM", "ituc", "icftu"), edgeId("PARTNERS_WITH", "mfa", "ituc")]);
    });

    it("should draw added with a green ring, gone faded with a red ring, and grey the rest", () => {
      const { graph, node, edge } = setup(yearChangeEmphasis(answer));
      expect(node("idwf")).toMatchObject({ type: "bordered", borderColor: MARK_COLORS.added, hidden: false, highlighted: true });
      expect(node("icftu")).toMatchObject({
        type: "bordered",
        borderColor: MARK_COLORS.removed,
        color: fade(graph.getNodeAttribute("icftu", "color"), 0.7),
        highlighted: false,
      });
      // An unchanged end of a changed tie: highlighted, no ring.
      expect(node("mfa")).toMatchObject({ highlighted: true, color: graph.getNodeAttribute("mfa", "color") });
      expect(node("mfa").borderColor).not.toBe(MARK_COLORS.added);
      expect(node("ilo").color).toBe(DIMMED_NODE);
      expect(edge(edgeId("PARTNERS_WITH", "mfa", "ituc"))).toMatchObject({ color: MARK_COLORS.added, hidden: false });
      expect(edge(edgeId("EMERGED_FROM", "ituc", "icftu"))).toMatchObject({ color: fade(MARK_COLORS.removed, 0.45), hidden: false });
      for (const mark of Object.values(MARK_COLORS)) expect(mark).not.toBe(EMPHASIS_EDGE);
    });
  });

  describe("#whatIfEmphasis", () => {
    it("should fade the removed body with every tie it had, and ring what it cuts off in another colour", () => {
      const ds = datasetFixture();
      const emphasis = whatIfEmphasis({ removed: [{ id: "mfa" }], cutOff: [{ id: "caram-asia" }] }, ds);
      const mfaTies = ds.incident[ds.index.get("mfa")!].map((j) => ds.edges[j].id).sort();
      expect(mfaTies.length).toBeGreaterThan(2);
      expect(emphasis.edges.sort()).toEqual(mfaTies);
      expect(emphasis.marks!.nodes).toEqual({ mfa: "removed", "caram-asia": "cutOff" });

      const { graph, node, edge } = setup(emphasis);
      expect(node("mfa")).toMatchObject({ borderColor: MARK_COLORS.removed, color: fade(graph.getNodeAttribute("mfa", "color"), 0.7) });
      expect(node("caram-asia")).toMatchObject({
        borderColor: MARK_COLORS.cutOff,
        color: graph.getNodeAttribute("caram-asia", "color"),
        highlighted: true,
      });
      expect(MARK_COLORS.cutOff).not.toBe(MARK_COLORS.removed);
      expect(edge(edgeId("MEMBER_OF", "caram-asia", "mfa")).color).toBe(fade(MARK_COLORS.removed, 0.45));
      expect(edge(edgeId("WORKS_ON", "idwf", "domestic-work")).color).not.toBe(fade(MARK_COLORS.removed, 0.45));
    });

    it("should mark nothing it cannot find on the map", () => {
      const emphasis = whatIfEmphasis({ removed: [{ id: "nowhere" }], cutOff: [] }, datasetFixture());
      expect(emphasis.edges).toEqual([]);
      expect(emphasis.nodes).toEqual(["nowhere"]);
    });
  });
});
