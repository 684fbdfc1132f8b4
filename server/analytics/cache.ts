/**
 * A small LRU of computed analytics, keyed by the loaded dataset's hash (DatasetMeta, written by
 * the loader) plus the request's parameters: a reload changes the hash, so stale entries are never
 * read again and age out. Concurrent requests for one key share one computation.
 */
export interface AnalyticsCache {
  get<T>(key: string | undefined, compute: () => Promise<T>): Promise<T>;
  readonly size: number;
}

export function createAnalyticsCache(maxEntries = 32): AnalyticsCache {
  const entries = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string | undefined, compute: () => Promise<T>): Promise<T> {
      // Without a dataset hash there is nothing to key on: compute every time.
      if (key === undefined) return compute();
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit as Promise<T>;
      }
      const pending = compute();
      entries.set(key, pending);
      pending.catch(() => entries.delete(key));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}
