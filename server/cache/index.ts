/** Server-side caches of whole-graph reads, keyed by the loaded dataset's hash. */
import type { Freshness } from "./freshness.js";
import { createLruCache, type LruCache } from "./lru.js";

export { createLruCache, type LruCache, type LruOptions } from "./lru.js";
export { cachedReadModel, levelsKey, readModel, readModelKey, type ReadModelScope, WEIGHT } from "./read-model.js";
export { createFreshness, type Freshness, LEVEL_SETS, parseDataKey } from "./freshness.js";
export { COLUMN_ANSWER_FIELDS, useColumnAnswers } from "./column-answers.js";
export { isCacheableQuery, RESULT_CACHE_FIELDS, useResultCache } from "./result-cache.js";

export interface CacheOptions {
  /** Memory budget in MiB, shared half and half by read models and serialised results; 0 turns caching off. */
  budgetMb: number;
  /** Most entries per cache. */
  maxEntries: number;
}

export const DEFAULT_CACHE_OPTIONS: CacheOptions = { budgetMb: 512, maxEntries: 64 };

export interface Caches {
  /** Values computed from whole-graph reads (see read-model.ts). */
  readModels: LruCache;
  /** Serialised responses of whole-graph queries (see result-cache.ts). */
  results: LruCache;
  /** Moves the read models on after this server's writes (freshness.ts); set by createApp. */
  freshness?: Freshness;
}

export function createCaches(options: Partial<CacheOptions> = {}): Caches {
  const { budgetMb, maxEntries } = { ...DEFAULT_CACHE_OPTIONS, ...options };
  const maxWeight = (budgetMb * 1024 * 1024) / 2;
  return { readModels: createLruCache({ maxEntries, maxWeight }), results: createLruCache({ maxEntries, maxWeight }) };
}
