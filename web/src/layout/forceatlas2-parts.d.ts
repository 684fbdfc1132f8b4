/**
 * Types for the parts of graphology-layout-forceatlas2 that its own worker supervisor is built from
 * (the package declares only its entry points): one iteration over the flat matrices, the matrices
 * from a graph, and the default settings. force.ts and force.worker.ts drive them directly.
 */
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  /** One ForceAtlas2 iteration, in place: 10 numbers per node (x, y first), 3 per edge. */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}

declare module "graphology-layout-forceatlas2/helpers.js" {
  import type { AbstractGraph } from "graphology-types";
  /** The node and edge matrices of a graph, nodes in the graph's order. */
  export function graphToByteArrays(graph: AbstractGraph, getEdgeWeight: () => number): { nodes: Float32Array; edges: Float32Array };
}

declare module "graphology-layout-forceatlas2/defaults.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
