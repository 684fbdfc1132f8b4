import { describe, expect, it } from "vitest";

import { readSavedMapping, retargetMapping, SavedMappingError, savedMappingJson } from "../../core/import-mapping.js";

const MAPPING = [
  { sheet: "survey-march", column: "Organisation called", field: "name" },
  { sheet: "survey-march", column: "Notes", field: null },
];

describe("saved import mappings (core/import-mapping.ts)", () => {
  describe("#savedMappingJson / #readSavedMapping", () => {
    it("should read back the name and every entry, null fields included", () => {
      const text = savedMappingJson("ACME survey", MAPPING);
      expect(JSON.parse(text)).toMatchObject({ atlasImportMapping: 1, name: "ACME survey" });
      expect(readSavedMapping(text)).toEqual({ name: "ACME survey", mapping: MAPPING });
    });

    it("should read a bare list (what --mapping took before) and a file with a BOM", () => {
      expect(readSavedMapping(JSON.stringify(MAPPING))).toEqual({ name: null, mapping: MAPPING });
      expect(readSavedMapping(`\uFEFF${savedMappingJson("x", MAPPING)}`).mapping).toEqual(MAPPING);
    });

    it("should name the entry that is wrong, and refuse what is not a mapping", () => {
      const bad = JSON.stringify({ mapping: [MAPPING[0], { sheet: "s", column: 3, field: "name" }] });
      expect(() => readSavedMapping(bad)).toThrow(
        new SavedMappingError('entry 2 needs "sheet" and "column" (text) and "field" (text or null)'),
      );
      expect(() => readSavedMapping("{ nope")).toThrow(/^is not JSON/);
      expect(() => readSavedMapping(JSON.stringify({ columns: [] }))).toThrow(/expected \{ "mapping"/);
      expect(() => readSavedMapping(JSON.stringify({ atlasImportMapping: 2, mapping: [] }))).toThrow(/format 2; this atlas reads format 1/);
    });
  });

  describe("#retargetMapping", () => {
    it("should apply a one-sheet mapping to the one sheet of another file", () => {
      expect(retargetMapping(MAPPING, ["survey-april"]).map((m) => m.sheet)).toEqual(["survey-april", "survey-april"]);
    });

    it("should leave the sheets alone when they exist or the file has several", () => {
      expect(retargetMapping(MAPPING, ["survey-march"])).toEqual(MAPPING);
      expect(retargetMapping(MAPPING, ["elements", "connections"])).toEqual(MAPPING);
      const two = [...MAPPING, { sheet: "other", column: "To", field: "to" }];
      expect(retargetMapping(two, ["survey-april"])).toEqual(two);
    });
  });
});
