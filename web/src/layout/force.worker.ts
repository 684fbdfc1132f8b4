/// <reference lib="webworker" />
/**
 * ForceAtlas2 off the main thread: graphology's own iteration over its flat matrices, run in
 * batches of about a frame's length, after each of which only the positions (x, y per node) go
 * back. graphology's supervisor asks for every single iteration and writes each answer into a graph
 * on the main thread, which on a small graph meant dozens of messages and graph writes per frame.
 * The main thread stops the layout by terminating the worker.
 */
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import iterate from "graphology-layout-forceatlas2/iterate.js";

export interface ForceWorkerStart {
  /** graphology's node matrix (PPN numbers per node) and edge matrix, transferred. */
  nodes: Float32Array;
  edges: Float32Array;
  settings: Required<ForceAtlas2Settings>;
}

/** Numbers per node in graphology's node matrix; x and y come first. */
const PPN = 10;
/** Iterations run back to back for about this long before the positions are posted. */
const BATCH_MS = 16;

self.onmessage = (event: MessageEvent<ForceWorkerStart>) => {
  const { nodes, edges, settings } = event.data;
  const n = nodes.length / PPN;
  const batch = () => {
    const start = performance.now();
    do iterate(settings, nodes, edges);
    while (performance.now() - start < BATCH_MS);
    const positions = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      positions[2 * i] = nodes[i * PPN];
      positions[2 * i + 1] = nodes[i * PPN + 1];
    }
    self.postMessage(positions, { transfer: [positions.buffer] });
    // A macrotask between batches, so the worker's event loop stays responsive.
    setTimeout(batch, 0);
  };
  batch();
};
