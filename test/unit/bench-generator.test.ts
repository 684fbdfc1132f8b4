import { describe, expect, it } from "vitest";

import { generateDataset } from "../../bench/generate.js";
import { parseDataset } from "../../server/import/validate.js";

describe("bench generator", () => {
  describe("#generateDataset", () => {
    it("should produce a dataset that passes the data validation", () => {
      const data = generateDataset({ organisations: 400, seed: 1 });
      expect(() => parseDataset(JSON.parse(JSON.stringify(data)))).not.toThrow();
      expect(data.organisations).toHaveLength(400);
    });

    it("should be deterministic for a seed and differ across seeds", () => {
      const a = generateDataset({ organisations: 300, seed: 5 });
      expect(generateDataset({ organisations: 300, seed: 5 })).toEqual(a);
      expect(generateDataset({ organisations: 300, seed: 6 })).not.toEqual(a);
    });

    it("should give networks members and mix sectors", () => {
      const data = generateDataset({ organisations: 2000, seed: 2 });
      const members = data.relationships.filter((r) => r.type === "MEMBER_OF");
      const sizes = new Map<string, number>();
      for (const r of members) sizes.set(r.target, (sizes.get(r.target) ?? 0) + 1);
      expect(Math.max(...sizes.values())).toBeGreaterThan(50);
      const sectors = new Set(data.organisations.map((o) => o.sector));
      expect(sectors).toContain("LABOUR");
      expect(sectors).toContain("CIVIL_SOCIETY");
      expect(data.relationships.length / data.organisations.length).toBeGreaterThan(4);
    });
  });
});
