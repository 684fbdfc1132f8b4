import { describe, expect, it } from "vitest";

import {
  collapseGroups,
  expandGroups,
  getEmptyAtlasState,
  resetFilters,
  revealNeighbourhood,
  selectNode,
  setCamera,
  setColorBy,
  setFacet,
  showEverything,
  toggleFilterValue,
} from "../../web/src/state/atlas.js";
import { DEFAULT_FILTERS, normaliseFacet, sameFilters, toNetworkFilter } from "../../web/src/state/filters.js";
import { createStore } from "../../web/src/state/store.js";

describe("web state", () => {
  describe("#producers", () => {
    it("should return the same state when nothing changes", () => {
      const state = getEmptyAtlasState();
      expect(selectNode(null)(state)).toBe(state);
      expect(setColorBy("category")(state)).toBe(state);
      expect(resetFilters()(state)).toBe(state);
      expect(expandGroups("all")(state)).toBe(state);
    });

    it("should toggle one filter value from 'all' and collapse a full selection back to null", () => {
      const everything = showEverything()(getEmptyAtlasState());
      expect(everything.filters.kinds).toBeNull();
      const noIssues = toggleFilterValue("kinds", "ISSUE", false)(everything);
      expect(noIssues.filters.kinds).toEqual(["ORGANISATION", "FORUM", "CAMPAIGN", "INSTRUMENT", "PERSON"]);
      expect(toggleFilterValue("kinds", "ISSUE", true)(noIssues).filters.kinds).toBeNull();
    });

    it("should keep a facet's canonical order whatever order values come in", () => {
      expect(normaliseFacet("sectors", ["STATE", "LABOUR"])).toEqual(["LABOUR", "STATE"]);
      expect(setFacet("sectors", ["STATE", "LABOUR"])(getEmptyAtlasState()).filters.sectors).toEqual(["LABOUR", "STATE"]);
    });

    it("should collapse and expand networks as a sorted set", () => {
      const state = collapseGroups(["pga", "gcm", "pga"])(getEmptyAtlasState());
      expect(state.collapsed).toEqual(["gcm", "pga"]);
      expect(expandGroups(["gcm"])(state).collapsed).toEqual(["pga"]);
      expect(collapseGroups(["gcm"])(state)).toBe(state);
    });

    it("should reveal a neighbourhood once", () => {
      const state = revealNeighbourhood("mfa")(getEmptyAtlasState());
      expect(state.revealed).toEqual(["mfa"]);
      expect(revealNeighbourhood("mfa")(state)).toBe(state);
    });

    it("should ignore camera moves below rounding noise", () => {
      const state = setCamera({ x: 0.5, y: 0.5, ratio: 1, angle: 0 })(getEmptyAtlasState());
      expect(setCamera({ x: 0.5 + 1e-9, y: 0.5, ratio: 1, angle: 0 })(state)).toBe(state);
      expect(setCamera({ x: 0.6, y: 0.5, ratio: 1, angle: 0 })(state)).not.toBe(state);
    });
  });

  describe("#filters", () => {
    it("should compare filter states by value", () => {
      expect(sameFilters({ ...DEFAULT_FILTERS, kinds: [...DEFAULT_FILTERS.kinds!] }, DEFAULT_FILTERS)).toBe(true);
      expect(sameFilters({ ...DEFAULT_FILTERS, kinds: null }, DEFAULT_FILTERS)).toBe(false);
    });

    it("should turn filters and a year into the API's NetworkFilter", () => {
      expect(toNetworkFilter(DEFAULT_FILTERS, 2010)).toEqual({ kinds: DEFAULT_FILTERS.kinds, yearTo: 2010 });
    });
  });

  describe("#createStore", () => {
    it("should notify listeners only when a producer changes the state", () => {
      const store = createStore(getEmptyAtlasState());
      const seen: (string | null)[] = [];
      const unsubscribe = store.subscribe((s) => seen.push(s.selectedId));
      store.update(selectNode("mfa"));
      store.update(selectNode("mfa"));
      store.update(selectNode(null));
      unsubscribe();
      store.update(selectNode("gcm"));
      expect(seen).toEqual(["mfa", null]);
    });
  });
});

describe("web state presets", () => {
  it("should set the union–NGO brokers view: sectors bands sized by bridge score", async () => {
    const { applyPreset } = await import("../../web/src/state/atlas.js");
    const state = applyPreset("brokers")(getEmptyAtlasState());
    expect(state.layout).toBe("sectors");
    expect(state.appearance).toEqual({ colorBy: "category", sizeBy: "bridgeScore" });
    expect(applyPreset("brokers")(state)).toBe(state);
    const back = applyPreset("opening")({ ...state, year: 2010, collapsed: ["gcm"] });
    expect(back).toMatchObject({ layout: "force", year: null, collapsed: [], appearance: { sizeBy: "degree" } });
  });
});
