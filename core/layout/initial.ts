/**
 * The opening layout, computed the same way everywhere (worker, tests, bench) so a shared link's
 * camera lands on the same picture: ForceAtlas2 over the whole graph (every kind, so positions stay
 * meaningful whatever the filters show) for a fixed number of iterations from the seeded spiral.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";

import type { AtlasDataset } from "../wire.js";
import { seedPositions } from "./seed.js";

/** ~80 iterations settle the bundled network (more barely change it); fewer for big graphs. */
export function initialIterations(nodeCount: number): number {
  return Math.max(30, Math.min(80, Math.round(40_000 / Math.max(1, nodeCount))));
}

/** Strong gravity keeps the many small components of a sparse coalition graph near the centre. */
export const FA2_OVERRIDES = { gravity: 1, scalingRatio: 10, strongGravityMode: true, adjustSizes: false, linLogMode: false } as const;

export function computeInitialLayout(dataset: AtlasDataset, iterations = initialIterations(dataset.nodes.length)): Float64Array {
  const positions = seedPositions(dataset);
  const graph = new Graph({ type: "undirected", multi: false });
  dataset.nodes.forEach((node, i) => graph.addNode(node.id, { x: positions[2 * i], y: positions[2 * i + 1] }));
  for (const e of dataset.edges) {
    if (e.source !== e.target) graph.mergeEdge(dataset.nodes[e.source].id, dataset.nodes[e.target].id);
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations,
      settings: { ...forceAtlas2.inferSettings(graph), ...FA2_OVERRIDES, barnesHutOptimize: graph.order > 1000 },
    });
  }
  graph.forEachNode((id, attr) => {
    const i = dataset.index.get(id)!;
    positions[2 * i] = attr.x as number;
    positions[2 * i + 1] = attr.y as number;
  });
  return positions;
}
