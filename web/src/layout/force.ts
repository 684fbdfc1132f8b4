/**
 * ForceAtlas2 in a web worker (graphology's supervisor) over what the view shows: hidden nodes keep
 * their place, visible ones move, and positions are copied back into the rendered graph as they
 * arrive. It stops by itself once the layout has converged (convergence.ts), or after
 * `maxDurationMs`; `stop()` stops and kills the worker.
 *
 * Settings are inferred from the graph's size as Gephi Lite's "auto settings" do
 * (`inferSettings`: weak gravity, scaling and slow-down growing with the order, Barnes-Hut on large
 * graphs), without the opening layout's strong gravity, which squeezed the graph into a ball.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";

import type { AtlasGraph } from "../graph/types";
import { convergence } from "./convergence";

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
  const settled = convergence();
  const order = sub.nodes();
  const positions = new Float64Array(2 * order.length);
  // The worker may post positions faster than the screen refreshes: copy them into the rendered
  // graph (one Sigma refresh) at most once per animation frame, so the main thread stays free.
  let frame = 0;
  const copyBack = () => {
    frame = 0;
    order.forEach((id, i) => {
      positions[2 * i] = sub.getNodeAttribute(id, "x") as number;
      positions[2 * i + 1] = sub.getNodeAttribute(id, "y") as number;
    });
    graph.updateEachNodeAttributes(
      (id, attr) => {
        if (!sub.hasNode(id)) return attr;
        const { x, y } = sub.getNodeAttributes(id) as { x: number; y: number };
        attr.x = x;
        attr.y = y;
        return attr;
      },
      { attributes: ["x", "y"] },
    );
    if (settled.step(positions)) stop();
  };
  const scheduleCopy = () => {
    if (frame === 0) frame = requestAnimationFrame(copyBack);
  };
  sub.on("eachNodeAttributesUpdated", scheduleCopy);
  const supervisor = new FA2LayoutSupervisor(sub, {
    settings: { ...forceAtlas2.inferSettings(sub), barnesHutOptimize: sub.order > 1000 },
  });
  let running = true;
  const timer = setTimeout(() => stop(), maxDurationMs);
  function stop() {
    if (!running) return;
    running = false;
    clearTimeout(timer);
    supervisor.stop();
    supervisor.kill();
    sub.removeListener("eachNodeAttributesUpdated", scheduleCopy);
    if (frame !== 0) {
      cancelAnimationFrame(frame);
      copyBack(); // the last positions the worker sent
    }
    onStop?.();
  }
  supervisor.start();
  return { stop, isRunning: () => running };
}
