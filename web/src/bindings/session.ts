/**
 * The composition root of the explorer: builds the graph and the renderer and composes the small
 * controllers behind one `Session` (view: visible set, style, published panel state; metrics;
 * layout; camera; exports). What stays here is the wiring: which view-state change drives which
 * controller, clicks and hovers back into the view state, and the opening layout's arrival.
 */
import type { NetworkExtras } from "../api";
import { type AtlasDataset, type AtlasGraph, buildGraph } from "../graph";
import { createRenderer, type Renderer } from "../render";
import { findCoalitions, MAX_COALITION_SHAPES } from "../shapes";
import { type AtlasState, hoverNode, selectNode, setCamera, setLayout } from "../state";
import type { Store } from "../state/store";
import { createCamera } from "./camera";
import { createExports, type ExportsController } from "./exports";
import { createFoldAnimator, foldMoves } from "./fold";
import { exposeInspector } from "./inspect";
import { createLayout } from "./layout";
import { createMetrics } from "./metrics";
import { createView, type SessionState } from "./view";

export type { LayoutStatus } from "./layout";
export type { MetricsStatus } from "./metrics";
export type { SessionState } from "./view";

export interface Session extends ExportsController {
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
  /**
   * A panel shows the metrics of the view (published as `state.metrics`, the same answer the map's
   * sizes read) until the returned function is called.
   */
  watchMetrics(): () => void;
  /** Attaches membership groups and scopes (they arrive after the first frame). */
  setExtras(extras: NetworkExtras): void;
  /** Replaces the force positions (the opening layout arriving late), animated. */
  setForcePositions(positions: Float64Array): Promise<void>;
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

export function createSession(
  container: HTMLElement,
  initialDataset: AtlasDataset,
  opening: OpeningLayout,
  store: Store<AtlasState>,
): Session {
  const graph = buildGraph(initialDataset, opening.seed);
  const initial = store.get();
  const metrics = createMetrics((key) => {
    if (metrics.key(store.get()) === key) restyle(store.get(), false);
  });
  // Fewer always-on labels on a narrow screen, so they do not pile up.
  const landmarkLimit = () => Math.max(8, Math.min(60, Math.round(container.clientWidth / 21)));
  const view = createView(graph, initialDataset, initial, metrics, landmarkLimit);
  const session = view.state;

  let killed = false;

  const emphasisOf = (s: AtlasState) => ({
    hoveredId: s.hoveredId,
    selectedId: s.selectedId,
    emphasis: s.emphasis,
    bridges: s.layout === "sectors",
  });

  // The opening view is written into the graph before Sigma sees it, so Sigma indexes it once.
  view.apply(initial, false);
  const renderer: Renderer = createRenderer(
    container,
    graph,
    { hidden: opening.wait && !opening.final, emphasis: emphasisOf(initial) },
    {
      onClickNode: (id) => store.update(selectNode(id)),
      onClickStage: () => store.update(selectNode(null)),
      onHoverNode: (id) => store.update(hoverNode(id)),
      onCamera: (camera) => store.update(setCamera(camera)),
    },
  );

  const layout = createLayout(opening.seed, {
    graph,
    renderer,
    dataset: view.dataset,
    view: view.view,
    current: () => store.get().layout,
    setStatus: (status) => session.update((s) => ({ ...s, layout: status })),
  });

  // Framing is dropped once the session is gone or the emphasis has moved on.
  const camera = createCamera(container, graph, renderer, () => (killed ? null : store.get().emphasis));

  const folds = createFoldAnimator(graph, () => renderer.refresh(true));

  function restyle(s: AtlasState, recomputeView: boolean, foldsChanged = false) {
    // Answers can land after the session is gone (React remounts, page changes): ignore them.
    if (killed) return;
    folds.finish();
    const before = view.view();
    renderer.refresh(view.apply(s, recomputeView));
    if (foldsChanged) {
      const after = view.view();
      const dataset = view.dataset();
      folds.run(foldMoves(graph, dataset, before, after), (id) => view.view().nodeVisible[dataset.index.get(id)!] === 0);
    }
    layout.showBands();
    view.publish(s);
    showShapes(s);
  }

  /**
   * The coalitions of the current view, for the semantic zoom: in the shapes mode, the biggest drawn
   * as regions and listed in the legend; in the default view, every one, labelled when zoomed out.
   */
  function showShapes(s: AtlasState) {
    const regions = s.shapes === "coalitions";
    const found = findCoalitions(view.dataset(), view.view(), s.year, regions ? MAX_COALITION_SHAPES : Infinity);
    void renderer.setCoalitions(found.shown, regions);
    const coalitions = regions ? found : null;
    session.update((st) => (st.coalitions === null && coalitions === null ? st : { ...st, coalitions }));
  }

  // Bindings: state → graph and renderer.
  let previous = store.get();
  const unsubscribe = store.subscribe((s) => {
    const viewChanged = VIEW_KEYS.some((k) => s[k] !== previous[k]);
    const styleChanged = s.appearance !== previous.appearance;
    const layoutChanged = s.layout !== previous.layout;
    const emphasisChanged = s.emphasis !== previous.emphasis;
    const foldsChanged = s.collapsed !== previous.collapsed || s.revealed !== previous.revealed;
    const shapesChanged = s.shapes !== previous.shapes;
    previous = s;
    if (viewChanged || styleChanged) {
      metrics.ensure(s);
      restyle(s, viewChanged, foldsChanged);
    } else if (shapesChanged) showShapes(s);
    if (layoutChanged) void layout.show(s.layout, true);
    renderer.setEmphasis(emphasisOf(s));
    if (emphasisChanged && s.emphasis.type !== "none") void camera.frame(s.emphasis, layout.pending);
  });

  // Opening state (possibly from a shared link).
  metrics.ensure(initial);
  if (initial.layout !== "force") void layout.show(initial.layout, false);
  view.publish(initial);
  showShapes(initial);
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

  const hideInspector = exposeInspector(graph, view.dataset, renderer);
  const exports = createExports(graph, view.dataset, renderer, store, session);

  const api: Session = {
    firstFrame: renderer.firstFrame,
    layoutDone,
    graph,
    dataset: view.dataset,
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
    // Fit frames what is drawn with room for the right-hand labels (the sectors layout's widest), not Sigma's bare bounding box.
    resetCamera: () =>
      renderer.fitNodes(
        graph.filterNodes((_, a) => !a.hidden),
        undefined,
        true,
      ),
    setExtras(extras) {
      view.setExtras(extras);
      restyle(store.get(), true);
    },
    zoom: (factor) => renderer.zoom(factor),
    watchMetrics() {
      const unwatch = metrics.watch();
      metrics.ensure(store.get());
      view.publish(store.get());
      return unwatch;
    },
    async setForcePositions(positions) {
      if (killed) return;
      await layout.setForcePositions(positions);
    },
    ...exports,
    kill() {
      killed = true;
      folds.finish();
      hideInspector();
      layout.stopForce();
      metrics.abort();
      unsubscribe();
      renderer.kill();
    },
  };
  return api;
}
