import { describe, expect, it } from "vitest";

import { getEmptyAtlasState } from "../../web/src/state/atlas.js";
import { DEFAULT_FILTERS } from "../../web/src/state/filters.js";
import { decodeState, encodeState, toQueryString } from "../../web/src/state/url.js";

describe("web URL state", () => {
  it("should write nothing for the opening view", () => {
    expect(toQueryString(getEmptyAtlasState())).toBe("");
  });

  it("should round-trip selection, filters, appearance, networks, year, layout and camera", () => {
    const state = {
      ...getEmptyAtlasState(),
      selectedId: "idwf",
      filters: { ...DEFAULT_FILTERS, kinds: null, sectors: ["LABOUR", "CIVIL_SOCIETY"] as const, relationshipTypes: [] },
      appearance: { colorBy: "community" as const, sizeBy: "bridgeScore" as const },
      collapsed: ["gcm", "mfa"],
      revealed: ["j4dw"],
      year: 2010,
      datedOnly: true,
      layout: "sectors" as const,
      camera: { x: 0.41234, y: 0.6, ratio: 0.35, angle: 0 },
    };
    const query = toQueryString(state as never);
    expect(query).toContain("kinds=all");
    expect(query).toContain("sectors=LABOUR,CIVIL_SOCIETY");
    expect(query).toContain("rels=none");
    const back = decodeState(new URLSearchParams(query));
    expect(back).toEqual({
      ...state,
      filters: { ...state.filters, sectors: ["LABOUR", "CIVIL_SOCIETY"] },
      camera: { ...state.camera, x: 0.4123 },
    });
  });

  it("should ignore unknown or malformed values", () => {
    const state = decodeState(
      new URLSearchParams(
        "sel=<script>&kinds=ORGANISATION,DRAGON&color=rainbow&size=pagerank&year=abc&layout=circle&cam=1,2&collapsed=gcm,%20bad id",
      ),
    );
    expect(state.selectedId).toBeNull();
    expect(state.filters.kinds).toEqual(["ORGANISATION"]);
    expect(state.appearance).toEqual({ colorBy: "category", sizeBy: "pagerank" });
    expect(state.year).toBeNull();
    expect(state.layout).toBe("force");
    expect(state.camera).toBeNull();
    expect(state.collapsed).toEqual(["gcm"]);
  });

  it("should keep parameters short and readable", () => {
    const params = encodeState({ ...getEmptyAtlasState(), year: 2002, selectedId: "mfa" });
    expect([...params.keys()]).toEqual(["sel", "year"]);
  });
});
