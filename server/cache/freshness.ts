/**
 * Freshness after a write made through this server. Each committed Change is logged here (by its
 * `seq`, the data version it made). When a read then misses a whole-graph read model at the new
 * version, the model is derived from the same level's cached model of an earlier version by applying
 * the logged changes in order (incremental.ts): milliseconds instead of re-reading the graph (about
 * a second at 10k organisations). The opening layout carries every position over. Whole-graph
 * metrics and the membership grouping (seconds at 10k) are recomputed in the background on the
 * worker pool; until then `metrics` answers the previous figures, marked stale, with their version.
 *
 * A version this server did not write (another server, `db:load`) breaks the chain: nothing is
 * derived across it, and the next read rebuilds from Neo4j, as before.
 */
import { type Visibility, visibleLevels } from "../../core/access.js";
import type { SubgraphColumns } from "../read/columns.js";
import type { CompactSubgraph } from "../read/compact.js";
import { applyToColumns, carryLayout, deltasOfChange, type RecordDelta } from "./incremental.js";
import { type ChangeFeed, createChangeFeed } from "../write/feed.js";
import type { ChangeProps } from "../write/types.js";
import type { LruCache } from "./lru.js";
import { levelsKey, readModelKey } from "./read-model.js";

/** The level sets a viewer can have: anonymous, signed in, editor. */
export const LEVEL_SETS: readonly (readonly Visibility[])[] = [visibleLevels(null), visibleLevels("reader"), visibleLevels("editor")];

/** Changes kept for deriving models: a model older than this many versions is rebuilt instead. */
const LOG_SIZE = 64;

export type { ChangeFeed, ChangeNotice } from "../write/feed.js";

/** A computed metrics answer, remembered for later stale answers. */
export interface MetricsSnapshot<T> {
  hash: string;
  version: number;
  value: T;
}

export interface FreshnessOptions {
  caches: { readModels: LruCache };
  /**
   * Recomputes, in the background, one level's heavy models in use (metrics for these filters, the
   * membership grouping) at the newest version. Called at most once at a time per level;
   * `superseded()` turns true once a newer change has arrived, when what is left is wasted (the
   * level is refreshed again at once, at the newer version).
   */
  refresh?(levels: readonly Visibility[], metricsFilters: unknown[], superseded: () => boolean): Promise<void>;
}

export interface Freshness {
  /** Logs a Change this server committed, announces it to live subscribers, and schedules the background recomputations. */
  changed(change: ChangeProps): void;
  /** The live announcements of changes (`liveChanges`). */
  readonly feed: ChangeFeed;
  /** The unfiltered columns of `levels` at data key `hash@version`, derived from an earlier cached version. */
  deriveColumns(levels: readonly Visibility[], key: string, params: unknown): SubgraphColumns | undefined;
  /** The unfiltered opening layout at `key` for `compact`, carried over from an earlier cached version. */
  deriveLayout(levels: readonly Visibility[], key: string, args: unknown, compact: CompactSubgraph): number[] | undefined;
  /** The metrics last computed for `levels` and `filter` from the dataset `hash`, whatever their version. */
  lastMetrics<T>(levels: readonly Visibility[], filter: unknown, hash: string): MetricsSnapshot<T> | undefined;
  rememberMetrics<T>(levels: readonly Visibility[], filter: unknown, snapshot: MetricsSnapshot<T>): void;
  /** Resolves when no background recomputation is running (tests, benchmarks). */
  settled(): Promise<void>;
}

/** Splits a cache key's data part, `hash@version`. */
export function parseDataKey(key: string): { hash: string; version: number } {
  const at = key.lastIndexOf("@");
  return { hash: key.slice(0, at), version: Number(key.slice(at + 1)) };
}

export function createFreshness(options: FreshnessOptions): Freshness {
  const cache = options.caches.readModels;
  const log = new Map<number, RecordDelta[]>();
  const metrics = new Map<string, MetricsSnapshot<unknown> & { filter: unknown; levels: string }>();
  const metricsKey = (levels: readonly Visibility[], filter: unknown) => `${levelsKey(levels)}\u0000${JSON.stringify(filter ?? null)}`;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let scheduled: Promise<void> = Promise.resolve();

  /** The newest earlier version whose `name` model is cached, with every change since logged. */
  function base<T>(levels: readonly Visibility[], key: string, name: string, args: unknown): { value: T; version: number } | undefined {
    const { hash, version } = parseDataKey(key);
    for (let v = version - 1; v >= 0 && log.has(v + 1); v--) {
      const value = cache.peek<T>(readModelKey(`${hash}@${v}`, levels, name, args));
      if (value !== undefined) return { value, version: v };
    }
    return undefined;
  }

  function refresh(levels: readonly Visibility[]): void {
    if (!options.refresh) return;
    const id = levelsKey(levels);
    const filters = [...metrics.values()].filter((m) => m.levels === id).map((m) => m.filter);
    if (!filters.length) return; // nobody asked this level for analytics: nothing to keep warm
    if (running.has(id)) return void again.add(id);
    const run = options
      .refresh(levels, filters, () => again.has(id))
      .catch(() => {}) // the next request computes, and reports, the failure
      .finally(() => {
        running.delete(id);
        if (again.delete(id)) refresh(levels);
      });
    running.set(id, run);
  }

  const feed = createChangeFeed();
  return {
    feed,
    changed(change) {
      feed.publish(change);
      log.set(change.seq, deltasOfChange(change));
      for (const seq of log.keys()) if (log.size > LOG_SIZE) log.delete(seq);
      // After the mutation's answer has gone out: the recomputation reads the new version.
      scheduled = new Promise((done) =>
        setImmediate(() => {
          LEVEL_SETS.forEach(refresh);
          done();
        }),
      );
    },
    deriveColumns(levels, key, params) {
      const found = base<SubgraphColumns>(levels, key, "networkColumns", params);
      if (!found) return undefined;
      let columns: SubgraphColumns | undefined = found.value;
      const { version } = parseDataKey(key);
      for (let v = found.version + 1; columns && v <= version; v++) columns = applyToColumns(columns, log.get(v)!, levels);
      return columns;
    },
    deriveLayout(levels, key, args, compact) {
      const layout = base<number[]>(levels, key, "openingLayout", args);
      const before =
        layout && cache.peek<CompactSubgraph>(readModelKey(`${parseDataKey(key).hash}@${layout.version}`, levels, "networkCompact", args));
      if (!layout || !before) return undefined;
      return carryLayout(before.ids, layout.value, compact);
    },
    lastMetrics<T>(levels: readonly Visibility[], filter: unknown, hash: string) {
      const last = metrics.get(metricsKey(levels, filter));
      return last && last.hash === hash ? (last as MetricsSnapshot<T>) : undefined;
    },
    rememberMetrics(levels, filter, snapshot) {
      const key = metricsKey(levels, filter);
      const last = metrics.get(key);
      if (last && last.hash === snapshot.hash && last.version > snapshot.version) return;
      metrics.delete(key);
      metrics.set(key, { ...snapshot, filter, levels: levelsKey(levels) });
      // Bounded: one entry per level and filter in use, the least recently computed forgotten first.
      if (metrics.size > 32) metrics.delete(metrics.keys().next().value!);
    },
    async settled() {
      await scheduled;
      while (running.size) await Promise.all(running.values());
    },
  };
}
