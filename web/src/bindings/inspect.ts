/**
 * A read-only window onto the rendered view for browser tests and the console
 * (`window.__atlas`): what Sigma draws for a node, where, and what is visible. Changes nothing.
 */
import type { AtlasDataset, AtlasGraph } from "../graph";
import type { Renderer, ShapesInfo, ZoomInfo } from "../render";

export interface AtlasInspector {
  /** What the renderer draws for a node after reducers (colour, size, hidden, label forced …). */
  display(id: string): Record<string, unknown> | null;
  /** What the renderer draws for a tie after reducers (colour, size, hidden …). */
  edgeDisplay(id: string): Record<string, unknown> | null;
  /** A node's position on screen, in CSS pixels from the canvas's top-left corner. */
  viewport(id: string): { x: number; y: number; radius: number } | null;
  /** Graph-space position (the layout's coordinates). */
  position(id: string): { x: number; y: number } | null;
  visibleNodes(): string[];
  visibleEdges(): string[];
  camera(): { x: number; y: number; ratio: number; angle: number };
  nodeCount(): number;
  /** The coalition shapes drawn (regions, discs in the last frame) and the semantic-zoom stage; null when the mode is off. */
  shapes(): ShapesInfo | null;
  /** The semantic zoom, shapes mode or not: its stage, whether regions stand for members, the coalitions' ids. */
  zoom(): ZoomInfo | null;
  /** The coalition whose region is under a viewport point, if any. */
  regionAt(x: number, y: number): string | null;
}

declare global {
  interface Window {
    __atlas?: AtlasInspector;
  }
}

export function exposeInspector(graph: AtlasGraph, dataset: () => AtlasDataset, renderer: Renderer): () => void {
  const inspector: AtlasInspector = {
    display: (id) => renderer.displayData(id),
    edgeDisplay: (id) => renderer.edgeDisplayData(id),
    viewport: (id) => renderer.viewportPosition(id),
    position: (id) => (graph.hasNode(id) ? { x: graph.getNodeAttribute(id, "x"), y: graph.getNodeAttribute(id, "y") } : null),
    visibleNodes: () => graph.filterNodes((_, a) => !a.hidden),
    visibleEdges: () => graph.filterEdges((_, a, _s, _t, sa, ta) => !a.hidden && !sa.hidden && !ta.hidden),
    camera: () => renderer.getCamera(),
    nodeCount: () => dataset().nodes.length,
    shapes: () => renderer.shapesInfo(),
    zoom: () => renderer.zoomInfo(),
    regionAt: (x, y) => renderer.regionAt(x, y),
  };
  window.__atlas = inspector;
  return () => {
    if (window.__atlas === inspector) delete window.__atlas;
  };
}
