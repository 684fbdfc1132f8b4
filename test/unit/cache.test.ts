import { visibleLevels } from "../../core/access.js";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";

import { createLruCache, isCacheableQuery, readModel, readModelKey, RESULT_CACHE_FIELDS } from "../../server/cache/index.js";

describe("cache", () => {
  describe("#createLruCache", () => {
    it("should compute once per key, evict the least recently used, and not cache without a key", async () => {
      const cache = createLruCache({ maxEntries: 2, maxWeight: 100 });
      let runs = 0;
      const compute = async () => ++runs;
      expect(await cache.get("a", compute)).toBe(1);
      expect(await cache.get("a", compute)).toBe(1);
      await cache.get("b", compute);
      await cache.get("a", compute);
      await cache.get("c", compute); // evicts b, the least recently used
      expect(await cache.get("a", compute)).toBe(1);
      expect(await cache.get("b", compute)).toBe(4);
      expect(await cache.get(undefined, compute)).toBe(5);
      expect(await cache.get(undefined, compute)).toBe(6);
      expect(cache.size).toBe(2);
    });

    it("should share one computation between concurrent callers", async () => {
      const cache = createLruCache({ maxEntries: 4, maxWeight: 100 });
      let runs = 0;
      let release!: (value: number) => void;
      const compute = () => {
        runs += 1;
        return new Promise<number>((resolve) => (release = resolve));
      };
      const first = cache.get("k", compute);
      const second = cache.get("k", compute);
      release(7);
      expect(await Promise.all([first, second])).toEqual([7, 7]);
      expect(runs).toBe(1);
    });

    it("should evict by weight and keep nothing heavier than the whole budget", async () => {
      const cache = createLruCache({ maxEntries: 10, maxWeight: 10 });
      await cache.get(
        "a",
        async () => "a",
        () => 4,
      );
      await cache.get(
        "b",
        async () => "b",
        () => 4,
      );
      expect(cache.weight).toBe(8);
      await cache.get(
        "c",
        async () => "c",
        () => 4,
      ); // 12 > 10: a, the oldest, goes
      expect(cache.peek("a")).toBeUndefined();
      expect(cache.peek("b")).toBe("b");
      expect(cache.weight).toBe(8);
      expect(
        await cache.get(
          "huge",
          async () => "huge",
          () => 11,
        ),
      ).toBe("huge");
      expect(cache.peek("huge")).toBeUndefined();
      expect(cache.weight).toBe(8);
    });

    it("should forget a failed computation", async () => {
      const cache = createLruCache({ maxEntries: 4, maxWeight: 100 });
      await expect(cache.get("k", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
      expect(await cache.get("k", async () => 2)).toBe(2);
    });

    it("should peek only settled values and replace on set", async () => {
      const cache = createLruCache({ maxEntries: 4, maxWeight: 100 });
      let release!: (value: string) => void;
      const pending = cache.get("k", () => new Promise<string>((resolve) => (release = resolve)));
      expect(cache.peek("k")).toBeUndefined();
      release("v");
      await pending;
      expect(cache.peek("k")).toBe("v");
      cache.set("k", "w", 3);
      expect(cache.peek("k")).toBe("w");
      expect(cache.weight).toBe(3);
    });

    it("should compute every time with a zero budget", async () => {
      const cache = createLruCache({ maxEntries: 4, maxWeight: 0 });
      let runs = 0;
      await cache.get("k", async () => ++runs);
      await cache.get("k", async () => ++runs);
      cache.set("k", 1, 1);
      expect(runs).toBe(2);
      expect(cache.enabled).toBe(false);
      expect(cache.peek("k")).toBeUndefined();
    });
  });

  describe("#readModel", () => {
    it("should key by dataset hash and arguments, and not cache without a hash", async () => {
      let hash: string | undefined = "h1";
      let hashReads = 0;
      const scope = {
        datasetHash: async () => (hashReads++, hash),
        visible: visibleLevels(null),
        caches: { readModels: createLruCache({ maxEntries: 8, maxWeight: 1000 }) },
      };
      let runs = 0;
      const read = (args: unknown) =>
        readModel(
          scope,
          "network",
          args,
          async () => ++runs,
          () => 1,
        );
      expect(await read({ yearTo: 2010 })).toBe(1);
      expect(await read({ yearTo: 2010 })).toBe(1);
      expect(await read({ yearTo: 2011 })).toBe(2);
      hash = "h2"; // a reload elsewhere: the next request sees the new hash and recomputes
      expect(await read({ yearTo: 2010 })).toBe(3);
      hash = undefined;
      expect(await read({ yearTo: 2010 })).toBe(4);
      expect(await read({ yearTo: 2010 })).toBe(5);
      expect(hashReads).toBe(6);
      expect(readModelKey("h", ["PUBLIC"], "a", { x: 1 })).not.toBe(readModelKey("h", ["PUBLIC"], "b", { x: 1 }));
      // Each viewer's levels key their own entries: a member's graph never answers an anonymous visitor.
      expect(readModelKey("h", ["PUBLIC"], "a", { x: 1 })).not.toBe(readModelKey("h", ["PUBLIC", "MEMBERS"], "a", { x: 1 }));
      expect(readModelKey("h", ["MEMBERS", "PUBLIC"], "a", null)).toBe(readModelKey("h", ["PUBLIC", "MEMBERS"], "a", null));
    });
  });

  describe("#isCacheableQuery", () => {
    const allowed = new Set<string>(RESULT_CACHE_FIELDS);
    const check = (query: string) => isCacheableQuery(parse(query), undefined, allowed);

    it("should accept whole-graph fields, aliases and fragments of them", () => {
      expect(check(`{ network: networkCompact { ids } grouped: networkCompact(groupBy: MEMBERSHIP) { groups { id } } __typename }`)).toBe(
        true,
      );
      expect(check(`{ ...F } fragment F on Query { timeline { year } metrics { density } }`)).toBe(true);
    });

    it("should refuse anything that reads per request", () => {
      expect(check(`{ networkCompact { ids } node(id: "x") { id } }`)).toBe(false);
      expect(check(`{ ... on Query { search(text: "x") { score } } }`)).toBe(false);
      expect(check(`{ ...Missing }`)).toBe(false);
      expect(check(`mutation { signOut }`)).toBe(false);
    });
  });
});
