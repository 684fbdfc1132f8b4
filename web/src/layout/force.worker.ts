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

import { forceMatrices, PPN } from "./force-matrices";

export interface ForceWorkerStart {
  /** x, y per visible node, and the two ends (node numbers) of each visible tie, transferred. */
  positions: Float32Array;
  ends: Int32Array;
  settings: Required<ForceAtlas2Settings>;
}

/** Iterations run back to back for about this long before the positions are posted. */
const BATCH_MS = 16;

self.onmessage = (event: MessageEvent<ForceWorkerStart>) => {
  const { positions: start, ends, settings } = event.data;
  const { nodes, edges } = forceMatrices(start, ends);
  const n = start.length / 2;
  const batch = () => {
    const started = performance.now();
    do iterate(settings, nodes, edges);
    while (performance.now() - started < BATCH_MS);
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
