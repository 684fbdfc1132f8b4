/**
 * The composition root of the explorer: builds the graph and the renderer, wires the view state to
 * them, and composes the small controllers (metrics, layout, camera, exports) behind one `Session`.
 * What stays here is the view binding itself: after each state change, recompute what is visible
 * (filters, year, collapsed networks, expanded neighbourhoods), restyle (colour, size), pass emphasis
 * to the renderer, and publish what the panels show (visible set, legend, layout and metrics status)
 * in a second store, `session`.
 */
import type { NetworkExtras } from "../api";
import {
  type AtlasDataset,
  type AtlasGraph,
  applyView,
  buildGraph,
  type ColorScale,
  computeView,
  createColorScale,
  createSizeScale,
  landmarkIds,
  type LegendEntry,
  type SizeScale,
  type VisibleView,
  withGroups,
  withScopes,
} from "../graph";
import { createRenderer, type Renderer } from "../render";
import { type AtlasState, hoverNode, selectNode, setCamera, setLayout } from "../state";
import { createStore, type Store } from "../state/store";
import { createCamera } from "./camera";
import { createExports } from "./exports";
import { exposeInspector } from "./inspect";
import { createLayout, type LayoutStatus } from "./layout";
import { createMetrics, type MetricsStatus } from "./metrics";

export type { LayoutStatus } from "./layout";
export type { MetricsStatus } from "./metrics";

export interface SessionState {
  /** The data model (replaced when groups or scopes arrive). */
  dataset: AtlasDataset;
  view: VisibleView;
  legend: LegendEntry[];
  colorTitle: string;
  size: SizeScale;
  metrics: MetricsStatus;
  layout: LayoutStatus;
  /** Bumped whenever node attributes (visibility, colour, size) change, for the table. */
  revision: number;
}

export interface Session {
  graph: AtlasGraph;
  dataset: () => AtlasDataset;
  state: Store<SessionState>;
  renderer: Renderer;
  focusNode(id: string): void;
  startForce(): Promise<void>;
  stopForce(): void;
  resetCamera(): void;
  zoom(factor: number): void;
  /** Resolves once the first frame is on screen (later requests wait for it). */
  firstFrame: Promise<void>;
  /** Resolves once the opening layout is in place. */
  layoutDone: Promise<void>;
  /** Attaches membership groups and scopes (they arrive after the first frame). */
  setExtras(extras: NetworkExtras): void;
  /** Replaces the force positions (the opening layout arriving late), animated. */
  setForcePositions(positions: Float64Array): Promise<void>;
  exportPNG(): Promise<void>;
  exportGEXF(): string;
  exportNodesCSV(): string;
  exportEdgesCSV(): string;
  kill(): void;
}

/**
 * Where nodes start: `seed` (the cached layout, or the seeded spiral), then, unless the seed is
 * already final, the opening layout from `compute`: awaited behind a hidden canvas (`wait`, small
 * graphs), or after the first frame, gliding or jumping into place (big graphs).
 */
export interface OpeningLayout {
  seed: Float64Array;
  /** The seed is the final layout (cached). */
  final: boolean;
  compute(): Promise<Float64Array>;
  wait: boolean;
}

const VIEW_KEYS = ["filters", "year", "datedOnly", "collapsed", "revealed"] as const;

