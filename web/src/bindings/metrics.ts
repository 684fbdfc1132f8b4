/**
 * The metrics controller: the server computes centralities and communities per filter and year, so
 * the session asks for them only when the appearance or a panel needs them (one request per view,
 * shared by the map and the panels), caches each answer by filter and year, and
 * aborts a request the user has already moved past. Kept apart from the session so the fetch,
 * cache and abort rules live in one place.
 */
import { ApiError, fetchMetrics } from "../api";
import type { MetricsTable } from "../graph";
import { type AtlasState, toMetricsRequest } from "../state";

export type MetricsStatus =
  | { type: "idle" }
  | { type: "loading"; key: string }
  | {
      type: "ready";
      key: string;
      table: MetricsTable;
      summary: { density: number; modularity: number; components: number; communities: number; method: string };
    }
  | { type: "error"; key: string; message: string };

export interface MetricsController {
  /** The cache key: the state's network filter, year and whether undated records are left out. */
  key(s: AtlasState): string;
  /** Whether the appearance (size or colour) or a panel that shows figures (`watch`) reads metrics. */
  needed(s: AtlasState): boolean;
  /** A panel shows the figures until the returned function is called: they are then needed whatever the appearance. */
  watch(): () => void;
  /** The table for the state's filter, once it has arrived. */
  table(s: AtlasState): MetricsTable | null;
  /** What the panels show: the cached answer, or loading (the previous status when not needed). */
  status(s: AtlasState, previous: MetricsStatus): MetricsStatus;
  /** Starts the request for the state's filter if it is needed and not cached. */
  ensure(s: AtlasState): void;
  abort(): void;
}

/** `settled(key)` runs after each request ends (answer, error or abort), with its filter's key. */
export function createMetrics(settled: (key: string) => void): MetricsController {
  const cache = new Map<string, MetricsStatus>();
  let request: AbortController | null = null;

  let watchers = 0;
  const keyOf = (s: AtlasState) => JSON.stringify(toMetricsRequest(s));
  const needed = (s: AtlasState) => watchers > 0 || s.appearance.sizeBy !== "degree" || s.appearance.colorBy === "community";

  return {
    key: keyOf,
    needed,
    watch() {
      watchers += 1;
      let watching = true;
      return () => {
        if (watching) watchers -= 1;
        watching = false;
      };
    },
    table(s) {
      const status = cache.get(keyOf(s));
      return status?.type === "ready" ? status.table : null;
    },
    status: (s, previous) => (needed(s) ? (cache.get(keyOf(s)) ?? { type: "loading", key: keyOf(s) }) : previous),
    ensure(s) {
      if (!needed(s)) return;
      const key = keyOf(s);
      if (cache.has(key)) return;
      request?.abort();
      const controller = new AbortController();
      request = controller;
      cache.set(key, { type: "loading", key });
      fetchMetrics(toMetricsRequest(s), controller.signal)
        .then((m) => {
          const table: MetricsTable = new Map(m.nodes.map((row) => [row.node.id, row]));
          cache.set(key, {
            type: "ready",
            key,
            table,
            summary: {
              density: m.density,
              modularity: m.modularity,
              components: m.components,
              communities: m.communities,
              method: m.betweennessMethod,
            },
          });
        })
        .catch((error: Error) => {
          if (error.name === "AbortError") {
            cache.delete(key);
            return;
          }
          cache.set(key, { type: "error", key, message: error instanceof ApiError ? error.message : "Metrics could not be loaded." });
        })
        .finally(() => {
          if (request === controller) request = null;
          settled(key);
        });
    },
    abort: () => request?.abort(),
  };
}
