/**
 * API subgraph → graphology graph with everything the renderer and the table need as attributes.
 * Positions start on a deterministic spiral (seeded by node order) so the first frame is stable;
 * the ForceAtlas2 worker refines them.
 */
import { MultiDirectedGraph } from "graphology";

import type { NetworkData, NodeKind } from "../api/queries";
import { categoryOf, colorOf, labelOf, sizeForDegree, type CategoryKey } from "./appearance";

export interface AtlasNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  name: string;
  kind: NodeKind;
  category: CategoryKey;
  orgType?: string;
  sector?: string;
  degree: number;
}

export interface AtlasEdgeAttributes {
  relType: string;
  size: number;
  color: string;
}

export type AtlasGraph = MultiDirectedGraph<AtlasNodeAttributes, AtlasEdgeAttributes>;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function buildGraph(data: NetworkData): AtlasGraph {
  const graph: AtlasGraph = new MultiDirectedGraph();
  const degree = new Map<string, number>();
  for (const e of data.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  // Hubs first, so they sit near the centre of the spiral before the layout runs.
  const nodes = [...data.nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  nodes.forEach((node, i) => {
    const category = categoryOf(node);
    const d = degree.get(node.id) ?? 0;
    const radius = 10 * Math.sqrt(i + 1);
    graph.addNode(node.id, {
      x: radius * Math.cos(i * GOLDEN_ANGLE),
      y: radius * Math.sin(i * GOLDEN_ANGLE),
      size: sizeForDegree(d),
      color: colorOf(category),
      label: labelOf(node),
      name: node.name,
      kind: node.kind,
      category,
      orgType: node.type ?? undefined,
      sector: node.sector ?? undefined,
      degree: d,
    });
  });
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, { relType: e.type, size: 1, color: "#c9c9c9" });
  }
  return graph;
}
