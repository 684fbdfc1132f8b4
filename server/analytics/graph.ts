/** Rows read from Neo4j → the undirected simple graphology graph the metrics run on. */
import Graph from "graphology";

import type { MetricsNodeAttributes } from "./metrics.js";

export interface TopologyNode {
  id: string;
  kind?: string;
  sector?: string | null;
}

export interface TopologyEdge {
  source: string;
  target: string;
}

/**
 * Nodes are added in id order (so Louvain and sampling see the same graph whatever order the
 * database returned); parallel relationships become one edge, self-loops and edges to nodes
 * outside the set are dropped.
 */
export function buildUndirectedGraph(nodes: readonly TopologyNode[], edges: readonly TopologyEdge[]): Graph<MetricsNodeAttributes> {
  const graph = new Graph<MetricsNodeAttributes>({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const node of [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    graph.addNode(node.id, { kind: node.kind, sector: node.sector ?? null });
  }
  for (const edge of edges) {
    if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.mergeEdge(edge.source, edge.target);
  }
  return graph;
}
