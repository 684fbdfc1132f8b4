/**
 * The one owner of the Sigma instance: settings, reducers (hover/selection emphasis), pointer
 * events and camera moves. Panels talk to it through the returned actions, never to Sigma directly.
 */
import Sigma from "sigma";
import type { Settings } from "sigma/settings";

import type { AtlasEdgeAttributes, AtlasGraph, AtlasNodeAttributes } from "../graph/build";

export interface RendererState {
  hoveredId: string | null;
  selectedId: string | null;
}

export interface RendererCallbacks {
  onClickNode(id: string): void;
  onClickStage(): void;
  onHoverNode(id: string | null): void;
}

export interface Renderer {
  setState(state: RendererState): void;
  focusNode(id: string): void;
  kill(): void;
}

const DIMMED_NODE = "#e6e6e6";
const DIMMED_EDGE = "#f1f1f1";
const HIGHLIGHT_EDGE = "#5a5a5a";

const SETTINGS: Partial<Settings<AtlasNodeAttributes, AtlasEdgeAttributes>> = {
  defaultEdgeType: "arrow",
  labelDensity: 0.6,
  labelGridCellSize: 120,
  labelRenderedSizeThreshold: 7,
  labelFont: "system-ui, sans-serif",
  labelSize: 12,
  zIndex: true,
  hideEdgesOnMove: true,
  minCameraRatio: 0.05,
  maxCameraRatio: 4,
};

export function createRenderer(container: HTMLElement, graph: AtlasGraph, callbacks: RendererCallbacks): Renderer {
  let state: RendererState = { hoveredId: null, selectedId: null };
  // The emphasised node (hover wins over selection) and its neighbours; recomputed on change only.
  let focus: { id: string; neighbours: Set<string> } | null = null;

  const computeFocus = () => {
    const id = state.hoveredId ?? state.selectedId;
    focus = id && graph.hasNode(id) ? { id, neighbours: new Set(graph.neighbors(id)) } : null;
  };

  const renderer = new Sigma<AtlasNodeAttributes, AtlasEdgeAttributes>(graph, container, {
    ...SETTINGS,
    nodeReducer(node, data) {
      const res = { ...data, highlighted: node === state.selectedId };
      if (!focus) return res;
      if (node === focus.id || focus.neighbours.has(node)) return { ...res, forceLabel: true, zIndex: 1 };
      return { ...res, color: DIMMED_NODE, label: "", zIndex: 0 };
    },
    edgeReducer(edge, data) {
      if (!focus) return data;
      const [source, target] = graph.extremities(edge);
      return source === focus.id || target === focus.id
        ? { ...data, color: HIGHLIGHT_EDGE, size: 2, zIndex: 1 }
        : { ...data, color: DIMMED_EDGE, zIndex: 0 };
    },
  });

  renderer.on("clickNode", ({ node }) => callbacks.onClickNode(node));
  renderer.on("clickStage", () => callbacks.onClickStage());
  renderer.on("enterNode", ({ node }) => callbacks.onHoverNode(node));
  renderer.on("leaveNode", () => callbacks.onHoverNode(null));

  return {
    setState(next) {
      if (next.hoveredId === state.hoveredId && next.selectedId === state.selectedId) return;
      state = next;
      computeFocus();
      renderer.refresh({ skipIndexation: true });
    },
    focusNode(id) {
      const display = renderer.getNodeDisplayData(id);
      if (!display) return;
      void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 500 });
    },
    kill: () => renderer.kill(),
  };
}
