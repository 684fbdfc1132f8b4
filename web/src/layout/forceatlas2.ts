/**
 * ForceAtlas2 in a web worker (graphology's supervisor), so the page stays responsive while the
 * layout settles. Runs for a bounded time, then stops and frees the worker.
 */
import type Graph from "graphology";
import { inferSettings } from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";

export interface LayoutHandle {
  stop(): void;
  isRunning(): boolean;
}

export function runForceAtlas2(graph: Graph, durationMs = 4000, onStop?: () => void): LayoutHandle {
  const supervisor = new FA2LayoutSupervisor(graph, {
    settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false, gravity: 1.5 },
  });
  let running = true;
  const stop = () => {
    if (!running) return;
    running = false;
    clearTimeout(timer);
    supervisor.stop();
    supervisor.kill();
    onStop?.();
  };
  const timer = setTimeout(stop, durationMs);
  supervisor.start();
  return { stop, isRunning: () => running };
}
