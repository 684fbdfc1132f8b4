import { describe, expect, it } from "vitest";

import { timelineEvents } from "../../server/analytics/timeline.js";
import type { NodeProps } from "../../server/read/rows.js";

const org = (id: string, extra: Record<string, unknown> = {}): NodeProps => ({
  id,
  kind: "ORGANISATION",
  name: id.toUpperCase(),
  ...extra,
});

describe("timeline", () => {
  describe("#timelineEvents", () => {
    const j4dw = org("j4dw", { acronym: "J4DW", founded: 1984 });
    const unite = org("unite", { name: "Unite the Union", acronym: "Unite", founded: 2007 });
    const c189 = { id: "c189", kind: "INSTRUMENT", name: "Domestic Workers Convention", shortName: "C189", adopted: 2011 } as NodeProps;
    const campaign = { id: "camp", kind: "CAMPAIGN", name: "C189 campaign", start: 2008, end: 2011 } as NodeProps;
    const membership = {
      id: "member_of:j4dw:unite:affiliate",
      type: "MEMBER_OF",
      role: "AFFILIATE",
      since: 2009,
      from: j4dw,
      to: unite,
      citationSources: ["s1"],
      locators: ["p. 4"],
      evidence: ["joins"],
    };

    it("should order events by year, then kind, then label", () => {
      const events = timelineEvents([c189, unite, campaign, j4dw], [membership]);
      expect(events.map((e) => `${e.year} ${e.kind} ${e.label}`)).toEqual([
        "1984 FOUNDED J4DW founded",
        "2007 FOUNDED Unite founded",
        "2008 CAMPAIGN_START C189 campaign begins",
        "2009 MEMBERSHIP J4DW joins Unite (affiliate)",
        "2011 INSTRUMENT_ADOPTED C189 adopted",
        "2011 CAMPAIGN_END C189 campaign ends",
      ]);
      const joined = events.find((e) => e.kind === "MEMBERSHIP")!;
      expect(joined.relationshipId).toBe(membership.id);
      expect(joined.nodes.map((n) => n.id)).toEqual(["j4dw", "unite"]);
      expect(joined.cited).toMatchObject({ citationSources: ["s1"] });
    });

    it("should keep only events inside the year range", () => {
      const events = timelineEvents([c189, unite, campaign, j4dw], [membership], { yearFrom: 2008, yearTo: 2010 });
      expect(events.map((e) => e.label)).toEqual(["C189 campaign begins", "J4DW joins Unite (affiliate)"]);
    });

    it("should skip undated relationships and undated nodes", () => {
      expect(timelineEvents([org("x")], [{ ...membership, since: undefined }])).toEqual([]);
    });
  });
});
