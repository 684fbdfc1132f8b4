/**
 * The metrics controller: the server computes centralities and communities per filter, so the
 * session asks for them only when the appearance needs them, caches each answer by filter, and
 * aborts a request the user has already moved past. Kept apart from the session so the fetch,
 * cache and abort rules live in one place.
 */
import { ApiError, fetchMetrics } from "../api";
import type { MetricsTable } from "../graph";
import { type AtlasState, toNetworkFilter } from "../state";

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
  /** The cache key: the state's network filter. */
  key(s: AtlasState): string;
  /** Whether the appearance (size or colour) reads metrics. */
  needed(s: AtlasState): boolean;
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

  const keyOf = (s: AtlasState) => JSON.stringify(toNetworkFilter(s.filters, s.year));
  const needed = (s: AtlasState) => s.appearance.sizeBy !== "degree" || s.appearance.colorBy === "community";

  return {
    key: keyOf,
    needed,
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
      fetchMetrics(toNetworkFilter(s.filters, s.year), controller.signal)
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
