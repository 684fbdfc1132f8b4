/**
 * metrics(filter, asOf, datedOnly): graphology metrics over the filtered graph (as of a year: the
 * timeline's snapshot of it, with or without its undated records), a read model per dataset hash, filter and year, computed from the filtered
 * graph's columns (the read `network` and `networkCompact` share) on a worker thread
 * (server/workers), so other requests keep being served meanwhile.
 */
import { METRIC_KEYS } from "../../../core/metrics.js";
import type { NodeMetricValues } from "../../analytics/metrics.js";
import { cachedReadModel, parseDataKey, readModel, WEIGHT } from "../../cache/index.js";
import type { Context } from "../context.js";
import { snapshotColumns } from "../../analytics/year-snapshot.js";
import { nodeOfColumns, type SubgraphColumns } from "../../read/columns.js";
import { filterParams, year } from "../../read/filter.js";
import type { QueryMetricsArgs, QueryResolvers, Resolvers } from "../generated/resolvers.js";
import { networkColumns } from "./network.js";
import type { NodeProps } from "../../read/rows.js";
import { runInWorker } from "../../workers/index.js";
import { metricsTaskOfColumns } from "../../workers/columns.js";

/** One node's metrics as resolved: NodeMetrics.values is derived from the named values. */
export type NodeMetricsValue = NodeMetricValues & { node: NodeProps };

export interface NetworkMetricsValue {
  nodes: NodeMetricsValue[];
  density: number;
  modularity: number;
  components: number;
  communities: number;
  betweennessMethod: "EXACT" | "SAMPLED";
  betweennessSamples: number | null;
  asOfVersion: number;
  stale: boolean;
}

const weigh = (value: NetworkMetricsValue) => value.nodes.length * WEIGHT.node;

/** The metrics of the graph of `columns` at the data version `key` names, computed on a worker thread. */
async function metricsOfColumns(context: Context, columns: SubgraphColumns, key: string | undefined): Promise<NetworkMetricsValue> {
  const { task, transfer } = metricsTaskOfColumns(columns, context.analytics.metricsOptions);
  const r = await runInWorker(task, transfer);
  return {
    density: r.density,
    modularity: r.modularity,
    components: r.components,
    communities: r.communities,
    betweennessMethod: r.betweennessMethod,
    betweennessSamples: r.betweennessSamples,
    asOfVersion: key ? parseDataKey(key).version : 0,
    stale: false,
    nodes: Array.from(r.order, (i, k) => ({
      node: nodeOfColumns(columns.nodes, i),
      degree: r.degree[k],
      betweenness: r.betweenness[k],
      pagerank: r.pagerank[k],
      community: r.community[k],
      bridgeScore: r.bridgeScore[k],
    })),
  };
}

/** The metrics of the filtered graph at the current data version, computed on a worker thread. */
function currentMetrics(context: Context, filter: QueryMetricsArgs["filter"], key: string | undefined): Promise<NetworkMetricsValue> {
  const params = filterParams(filter);
  return readModel(
    context,
    "metrics",
    params,
    async () => {
      const value = await metricsOfColumns(context, await networkColumns(context, params), key);
      if (key) context.caches.freshness?.rememberMetrics(context.visible, params, { ...parseDataKey(key), value });
      return value;
    },
    weigh,
  );
}

/**
 * The metrics of the filtered graph as the timeline shows it in `asOf` (year-snapshot.ts), a read
 * model per filter, year and `datedOnly`. Not refreshed in the background after a write: computed when asked.
 */
async function metricsAsOf(
  context: Context,
  filter: QueryMetricsArgs["filter"],
  asOf: number,
  datedOnly: boolean,
): Promise<NetworkMetricsValue> {
  const params = filterParams(filter);
  const key = await context.datasetHash();
  return readModel(
    context,
    "metricsAsOf",
    { params, asOf, datedOnly },
    async () => metricsOfColumns(context, snapshotColumns(await networkColumns(context, params), asOf, datedOnly), key),
    weigh,
  );
}

/** Computes (or joins the computation of) the metrics at the current version: background refreshes. */
export async function refreshMetrics(context: Context, filter: QueryMetricsArgs["filter"]): Promise<void> {
  await currentMetrics(context, filter, await context.datasetHash());
}

export const metricsFields = {
  /**
   * Fresh figures when they are computed (or nothing older exists); otherwise, while the figures
   * of the current version are computed in the background, the last ones with `stale: true`.
   */
  async metrics(_: unknown, args: QueryMetricsArgs, context: Context): Promise<NetworkMetricsValue> {
    const asOf = year("asOf", args.asOf);
    if (asOf !== null) return metricsAsOf(context, args.filter, asOf, args.datedOnly ?? false);
    const key = await context.datasetHash();
    const params = filterParams(args.filter);
    const cached = await cachedReadModel<NetworkMetricsValue>(context, "metrics", params);
    if (cached || !key || !context.caches.freshness) return cached ?? currentMetrics(context, args.filter, key);
    const last = context.caches.freshness.lastMetrics<NetworkMetricsValue>(context.visible, params, parseDataKey(key).hash);
    const fresh = currentMetrics(context, args.filter, key);
    if (!last) return fresh;
    fresh.catch(() => {}); // a failure is the next request's to report
    context.uncacheable = true;
    return { ...last.value, stale: true };
  },
} satisfies Pick<QueryResolvers, "metrics">;

/** NodeMetrics.values: every registry metric by key, so a new metric needs no schema or client change. */
export const MetricTypes = {
  NodeMetrics: {
    values: (metrics: NodeMetricValues) => METRIC_KEYS.map((key) => ({ key, value: metrics[key] })),
  },
} satisfies Resolvers;
