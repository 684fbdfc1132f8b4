/**
 * A least-recently-used map of computed values, bounded by entry count and by total weight (an
 * estimate of bytes, given per value). Concurrent requests for one key share one computation; a
 * failed computation is forgotten; a value heavier than the whole budget is returned but not kept.
 * Without a key (no dataset hash to key on) or with a zero budget, every call computes.
 */
export interface LruOptions {
  maxEntries: number;
  /** Budget for the sum of the entries' weights (estimated bytes). */
  maxWeight: number;
}

export interface LruCache {
  /** False with a zero budget: callers can skip work that only serves the key. */
  readonly enabled: boolean;
  /** The value for `key`, computing it (once, however many callers wait) when absent. */
  get<T>(key: string | undefined, compute: () => Promise<T>, weigh?: (value: T) => number): Promise<T>;
  /** The settled value for `key`, if any (counts as a use). */
  peek<T>(key: string): T | undefined;
  set<T>(key: string, value: T, weight: number): void;
  /** Entries held, pending ones included. */
  readonly size: number;
  /** Sum of the settled entries' weights. */
  readonly weight: number;
  clear(): void;
}

interface Entry {
  promise: Promise<unknown>;
  settled: boolean;
  value?: unknown;
  weight: number;
}

export function createLruCache({ maxEntries, maxWeight }: LruOptions): LruCache {
  const entries = new Map<string, Entry>();
  let total = 0;
  const enabled = maxEntries > 0 && maxWeight > 0;

  const remove = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    total -= entry.weight;
  };
  const evict = (keep: Entry) => {
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries && total <= maxWeight) break;
      if (entry !== keep) remove(key, entry);
    }
  };
  const settle = (key: string, entry: Entry, value: unknown, weight: number) => {
    if (entries.get(key) !== entry) return;
    entry.settled = true;
    entry.value = value;
    entry.weight = Math.max(0, weight);
    total += entry.weight;
    if (entry.weight > maxWeight) remove(key, entry);
    else evict(entry);
  };
  const touch = (key: string) => {
    const entry = entries.get(key);
    if (entry) {
      entries.delete(key);
      entries.set(key, entry);
    }
    return entry;
  };

  return {
    enabled,
    get<T>(key: string | undefined, compute: () => Promise<T>, weigh: (value: T) => number = () => 1): Promise<T> {
      if (key === undefined || !enabled) return compute();
      const hit = touch(key);
      if (hit) return hit.promise as Promise<T>;
      const entry: Entry = { promise: compute(), settled: false, weight: 0 };
      entries.set(key, entry);
      evict(entry);
      entry.promise.then(
        (value) => settle(key, entry, value, weigh(value as T)),
        () => remove(key, entry),
      );
      return entry.promise as Promise<T>;
    },
    peek<T>(key: string): T | undefined {
      const entry = touch(key);
      return entry?.settled ? (entry.value as T) : undefined;
    },
    set<T>(key: string, value: T, weight: number) {
      if (!enabled) return;
      const old = entries.get(key);
      if (old) remove(key, old);
      const entry: Entry = { promise: Promise.resolve(value), settled: false, weight: 0 };
      entries.set(key, entry);
      settle(key, entry, value, weight);
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return total;
    },
    clear() {
      entries.clear();
      total = 0;
    },
  };
}
