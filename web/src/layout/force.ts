/**
 * ForceAtlas2 in a web worker (force.worker.ts) over what the view shows: hidden nodes keep their
 * place, visible ones move. The worker posts positions after each batch of iterations; the newest
 * is written into the rendered graph once per animation frame, in one pass over a typed array, so
 * the main thread's work per frame is that pass and Sigma's redraw. It stops by itself once the
 * layout has converged (convergence.ts), or after `maxDurationMs`; `stop()` ends the worker.
 *
 * Settings are inferred from the graph's size as Gephi Lite's "auto settings" do
 * (`inferSettings`: weak gravity, scaling and slow-down growing with the order, Barnes-Hut on large
 * graphs), without the opening layout's strong gravity, which squeezed the graph into a ball.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import DEFAULT_SETTINGS from "graphology-layout-forceatlas2/defaults.js";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";

import type { AtlasGraph } from "../graph/types";
import { convergence } from "./convergence";
import type { ForceWorkerStart } from "./force.worker";

export interface ForceLayout {
  stop(): void;
  isRunning(): boolean;
}

export function startForceLayout(graph: AtlasGraph, onStop?: () => void, maxDurationMs = 20_000): ForceLayout {
  const sub = new Graph({ type: "undirected", multi: false });
  graph.forEachNode((id, attr) => {
    if (!attr.hidden) sub.addNode(id, { x: attr.x, y: attr.y });
  });
  graph.forEachEdge((_, attr, source, target) => {
    if (!attr.hidden && source !== target && sub.hasNode(source) && sub.hasNode(target)) sub.mergeEdge(source, target);
  });
  // Where each node of the rendered graph (in its order) finds its position in the worker's answer; −1: hidden, it stays.
  const slotOf = new Map(sub.nodes().map((id, i) => [id, i]));
  const slots = Int32Array.from(graph.mapNodes((id) => slotOf.get(id) ?? -1));
  const settled = convergence();

  const { nodes, edges } = graphToByteArrays(sub, () => 1);
  const start: ForceWorkerStart = {
    nodes,
    edges,
    settings: { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(sub), barnesHutOptimize: sub.order > 1000 },
  };
  const worker = new Worker(new URL("./force.worker.ts", import.meta.url), { type: "module" });

  // The newest positions the worker sent, written at the next animation frame (older ones are skipped).
  let latest: Float32Array | null = null;
  let frame = 0;
  const apply = () => {
    frame = 0;
    const positions = latest;
    latest = null;
    if (!positions || graph.order !== slots.length) return;
    let k = 0;
    graph.updateEachNodeAttributes(
      (_, attr) => {
        const slot = slots[k++];
        if (slot >= 0) {
          attr.x = positions[2 * slot];
          attr.y = positions[2 * slot + 1];
        }
        return attr;
      },
      { attributes: ["x", "y"] },
    );
    if (running && settled.step(positions)) stop();
  };
  worker.onmessage = (event: MessageEvent<Float32Array>) => {
    latest = event.data;
    if (frame === 0) frame = requestAnimationFrame(apply);
  };
  worker.onerror = () => stop();

  let running = true;
  const timer = setTimeout(() => stop(), maxDurationMs);
  function stop() {
    if (!running) return;
    running = false;
    clearTimeout(timer);
    worker.terminate();
    if (frame !== 0) {
      cancelAnimationFrame(frame);
      apply(); // the last positions the worker sent
    }
    onStop?.();
  }
  worker.postMessage(start, [nodes.buffer, edges.buffer]);
  return { stop, isRunning: () => running };
}
