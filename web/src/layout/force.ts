/**
 * ForceAtlas2 in a web worker (force.worker.ts) over what the view shows: hidden nodes keep their
 * place, visible ones move. The frame that starts it only copies the visible positions and tie ends
 * into typed arrays (transferred); the worker merges the ties and builds the layout's matrices
 * (force-matrices.ts), as graphology's supervisor would on the main thread. The worker posts positions after each batch of iterations; the newest
 * is written into the rendered graph once per animation frame, in one pass over a typed array, so
 * the main thread's work per frame is that pass and Sigma's redraw. It stops by itself once the
 * layout has converged (convergence.ts), or after `maxDurationMs`; `stop()` ends the worker.
 *
 * Settings are inferred from the graph's size as Gephi Lite's "auto settings" do
 * (`inferSettings`: strong-gravity mode with a weak pull, 0.05, scaling 10 and a slow-down growing
 * with the order; Barnes-Hut on large graphs), not the opening layout's pull of 1, which squeezed
 * the graph into a ball.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import DEFAULT_SETTINGS from "graphology-layout-forceatlas2/defaults.js";

import type { AtlasGraph } from "../graph/types";
import { convergence } from "./convergence";
import type { ForceWorkerStart } from "./force.worker";

export interface ForceLayout {
  stop(): void;
  isRunning(): boolean;
}

export function startForceLayout(graph: AtlasGraph, onStop?: () => void, maxDurationMs = 20_000): ForceLayout {
  // One pass over nodes and one over ties into typed arrays; the worker merges the ties and builds
  // ForceAtlas2's matrices (force-matrices.ts), off the frame that starts the layout.
  // Where each node of the rendered graph (in its order) finds its position in the worker's answer; −1: hidden, it stays.
  const slots = new Int32Array(graph.order);
  const slotOf = new Map<string, number>();
  const xy: number[] = [];
  let k = 0;
  graph.forEachNode((id, attr) => {
    if (attr.hidden) slots[k++] = -1;
    else {
      slots[k++] = slotOf.size;
      slotOf.set(id, slotOf.size);
      xy.push(attr.x, attr.y);
    }
  });
  const pairs: number[] = [];
  graph.forEachEdge((_, attr, source, target) => {
    if (attr.hidden) return;
    const s = slotOf.get(source);
    const t = slotOf.get(target);
    if (s !== undefined && t !== undefined) pairs.push(s, t);
  });
  const settled = convergence();

  const positions = Float32Array.from(xy);
  const ends = Int32Array.from(pairs);
  const order = slotOf.size;
  const start: ForceWorkerStart = {
    positions,
    ends,
    settings: { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(order), barnesHutOptimize: order > 1000 },
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
  worker.postMessage(start, [positions.buffer, ends.buffer]);
  return { stop, isRunning: () => running };
}
