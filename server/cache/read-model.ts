/**
 * Read models: values computed from whole-graph reads (a network, its columnar form, a timeline,
 * metrics …), kept per loaded dataset and visibility level set. The key is the dataset hash
 * (DatasetMeta, written by the loader in the same transaction as the data), the levels the viewer
 * may see (an anonymous visitor's graph is not a member's) and the normalised arguments. Each request reads
 * the hash once (one cheap Cypher read), so every API instance sees a reload made through any of
 * them, or through `npm run db:load`, on its next request; stale entries are never read again and
 * age out of the LRU.
 */
import type { Visibility } from "../../core/access.js";
import type { LruCache } from "./lru.js";

export interface ReadModelScope {
  /** The loaded dataset's hash, read once per request; undefined when nothing was loaded by the loader. */
  datasetHash(): Promise<string | undefined>;
  /** The visibility levels of the request's viewer: part of every key. */
  visible: readonly Visibility[];
  caches: { readModels: LruCache };
}

/**
 * Rough bytes per cached item (JS objects with their strings), for the LRU budget: lean nodes and
 * edges (short properties), full ones (with descriptions and citations), other rows.
 */
export const WEIGHT = { node: 600, edge: 300, fullNode: 1500, fullEdge: 700, row: 200 } as const;

/** The part of a cache key that says whose view it is: the levels, in their fixed order. */
export function levelsKey(visible: readonly Visibility[]): string {
  return [...visible].sort().join(",");
}

export function readModelKey(hash: string, visible: readonly Visibility[], name: string, args: unknown): string {
  return `${hash}\u0000${levelsKey(visible)}\u0000${name}\u0000${JSON.stringify(args ?? null)}`;
}

/**
 * The cached value of read model `name` for `args` (normalised by the caller: defaults applied,
 * lists deduplicated), computed by `compute` on a miss. `weigh` estimates its bytes.
 */
export async function readModel<T>(
  scope: ReadModelScope,
  name: string,
  args: unknown,
  compute: () => Promise<T>,
  weigh: (value: T) => number,
): Promise<T> {
  const cache = scope.caches.readModels;
  if (!cache.enabled) return compute();
  const hash = await scope.datasetHash();
  return cache.get(hash === undefined ? undefined : readModelKey(hash, scope.visible, name, args), compute, weigh);
}

/** The read model `name` for `args` if it is already cached (nothing is computed), else undefined. */
export async function cachedReadModel<T>(scope: ReadModelScope, name: string, args: unknown): Promise<T | undefined> {
  const cache = scope.caches.readModels;
  if (!cache.enabled) return undefined;
  const hash = await scope.datasetHash();
  return hash === undefined ? undefined : cache.peek<T>(readModelKey(hash, scope.visible, name, args));
}
