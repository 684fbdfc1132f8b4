import { describe, expect, it } from "vitest";

import { foldMembers } from "../../core/folding.js";

/**
 * The bundled data's overlapping coalitions, in small: GCM, PGA and WSFM share MFA, PICUM and the
 * Pan-African Network; GCM alone has the Solidarity Center; MFA has CARAM Asia.
 */
const MEMBERS = new Map([
  ["gcm", ["mfa", "pan-african", "picum", "solidarity-center"]],
  ["pga", ["mfa", "pan-african", "picum"]],
  ["wsfm", ["mfa", "pan-african", "picum"]],
  ["mfa", ["caram-asia"]],
]);
const fold = (collapsed: string[], keep?: (id: string) => boolean) => {
  const { foldInto, shared, byGroup } = foldMembers(MEMBERS, collapsed, keep);
  return { foldInto: Object.fromEntries(foldInto), shared: Object.fromEntries(shared), byGroup: Object.fromEntries(byGroup) };
};

describe("foldMembers", () => {
  it("should fold every member of a network collapsed alone, nested networks included", () => {
    expect(fold(["pga"])).toEqual({
      foldInto: { mfa: "pga", "pan-african": "pga", picum: "pga" },
      shared: {},
      byGroup: { pga: { folded: ["mfa", "pan-african", "picum"], shared: [] } },
    });
  });

  it("should keep members of two collapsed networks visible as shared, and count them", () => {
    const { foldInto, shared, byGroup } = fold(["gcm", "pga"]);
    expect(foldInto).toEqual({ "solidarity-center": "gcm" });
    expect(shared).toEqual({ mfa: ["gcm", "pga"], "pan-african": ["gcm", "pga"], picum: ["gcm", "pga"] });
    expect(byGroup.gcm).toEqual({ folded: ["solidarity-center"], shared: ["mfa", "pan-african", "picum"] });
    expect(byGroup.pga).toEqual({ folded: [], shared: ["mfa", "pan-african", "picum"] });
  });

  it("should keep a collapsed network inside another as itself, with its own members folded", () => {
    const { foldInto, shared } = fold(["mfa", "wsfm"]);
    expect(foldInto).toEqual({ "caram-asia": "mfa", "pan-african": "wsfm", picum: "wsfm" });
    expect(shared).toEqual({});
  });

  it("should give the same answer whatever the order networks were collapsed in", () => {
    const orders = [
      ["gcm", "pga", "wsfm", "mfa"],
      ["mfa", "wsfm", "pga", "gcm"],
      ["pga", "mfa", "gcm", "wsfm"],
    ];
    const answers = orders.map((order) => JSON.stringify(fold(order).foldInto) + JSON.stringify(fold(order).shared));
    expect(new Set(answers).size).toBe(1);
  });

  it("should leave kept members alone and ignore networks without members", () => {
    const { foldInto, byGroup } = fold(["pga", "solidarity-center"], (id) => id === "picum");
    expect(foldInto).toEqual({ mfa: "pga", "pan-african": "pga" });
    expect(Object.keys(byGroup)).toEqual(["pga"]);
  });
});
