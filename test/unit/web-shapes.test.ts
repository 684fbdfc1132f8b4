/** Coalition shapes and semantic zoom: which coalitions are drawn, how zoom fades members, and the mode in the URL. */
import { describe, expect, it } from "vitest";

import { computeView } from "../../web/src/graph/view.js";
import { COALITION_COLORS, findCoalitions, shapeRoles } from "../../web/src/shapes/coalitions.js";
import { plainZoomStage, premultiplied, SEMANTIC_ZOOM, zoomEdge, zoomNode, zoomStage } from "../../web/src/shapes/semantic-zoom.js";
import { zoomRole } from "../../web/src/render/reducers.js";
import { getEmptyAtlasState, setShapes } from "../../web/src/state/atlas.js";
import { DEFAULT_FILTERS, getAllFilters } from "../../web/src/state/filters.js";
import { decodeState, toQueryString } from "../../web/src/state/url.js";
import { datasetFixture } from "./_web-fixture.js";

const viewOf = (filters = getAllFilters(), collapsed: string[] = []) =>
  computeView(datasetFixture(), { filters, year: null, collapsed, revealed: [] });

describe("shapes", () => {
  describe("#findCoalitions", () => {
    it("should find each node with visible MEMBER_OF members, with its members and a colour", () => {
      const list = findCoalitions(datasetFixture(), viewOf(), null);
      expect(list.total).toBe(1);
      expect(list.shown).toEqual([{ id: "mfa", label: "MFA", name: "mfa (name)", color: COALITION_COLORS[0], memberIds: ["caram-asia"] }]);
    });

    it("should leave out a coalition whose members the view hides", () => {
      const dataset = datasetFixture();
      const view = viewOf();
      view.nodeVisible[dataset.index.get("caram-asia")!] = 0;
      expect(findCoalitions(dataset, view, null).total).toBe(0);
    });

    it("should draw no more than the limit, biggest first, and count the rest", () => {
      expect(findCoalitions(datasetFixture(), viewOf(), null, 0)).toEqual({ total: 1, shown: [] });
    });

    it("should tell coalitions from members", () => {
      const roles = shapeRoles(findCoalitions(datasetFixture(), viewOf(DEFAULT_FILTERS), null).shown);
      expect(roles.get("mfa")).toBe("coalition");
      expect(roles.get("caram-asia")).toBe("member");
      expect(roles.get("ituc")).toBeUndefined();
    });
  });

  describe("#zoomStage", () => {
    it("should leave members to their regions zoomed out, fade them in, then let their labels through", () => {
      expect(zoomStage(SEMANTIC_ZOOM.membersHiddenFrom)).toEqual({ memberAlpha: 0, allLabels: false });
      expect(zoomStage(3)).toEqual({ memberAlpha: 0, allLabels: false });
      const between = zoomStage((SEMANTIC_ZOOM.membersHiddenFrom + SEMANTIC_ZOOM.membersShownFrom) / 2);
      expect(between.memberAlpha).toBeGreaterThan(0);
      expect(between.memberAlpha).toBeLessThan(1);
      expect(between.allLabels).toBe(false);
      expect(zoomStage(SEMANTIC_ZOOM.membersShownFrom)).toEqual({ memberAlpha: 1, allLabels: false });
      expect(zoomStage(SEMANTIC_ZOOM.labelsFrom)).toEqual({ memberAlpha: 1, allLabels: true });
    });

    it("should change opacity only in steps, so a camera move repaints rarely", () => {
      const alphas = new Set<number>();
      for (let r = 0.03; r < 3; r += 0.001) alphas.add(zoomStage(r).memberAlpha);
      expect(alphas.size).toBe(SEMANTIC_ZOOM.steps + 1);
    });
  });

  describe("#plainZoomStage", () => {
    it("should keep members drawn at every zoom and hold back all but coalitions' labels only past the fit", () => {
      for (const ratio of [0.1, 0.5, 1, 1.5, 4]) expect(plainZoomStage(ratio).memberAlpha).toBe(1);
      expect(plainZoomStage(1)).toEqual({ memberAlpha: 1, allLabels: true });
      expect(plainZoomStage(SEMANTIC_ZOOM.plainLabelsFrom + 0.01)).toEqual({ memberAlpha: 1, allLabels: false });
      const node = { color: "#0072b2", size: 10, hidden: false, forceLabel: true };
      expect(zoomNode(node, undefined, plainZoomStage(2))).toEqual({ ...node, forceLabel: false });
      expect(zoomNode(node, "coalition", plainZoomStage(2))).toEqual(node);
      expect(zoomEdge({ color: "#cccccc" }, ["member", "member"], plainZoomStage(4))).toEqual({ color: "#cccccc" });
    });

    it("should count a collapsed network as a coalition, whatever it is to the drawn ones", () => {
      const zoom = { roles: new Map([["caram-asia", "member" as const]]), stage: plainZoomStage(2), regions: false };
      expect(zoomRole(zoom, "mfa", true)).toBe("coalition");
      expect(zoomRole(zoom, "caram-asia", true)).toBe("coalition");
      expect(zoomRole(zoom, "caram-asia", false)).toBe("member");
      expect(zoomRole(zoom, "ituc", false)).toBeUndefined();
    });
  });

  describe("#zoomNode", () => {
    const node = { color: "#0072b2", size: 10, hidden: false, forceLabel: true };
    it("should hide a member and its label when zoomed out, keep a coalition's label", () => {
      const out = zoomStage(2);
      expect(zoomNode(node, "member", out)).toMatchObject({ hidden: true, forceLabel: false });
      expect(zoomNode(node, "coalition", out)).toEqual(node);
      expect(zoomNode(node, undefined, out)).toMatchObject({ hidden: false, forceLabel: false });
    });

    it("should fade a member (premultiplied, smaller) part way", () => {
      const stage = { memberAlpha: 0.5, allLabels: false };
      expect(zoomNode(node, "member", stage)).toMatchObject({ color: "rgba(0,57,89,0.5)", size: 7.5, hidden: false });
      expect(premultiplied("#0072b2", 1)).toBe("#0072b2");
    });

    it("should leave everything as it is zoomed in", () => {
      const stage = zoomStage(0.2);
      expect(zoomNode(node, "member", stage)).toEqual(node);
      expect(zoomNode(node, undefined, stage)).toEqual(node);
    });

    it("should hide or fade ties of members with them", () => {
      const edge = { color: "#cccccc", size: 1 };
      expect(zoomEdge(edge, ["member", undefined], zoomStage(2))).toMatchObject({ hidden: true });
      expect(zoomEdge(edge, [undefined, "coalition"], zoomStage(2))).toEqual(edge);
      expect(zoomEdge(edge, [undefined, "member"], zoomStage(0.2))).toEqual(edge);
    });
  });

  describe("URL", () => {
    it("should keep the shapes mode in the link and ignore unknown values", () => {
      const state = setShapes("coalitions")(getEmptyAtlasState());
      const query = toQueryString(state);
      expect(query).toBe("?shapes=coalitions");
      expect(decodeState(new URLSearchParams(query)).shapes).toBe("coalitions");
      expect(decodeState(new URLSearchParams("shapes=blobs")).shapes).toBe("none");
      expect(toQueryString(setShapes("none")(state))).toBe("");
    });
  });
});
