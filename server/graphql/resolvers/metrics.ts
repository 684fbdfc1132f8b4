/**
 * metrics(filter): graphology metrics over the filtered graph, a read model per dataset hash and
 * filter, computed from the filtered graph's columns (the read `network` and `networkCompact` share).
 */
import { buildUndirectedGraph } from "../../analytics/graph.js";
import { computeMetrics, type NodeMetricValues } from "../../analytics/metrics.js";
import { readModel, WEIGHT } from "../../cache/index.js";
import type { Context } from "../context.js";
import { nodesOfColumns } from "../../read/columns.js";
import { filterParams, type NetworkFilter } from "../../read/filter.js";
import { networkColumns } from "./network.js";
import type { NodeProps } from "../../read/rows.js";

export interface NetworkMetricsValue {
  nodes: (NodeMetricValues & { node: NodeProps })[];
  density: number;
  modularity: number;
  components: number;
  communities: number;
  betweennessMethod: "EXACT" | "SAMPLED";
  betweennessSamples: number | null;
}

export const metricsFields = {
  async metrics(_: unknown, args: { filter?: NetworkFilter | null }, context: Context): Promise<NetworkMetricsValue> {
    const params = filterParams(args.filter);
    const weigh = (value: NetworkMetricsValue) => value.nodes.length * WEIGHT.node;
    return readModel(
      context,
      "metrics",
      params,
      async () => {
        const columns = await networkColumns(context, params);
        const nodes = nodesOfColumns(columns.nodes);
        const edges = columns.edges.source.map((source, j) => ({ source, target: columns.edges.target[j] }));
        const graph = buildUndirectedGraph(
          nodes.map((n) => ({ id: n.id, kind: n.kind, sector: (n.sector as string | null) ?? null })),
          edges,
        );
        const { nodes: values, ...summary } = computeMetrics(graph, context.analytics.metricsOptions);
        const props = new Map(nodes.map((n) => [n.id, n]));
        return { ...summary, nodes: [...values].map(([id, v]) => ({ node: props.get(id)!, ...v })) };
      },
      weigh,
    );
  },
};
