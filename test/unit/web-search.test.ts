import { describe, expect, it } from "vitest";

import { exactFirst, type SearchHit } from "../../web/src/api/queries.js";

const hit = (id: string, name: string, acronym: string | null, score: number): SearchHit => ({
  node: { id, name, kind: "ORGANISATION", acronym },
  score,
});

describe("web search", () => {
  describe("#exactFirst", () => {
    it("should put an exact acronym or name match first and keep the API's order otherwise", () => {
      const hits = [
        hit("ituc-africa", "ITUC Africa", "ITUC Africa", 24),
        hit("ituc", "International Trade Union Confederation", "ITUC", 9),
        hit("etuc", "ETUC", "ETUC", 1),
      ];
      expect(exactFirst(hits, " ituc").map((h) => h.node.id)).toEqual(["ituc", "ituc-africa", "etuc"]);
      expect(exactFirst(hits, "trade").map((h) => h.node.id)).toEqual(["ituc-africa", "ituc", "etuc"]);
    });
  });
});
