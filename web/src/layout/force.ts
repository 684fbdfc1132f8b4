/**
 * ForceAtlas2 in a web worker (graphology's supervisor) over what the view shows: hidden nodes keep
 * their place, visible ones move, and positions are copied back into the rendered graph as they
 * arrive. `stop()` stops and kills the worker.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";

import type { AtlasGraph } from "../graph/types";
import { FA2_OVERRIDES } from "../../../core/layout/initial";

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
  const copyBack = () => {
    graph.updateEachNodeAttributes(
      (id, attr) => {
        if (!sub.hasNode(id)) return attr;
        const { x, y } = sub.getNodeAttributes(id) as { x: number; y: number };
        return { ...attr, x, y };
      },
      { attributes: ["x", "y"] },
    );
  };
  sub.on("eachNodeAttributesUpdated", copyBack);
  const supervisor = new FA2LayoutSupervisor(sub, {
    settings: { ...forceAtlas2.inferSettings(sub), ...FA2_OVERRIDES, barnesHutOptimize: sub.order > 1000 },
  });
  let running = true;
  const timer = setTimeout(() => stop(), maxDurationMs);
  function stop() {
    if (!running) return;
    running = false;
    clearTimeout(timer);
    supervisor.stop();
    supervisor.kill();
    sub.removeListener("eachNodeAttributesUpdated", copyBack);
    onStop?.();
  }
  supervisor.start();
  return { stop, isRunning: () => running };
}
