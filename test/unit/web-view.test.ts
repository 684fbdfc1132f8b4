import { describe, expect, it } from "vitest";

import { computeView, type ViewInput } from "../../web/src/graph/view.js";
import { getAllFilters } from "../../web/src/state/filters.js";
import { datasetFixture, edgeId } from "./_web-fixture.js";

const ds = datasetFixture();
const input = (patch: Partial<ViewInput> = {}): ViewInput => ({
  filters: getAllFilters(),
  year: null,
  collapsed: [],
  revealed: [],
  ...patch,
});
const visibleIds = (view: ReturnType<typeof computeView>) =>
  ds.nodes
    .filter((_, i) => view.nodeVisible[i])
    .map((n) => n.id)
    .sort();
const edgeShown = (view: ReturnType<typeof computeView>, type: string, s: string, t: string) =>
  view.edgeVisible[ds.edgeIndex.get(edgeId(type, s, t))!] === 1;

describe("web graph view", () => {
  describe("#computeView filters", () => {
    it("should show everything without filters", () => {
      const view = computeView(ds, input());
      expect(view.nodeCount).toBe(9);
      expect(view.edgeCount).toBe(10);
    });

    it("should hide nodes of unselected kinds and the ties touching them", () => {
      const view = computeView(ds, input({ filters: { ...getAllFilters(), kinds: ["ORGANISATION"] } }));
      expect(visibleIds(view)).toEqual(["caram-asia", "icftu", "idwf", "ilo", "ituc", "mfa"]);
      expect(edgeShown(view, "WORKS_ON", "mfa", "domestic-work")).toBe(false);
      expect(edgeShown(view, "PARTNERS_WITH", "mfa", "ituc")).toBe(true);
    });

    it("should apply organisation facets to organisations only", () => {
      const view = computeView(ds, input({ filters: { ...getAllFilters(), sectors: ["LABOUR"] } }));
      expect(visibleIds(view)).toEqual(["c189-campaign", "domestic-work", "gfmd-2007", "icftu", "idwf", "ituc"]);
    });

    it("should leave nodes without a region alone when filtering regions", () => {
      const view = computeView(ds, input({ filters: { ...getAllFilters(), regions: ["EUROPE"] } }));
      expect(visibleIds(view)).not.toContain("mfa");
      expect(visibleIds(view)).toContain("ilo");
      expect(visibleIds(view)).toContain("ituc");
    });

    it("should filter scopes once they are known, and not before", () => {
      const filters = { ...getAllFilters(), scopes: ["GLOBAL" as const] };
      expect(computeView(ds, input({ filters })).nodeCount).toBe(9);
      const scoped = {
        ...ds,
        scopes: new Map([
          ["mfa", "REGIONAL" as const],
          ["ituc", "GLOBAL" as const],
        ]),
      };
      const view = computeView(scoped, input({ filters }));
      expect(view.nodeVisible[ds.index.get("mfa")!]).toBe(0);
      expect(view.nodeVisible[ds.index.get("ituc")!]).toBe(1);
    });

    it("should hide ties of unselected relationship types but keep their ends", () => {
      const view = computeView(ds, input({ filters: { ...getAllFilters(), relationshipTypes: ["MEMBER_OF"] } }));
      expect(view.nodeCount).toBe(9);
      expect(view.edgeCount).toBe(1);
    });
  });

  describe("#computeView timeline", () => {
    it("should show bodies and ties from their first year", () => {
      const at2007 = computeView(ds, input({ year: 2007 }));
      // The ICFTU ended in 2006; undated bodies are drawn (faded) in every year.
      expect(visibleIds(at2007)).toEqual(["caram-asia", "domestic-work", "gfmd-2007", "ituc", "mfa"]);
      expect(edgeShown(at2007, "PARTNERS_WITH", "mfa", "ituc")).toBe(false);
      const at2012 = computeView(ds, input({ year: 2012 }));
      expect(edgeShown(at2012, "PARTNERS_WITH", "mfa", "ituc")).toBe(true);
      expect(at2012.nodeVisible[ds.index.get("idwf")!]).toBe(0);
    });

    it("should leave out spans after their last year, not one-off events", () => {
      const view = computeView(ds, input({ year: 2016 }));
      expect(view.nodeVisible[ds.index.get("icftu")!]).toBe(0);
      expect(view.nodeVisible[ds.index.get("c189-campaign")!]).toBe(0);
      expect(view.nodeVisible[ds.index.get("gfmd-2007")!]).toBe(1);
      expect(edgeShown(view, "PARTNERS_WITH", "mfa", "ituc")).toBe(false);
      expect(edgeShown(computeView(ds, input({ year: 2015 })), "PARTNERS_WITH", "mfa", "ituc")).toBe(true);
    });

    it("should fade what has no date in a year view, and only then", () => {
      const view = computeView(ds, input({ year: 2016 }));
      expect(view.nodeVisible[ds.index.get("mfa")!]).toBe(1);
      expect(view.nodeFaded[ds.index.get("mfa")!]).toBe(1);
      expect(view.nodeFaded[ds.index.get("ituc")!]).toBe(0);
      expect(view.edgeFaded[ds.edgeIndex.get(edgeId("MEMBER_OF", "caram-asia", "mfa"))!]).toBe(1);
      expect(computeView(ds, input({ year: null })).nodeFaded.every((f) => f === 0)).toBe(true);
    });
  });

  describe("#computeView dated only", () => {
    it("should leave out what has no year at all, only when a year is set", () => {
      const view = computeView(ds, input({ year: 2024, datedOnly: true }));
      expect(visibleIds(view)).toEqual(["gfmd-2007", "idwf", "ilo", "ituc"]);
      expect(computeView(ds, input({ datedOnly: true })).nodeCount).toBe(9);
    });
  });

  describe("#computeView expanded neighbourhoods", () => {
    it("should show a revealed node's neighbours and ties whatever the filters", () => {
      const filters = { ...getAllFilters(), kinds: ["ORGANISATION" as const] };
      const view = computeView(ds, input({ filters, revealed: ["idwf"] }));
      expect(visibleIds(view)).toContain("domestic-work");
      expect(visibleIds(view)).toContain("c189-campaign");
      expect(edgeShown(view, "WORKS_ON", "idwf", "domestic-work")).toBe(true);
      // Other ties of the revealed neighbours still follow the filters' kinds (their ends are shown).
      expect(edgeShown(view, "WORKS_ON", "mfa", "domestic-work")).toBe(true);
    });

    it("should not reveal what does not exist yet in the timeline year", () => {
      const view = computeView(ds, input({ year: 2010, revealed: ["idwf"] }));
      expect(view.nodeVisible[ds.index.get("idwf")!]).toBe(0);
    });
  });

  describe("#computeView collapsed networks", () => {
    it("should fold members into the network and re-point their ties to it, merged per type", () => {
      const view = computeView(ds, input({ collapsed: ["mfa"] }));
      expect(view.collapsed.has("mfa")).toBe(true);
      expect(view.nodeVisible[ds.index.get("caram-asia")!]).toBe(0);
      // caram-asia MEMBER_OF mfa becomes a self-loop and is dropped; caram-asia WORKS_ON domestic-work
      // becomes mfa → domestic-work, next to mfa's own WORKS_ON tie.
      expect(view.proxies).toEqual([
        { key: "group:WORKS_ON:mfa:domestic-work", type: "WORKS_ON", source: "mfa", target: "domestic-work", weight: 1 },
      ]);
      expect(edgeShown(view, "WORKS_ON", "mfa", "domestic-work")).toBe(true);
      expect(view.nodeCount).toBe(8);
    });

    it("should not collapse a network the filters hide", () => {
      const filters = { ...getAllFilters(), regions: ["EUROPE" as const] };
      const view = computeView(ds, input({ filters, collapsed: ["mfa"] }));
      expect(view.collapsed.size).toBe(0);
      expect(view.proxies).toEqual([]);
    });

    it("should keep a member visible when its neighbourhood was expanded on purpose", () => {
      const view = computeView(ds, input({ collapsed: ["mfa"], revealed: ["caram-asia"] }));
      expect(view.nodeVisible[ds.index.get("caram-asia")!]).toBe(1);
      expect(view.proxies).toEqual([]);
    });
  });
});