export function createSession(container: HTMLElement, initialDataset: AtlasDataset, opening: OpeningLayout, store: Store<AtlasState>): Session {
  let dataset = initialDataset;
  const positions = opening.seed;
  const graph = buildGraph(dataset, positions);
  // Fewer always-on labels on a narrow screen, so they do not pile up.
  const landmarkLimit = () => Math.max(8, Math.min(60, Math.round(container.clientWidth / 21)));
  let landmarks = landmarkIds(dataset, landmarkLimit());
  const metrics = createMetrics((key) => {
    if (metrics.key(store.get()) === key) restyle(store.get(), false);
  });

  let view = computeView(dataset, store.get());
  const style = (s: AtlasState): { color: ColorScale; size: SizeScale } => {
    const table = metrics.table(s);
    return { color: createColorScale(dataset, s.appearance.colorBy, table), size: createSizeScale(dataset, s.appearance.sizeBy, view, table) };
  };

  const session = createStore<SessionState>({
    dataset,
    view,
    legend: [],
    colorTitle: "",
    size: createSizeScale(dataset, "degree", view, null),
    metrics: { type: "idle" },
    layout: { type: "idle" },
    revision: 0,
  });

  let killed = false;

  // The opening view is written into the graph before Sigma sees it, so Sigma indexes it once.
  const initial = store.get();
  const initialStyle = style(initial);
  applyView(graph, dataset, view, { ...initialStyle, landmarks });
  const renderer: Renderer = createRenderer(container, graph, { hidden: opening.wait && !opening.final }, {
    onClickNode: (id) => store.update(selectNode(id)),
    onClickStage: () => store.update(selectNode(null)),
    onHoverNode: (id) => store.update(hoverNode(id)),
    onCamera: (camera) => store.update(setCamera(camera)),
  });

  const layout = createLayout(positions, {
    graph,
    renderer,
    dataset: () => dataset,
    view: () => view,
    current: () => store.get().layout,
    setStatus: (status) => session.update((s) => ({ ...s, layout: status })),
  });

  // Framing is dropped once the session is gone or the emphasis has moved on.
  const camera = createCamera(container, graph, renderer, () => (killed ? null : store.get().emphasis));

  function restyle(s: AtlasState, recomputeView: boolean) {
    // Answers can land after the session is gone (React remounts, page changes): ignore them.
    if (killed) return;
    if (recomputeView) view = computeView(dataset, s);
    const { color, size } = style(s);
    const { structureChanged } = applyView(graph, dataset, view, { color, size, landmarks });
    renderer.refresh(structureChanged);
    layout.showBands();
    publish(s, color, size);
  }

  function publish(s: AtlasState, color: ColorScale, size: SizeScale) {
    const prev = session.get();
    session.update(() => ({
      ...prev,
      dataset,
      view,
      legend: color.legend(view),
      colorTitle: color.title,
      size,
      metrics: metrics.status(s, prev.metrics),
      revision: prev.revision + 1,
    }));
  }

  // Bindings: state → graph and renderer.
  let previous = store.get();
  const emphasisOf = (s: AtlasState) => ({ hoveredId: s.hoveredId, selectedId: s.selectedId, emphasis: s.emphasis, bridges: s.layout === "sectors" });
  const unsubscribe = store.subscribe((s) => {
    const viewChanged = VIEW_KEYS.some((k) => s[k] !== previous[k]);
    const styleChanged = s.appearance !== previous.appearance;
    const layoutChanged = s.layout !== previous.layout;
    const emphasisChanged = s.emphasis !== previous.emphasis;
    previous = s;
    if (viewChanged || styleChanged) {
      metrics.ensure(s);
      restyle(s, viewChanged);
    }
    if (layoutChanged) void layout.show(s.layout, true);
    renderer.setEmphasis(emphasisOf(s));
    if (emphasisChanged && s.emphasis.type !== "none") void camera.frame(s.emphasis, layout.pending);
  });

  // Opening state (possibly from a shared link).
  metrics.ensure(initial);
  if (initial.layout !== "force") void layout.show(initial.layout, false);
  publish(initial, initialStyle.color, initialStyle.size);
  renderer.setEmphasis(emphasisOf(initial));
  if (initial.camera) renderer.setCamera(initial.camera);

  // The opening layout: written in place before the first visible frame, or glided to after it.
  const finalLayout: Promise<Float64Array | null> = opening.final
    ? Promise.resolve(null)
    : opening.wait
      ? opening.compute()
      : renderer.firstFrame.then(() => (killed ? null : opening.compute()));
  const layoutDone = finalLayout.then(async (final) => {
    if (killed || !final) return;
    if (!opening.wait) return api.setForcePositions(final);
    layout.placeForcePositions(final);
    renderer.refresh(true);
    if (opening.wait && store.get().camera) renderer.setCamera(store.get().camera);
    renderer.reveal();
  });

  const hideInspector = exposeInspector(graph, () => dataset, renderer);
  const exports = createExports(graph, () => dataset, renderer);

  const api: Session = {
    firstFrame: renderer.firstFrame,
    layoutDone,
    graph,
    dataset: () => dataset,
    state: session,
    renderer,
    focusNode: (id) => renderer.focusNode(id),
    async startForce() {
      if (layout.isForceRunning()) return;
      if (store.get().layout !== "force") {
        store.update(setLayout("force"));
        await layout.pending;
      }
      layout.startForce();
    },
    stopForce: () => layout.stopForce(),
    resetCamera: () => renderer.setCamera(null, true),
    setExtras(extras) {
      dataset = withScopes(withGroups(dataset, extras.groups), extras.scopes);
      landmarks = landmarkIds(dataset, landmarkLimit());
      restyle(store.get(), true);
    },
    zoom: (factor) => renderer.zoom(factor),
    async setForcePositions(positions) {
      if (killed) return;
      await layout.setForcePositions(positions);
    },
    ...exports,
    kill() {
      killed = true;
      hideInspector();
      layout.stopForce();
      metrics.abort();
      unsubscribe();
      renderer.kill();
    },
  };
  return api;
}
