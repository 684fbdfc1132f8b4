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

    it("should default the HTTP limits and read the CORS allow-list", () => {
      expect(readConfig({}).http).toEqual({
        bodyLimitBytes: 1024 * 1024,
        importLimitBytes: 50 * 1024 * 1024,
        corsOrigins: [],
        shutdownTimeoutMs: 10_000,
      });
      const config = readConfig({
        ATLAS_BODY_LIMIT_KB: "64",
        ATLAS_IMPORT_LIMIT_MB: "8",
        ATLAS_CORS_ORIGINS: "https://a.example, http://localhost:5173",
      });
      expect(config.http.bodyLimitBytes).toBe(64 * 1024);
      expect(config.http.importLimitBytes).toBe(8 * 1024 * 1024);
      expect(config.http.corsOrigins).toEqual(["https://a.example", "http://localhost:5173"]);
    });

    it("should refuse an allow-list entry that is not a bare origin, naming the variable", () => {
      expect(() => readConfig({ ATLAS_CORS_ORIGINS: "https://a.example/" })).toThrow(/ATLAS_CORS_ORIGINS.*https:\/\/a\.example\//);
      expect(() => readConfig({ ATLAS_CORS_ORIGINS: "a.example" })).toThrow(ConfigError);
    });

    it("should make the atlas public by default, read ATLAS_PUBLIC=false, and refuse anything but a boolean", () => {
      expect(readConfig({}).auth).toEqual({ public: true, sessionTtlMs: 14 * 24 * 3600_000, trustProxy: false });
      expect(readConfig({ ATLAS_PUBLIC: "false", ATLAS_TRUST_PROXY: "TRUE", ATLAS_SESSION_HOURS: "8" }).auth).toEqual({
        public: false,
        sessionTtlMs: 8 * 3600_000,
        trustProxy: true,
      });
      expect(() => readConfig({ ATLAS_PUBLIC: "nope" })).toThrow(/ATLAS_PUBLIC: must be true or false/);
    });
  });
});
