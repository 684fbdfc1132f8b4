/**
 * Server-side work done for a visibility level rather than for a request: warming each level's
 * whole-graph read models at start-up, and recomputing a level's metrics and membership grouping in
 * the background after a write (server/cache/freshness.ts). Each runs the resolvers with a context
 * whose viewer is a stand-in of the level (never a real user), so the read models land under exactly
 * the keys that level's requests use, and nothing of a higher level reaches a lower one.
 */
import { type Role, type Visibility, visibleLevels } from "../../core/access.js";
import type { Viewer } from "../auth/viewer.js";
import { levelsKey } from "../cache/index.js";
import type { Caches } from "../cache/index.js";
import type { Database } from "../db/database.js";
import { type Analytics, type Context, createContext } from "./context.js";
import { refreshMetrics } from "./resolvers/metrics.js";
import { networkFields } from "./resolvers/network.js";
import type { NetworkFilter } from "./generated/resolvers.js";

/** The role whose levels are `levels`: null for the anonymous level. */
function roleOf(levels: readonly Visibility[]): Role | null {
  for (const role of [null, "reader", "editor"] as const) if (levelsKey(visibleLevels(role)) === levelsKey(levels)) return role;
  throw new Error(`no role sees exactly ${levelsKey(levels)}`);
}

export function levelContext(db: Database, analytics: Analytics, caches: Caches, levels: readonly Visibility[]): Context {
  const role = roleOf(levels);
  const viewer: Viewer | null = role === null ? null : { userId: `level:${role}`, username: `(${role} level)`, role };
  return createContext(db, analytics, caches, viewer);
}

/** The explorer's first reads for one level: the whole graph with its opening layout, grouped, and `network`. */
export async function warmLevel(context: Context): Promise<void> {
  const plain = await networkFields.networkCompact(null, {}, context);
  await plain.layout();
  await networkFields.networkCompact(null, { groupBy: "MEMBERSHIP" }, context);
}

/**
 * After a write: the level's metrics for every filter in use, and its membership grouping, at the
 * newest version. Stops between steps once a newer write has arrived: the level is refreshed again
 * at that version, so finishing this one would only delay its figures (seconds each at 10k).
 */
export async function refreshLevel(context: Context, metricsFilters: unknown[], superseded: () => boolean = () => false): Promise<void> {
  for (const filter of metricsFilters) {
    if (superseded()) return;
    await refreshMetrics(context, filter as NetworkFilter);
  }
  if (superseded()) return;
  await networkFields.networkCompact(null, { groupBy: "MEMBERSHIP" }, context);
}
