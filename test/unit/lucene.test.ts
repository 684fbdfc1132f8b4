import { describe, expect, it } from "vitest";

import { luceneQuery, searchTerms } from "../../server/read/lucene.js";

describe("lucene", () => {
  describe("#searchTerms", () => {
    it("should fold case and accents and drop stop words", () => {
      expect(searchTerms("Vía Campesina")).toEqual(["via", "campesina"]);
      expect(searchTerms("Migrant Forum in Asia")).toEqual(["migrant", "forum", "asia"]);
    });

    it("should strip Lucene syntax so text cannot change the query's structure", () => {
      expect(searchTerms('idwf" OR name:*) AND ~')).toEqual(["idwf", "name"]);
    });
  });

  describe("#luceneQuery", () => {
    it("should allow typos only in longer words", () => {
      expect(luceneQuery("idwf")).toBe("(idwf^4 OR idwf*^2 OR idwf~1)");
      expect(luceneQuery("gcm")).toBe("(gcm^4 OR gcm*^2)");
      expect(luceneQuery("Campensina")).toBe("(campensina^4 OR campensina*^2 OR campensina~1)");
    });

    it("should let any word match, so a text with one unknown word still finds the rest", () => {
      expect(luceneQuery("via campensina")).toMatch(/^\(via.*\) OR \(campensina.*\)$/);
    });

    it("should read curly and straight apostrophes alike", () => {
      expect(searchTerms("People’s Global Action")).toEqual(["people", "global", "action"]);
      expect(searchTerms("People's Global Action")).toEqual(["people", "global", "action"]);
    });

    it("should return nothing for text without words", () => {
      expect(luceneQuery(" *** ")).toBeUndefined();
    });
  });
});
