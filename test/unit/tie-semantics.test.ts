import { describe, expect, it } from "vitest";

import { TIE_SEMANTICS, tieSemantics } from "../../server/analytics/tie-semantics.js";
import { RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES } from "../../core/vocabulary.js";

describe("tie semantics", () => {
  it("should decide on every relationship type of the vocabulary", () => {
    const undecided = RELATIONSHIP_TYPE_NAMES.filter((type) => !(type in TIE_SEMANTICS));
    expect(undecided, "add a row to TIE_SEMANTICS for each new relationship type").toEqual([]);
  });

  it("should read brokerage only on types that can join two organisations", () => {
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      const { from, to } = RELATIONSHIP_TYPES[type];
      const betweenOrganisations =
        (from as readonly string[]).includes("ORGANISATION") && (to as readonly string[]).includes("ORGANISATION");
      if (!betweenOrganisations) expect(tieSemantics(type).brokerage, type).toBeNull();
    }
  });

  it("should count membership and presence only where the vocabulary allows them", () => {
    expect(RELATIONSHIP_TYPE_NAMES.filter((t) => tieSemantics(t).membership)).toEqual(["MEMBER_OF"]);
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      const presence = tieSemantics(type).presence;
      if (presence) expect(RELATIONSHIP_TYPES[type].to, type).toEqual([presence]);
    }
  });

  it("should count an unknown type for nothing", () => {
    expect(tieSemantics("NO_SUCH_TYPE")).toEqual({ brokerage: null, connects: false, membership: false, presence: null });
  });
});
