/**
 * metrics(filter): graphology metrics over the filtered graph, a read model per dataset hash and
 * filter, computed from the filtered graph's columns (the read `network` and `networkCompact` share)
 * on a worker thread (server/workers), so other requests keep being served meanwhile.
 */
import { METRIC_KEYS } from "../../../core/metrics.js";
import type { NodeMetricValues } from "../../analytics/metrics.js";
import { readModel, WEIGHT } from "../../cache/index.js";
import type { Context } from "../context.js";
import { nodeOfColumns } from "../../read/columns.js";
import { filterParams } from "../../read/filter.js";
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
}

export const metricsFields = {
  async metrics(_: unknown, args: QueryMetricsArgs, context: Context): Promise<NetworkMetricsValue> {
    const params = filterParams(args.filter);
    const weigh = (value: NetworkMetricsValue) => value.nodes.length * WEIGHT.node;
    return readModel(
      context,
      "metrics",
      params,
      async () => {
        const columns = await networkColumns(context, params);
        const { task, transfer } = metricsTaskOfColumns(columns, context.analytics.metricsOptions);
        const r = await runInWorker(task, transfer);
        return {
          density: r.density,
          modularity: r.modularity,
          components: r.components,
          communities: r.communities,
          betweennessMethod: r.betweennessMethod,
          betweennessSamples: r.betweennessSamples,
          nodes: Array.from(r.order, (i, k) => ({
            node: nodeOfColumns(columns.nodes, i),
            degree: r.degree[k],
            betweenness: r.betweenness[k],
            pagerank: r.pagerank[k],
            community: r.community[k],
            bridgeScore: r.bridgeScore[k],
          })),
        };
      },
      weigh,
    );
  },
} satisfies Pick<QueryResolvers, "metrics">;

/** NodeMetrics.values: every registry metric by key, so a new metric needs no schema or client change. */
export const MetricTypes = {
  NodeMetrics: {
    values: (metrics: NodeMetricValues) => METRIC_KEYS.map((key) => ({ key, value: metrics[key] })),
  },
} satisfies Resolvers;
