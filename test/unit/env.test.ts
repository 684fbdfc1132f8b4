import { describe, expect, it } from "vitest";

import { ConfigError, readConfig } from "../../server/env.js";

describe("env", () => {
  describe("#readConfig", () => {
    it("should default the cache budget and accept 0 to turn caching off", () => {
      expect(readConfig({}).cacheMb).toBe(512);
      expect(readConfig({ ATLAS_CACHE_MB: "0" }).cacheMb).toBe(0);
      expect(readConfig({ ATLAS_CACHE_MB: "64" }).cacheMb).toBe(64);
    });

    it("should refuse a negative or fractional cache budget, naming the variable", () => {
      expect(() => readConfig({ ATLAS_CACHE_MB: "-1" })).toThrow(ConfigError);
      expect(() => readConfig({ ATLAS_CACHE_MB: "1.5" })).toThrow(/ATLAS_CACHE_MB/);
    });
  });
});
