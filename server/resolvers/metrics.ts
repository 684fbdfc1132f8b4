/** metrics(filter): graphology metrics over the filtered graph, cached per dataset hash and filter. */
import { buildUndirectedGraph } from "../analytics/graph.js";
import { computeMetrics, type NodeMetricValues } from "../analytics/metrics.js";
import type { Context } from "../context.js";
import { filterParams, type NetworkFilter } from "./filter.js";
import type { NodeProps } from "./rows.js";

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
  async metrics(_: unknown, args: { filter?: NetworkFilter | null }, { db, analytics }: Context): Promise<NetworkMetricsValue> {
    const params = filterParams(args.filter);
    const [meta] = await db.read<{ hash: string }>("datasetMeta");
    const key = meta?.hash ? `metrics:${meta.hash}:${JSON.stringify(params)}` : undefined;
    return analytics.cache.get(key, async () => {
      const [row] = await db.read<{ nodes: NodeProps[]; edges: { source: string; target: string }[] }>("metricsGraph", params);
      const nodes = row?.nodes ?? [];
      const graph = buildUndirectedGraph(
        nodes.map((n) => ({ id: n.id, kind: n.kind, sector: (n.sector as string | undefined) ?? null })),
        row?.edges ?? [],
      );
      const { nodes: values, ...summary } = computeMetrics(graph, analytics.metricsOptions);
      const props = new Map(nodes.map((n) => [n.id, n]));
      return { ...summary, nodes: [...values].map(([id, v]) => ({ node: props.get(id)!, ...v })) };
    });
  },
};
