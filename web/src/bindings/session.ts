/**
 * Binds the view state to the rendered graph: after each state change, recompute what is visible
 * (filters, year, collapsed networks, expanded neighbourhoods), restyle (colour, size), and pass
 * emphasis to the renderer; fetch metrics and scopes when the view needs them; switch layouts.
 * Everything a panel shows about the current view (visible set, legend, layout and metrics status)
 * is published in a second store, `session`.
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
  edgesCSV,
  landmarkIds,
  type LegendEntry,
  nodesCSV,
  type SizeScale,
  toGEXF,
  type VisibleView,
  visibleGraph,
  withGroups,
  withScopes,
} from "../graph";
import { bandOf, computeSectorsLayout, type ForceLayout, type SectorsLayout, startForceLayout } from "../layout";
import { createRenderer, type Renderer } from "../render";
import { type AtlasState, hoverNode, selectNode, setCamera, setLayout } from "../state";
import { createStore, type Store } from "../state/store";
import { createCamera } from "./camera";
import { exposeInspector } from "./inspect";
import { createMetrics, type MetricsStatus } from "./metrics";

export type { MetricsStatus } from "./metrics";

export type LayoutStatus = { type: "idle" } | { type: "running" } | { type: "animating" };

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

/** Above this many nodes, positions jump instead of gliding. */
const ANIMATION_LIMIT = 3000;

const VIEW_KEYS = ["filters", "year", "datedOnly", "collapsed", "revealed"] as const;

export function createSession(container: HTMLElement, initialDataset: AtlasDataset, opening: OpeningLayout, store: Store<AtlasState>): Session {
  let dataset = initialDataset;
  const positions = opening.seed;
  const graph = buildGraph(dataset, positions);
  // Fewer always-on labels on a narrow screen, so they do not pile up.
  const landmarkLimit = () => Math.max(8, Math.min(60, Math.round(container.clientWidth / 21)));
  let landmarks = landmarkIds(dataset, landmarkLimit());
  // The force layout's positions, kept while the sectors layout is shown.
  let forcePositions: Float64Array = Float64Array.from(positions);
  let force: ForceLayout | null = null;
  let sectorsBands: SectorsLayout["bands"] | null = null;
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

  // Framing is dropped once the session is gone or the emphasis has moved on.
  const camera = createCamera(container, graph, renderer, () => (killed ? null : store.get().emphasis));

  function restyle(s: AtlasState, recomputeView: boolean) {
    // Answers can land after the session is gone (React remounts, page changes): ignore them.
    if (killed) return;
    if (recomputeView) view = computeView(dataset, s);
    const { color, size } = style(s);
    const { structureChanged } = applyView(graph, dataset, view, { color, size, landmarks });
    renderer.refresh(structureChanged);
    showBands();
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

  function currentPositions(): Float64Array {
    const out = new Float64Array(2 * dataset.nodes.length);
    dataset.nodes.forEach((node, i) => {
      const attr = graph.getNodeAttributes(node.id);
      out[2 * i] = attr.x;
      out[2 * i + 1] = attr.y;
    });
    return out;
  }

  const toTargets = (p: Float64Array) => new Map(dataset.nodes.map((node, i) => [node.id, { x: p[2 * i], y: p[2 * i + 1] }]));

  let pendingLayout: Promise<void> = Promise.resolve();
  function showLayout(layout: AtlasState["layout"], animate: boolean): Promise<void> {
    pendingLayout = arrangeLayout(layout, animate);
    return pendingLayout;
  }

  async function arrangeLayout(layout: AtlasState["layout"], animate: boolean) {
    stopForce();
    const targets = layout === "sectors" ? computeSectorsLayout(dataset, forcePositions) : null;
    const next = targets ? targets.positions : forcePositions;
    renderer.setBands(null);
    if (animate) {
      session.update((s) => ({ ...s, layout: { type: "animating" } }));
      await renderer.animatePositions(toTargets(next));
      session.update((s) => ({ ...s, layout: { type: "idle" } }));
    } else {
      graph.updateEachNodeAttributes((id, attr) => {
        const i = dataset.index.get(id)!;
        return { ...attr, x: next[2 * i], y: next[2 * i + 1] };
      });
    }
    sectorsBands = targets?.bands ?? null;
    showBands();
  }

  /** Captions of the sectors bands that hold at least one visible node. */
  function showBands() {
    if (!sectorsBands || store.get().layout !== "sectors") {
      renderer.setBands(null);
      return;
    }
    const shown = new Set<number>();
    dataset.nodes.forEach((node, i) => {
      if (view.nodeVisible[i]) shown.add(bandOf(node));
    });
    renderer.setBands(sectorsBands.filter((_, b) => shown.has(b)));
  }

  function stopForce() {
    force?.stop();
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
    if (layoutChanged) void showLayout(s.layout, true);
    renderer.setEmphasis(emphasisOf(s));
    if (emphasisChanged && s.emphasis.type !== "none") void camera.frame(s.emphasis, pendingLayout);
  });

  // Opening state (possibly from a shared link).
  metrics.ensure(initial);
  if (initial.layout !== "force") void showLayout(initial.layout, false);
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
    forcePositions = Float64Array.from(final);
    if (store.get().layout === "sectors") void showLayout("sectors", false);
    else
      graph.updateEachNodeAttributes(
        (id, attr) => {
          const i = dataset.index.get(id)!;
          return { ...attr, x: final[2 * i], y: final[2 * i + 1] };
        },
        { attributes: ["x", "y"] },
      );
    renderer.refresh(true);
    if (opening.wait && store.get().camera) renderer.setCamera(store.get().camera);
    renderer.reveal();
  });

  const hideInspector = exposeInspector(graph, () => dataset, renderer);
  const download = (name: string) => `coalition-atlas-${name}`;

  const api: Session = {
    firstFrame: renderer.firstFrame,
    layoutDone,
    graph,
    dataset: () => dataset,
    state: session,
    renderer,
    focusNode: (id) => renderer.focusNode(id),
    async startForce() {
      if (force?.isRunning()) return;
      if (store.get().layout !== "force") {
        store.update(setLayout("force"));
        await pendingLayout;
      }
      force = startForceLayout(graph, () => {
        forcePositions = currentPositions();
        force = null;
        session.update((s) => ({ ...s, layout: { type: "idle" } }));
      });
      session.update((s) => ({ ...s, layout: { type: "running" } }));
    },
    stopForce,
    resetCamera: () => renderer.setCamera(null, true),
    setExtras(extras) {
      dataset = withScopes(withGroups(dataset, extras.groups), extras.scopes);
      landmarks = landmarkIds(dataset, landmarkLimit());
      restyle(store.get(), true);
    },
    zoom: (factor) => renderer.zoom(factor),
    async setForcePositions(positions) {
      if (killed) return;
      forcePositions = Float64Array.from(positions);
      if (store.get().layout === "force" && !force) {
        session.update((s) => ({ ...s, layout: { type: "animating" } }));
        // Gliding re-indexes every frame: fine for thousands of nodes, not for ten thousand.
        await renderer.animatePositions(toTargets(forcePositions), graph.order > ANIMATION_LIMIT ? 0 : 800);
        session.update((s) => ({ ...s, layout: { type: "idle" } }));
      } else if (store.get().layout === "sectors") {
        await showLayout("sectors", true);
      }
    },
    exportPNG: () => renderer.exportPNG(download("view")),
    exportGEXF: () =>
      toGEXF(visibleGraph(graph, dataset), {
        description: `Coalition Atlas: the visible graph${location.search ? ` (${decodeURIComponent(location.search)})` : ""}`,
        date: new Date().toISOString().slice(0, 10),
      }),
    exportNodesCSV: () => nodesCSV(visibleGraph(graph, dataset)),
    exportEdgesCSV: () => edgesCSV(visibleGraph(graph, dataset)),
    kill() {
      killed = true;
      hideInspector();
      stopForce();
      metrics.abort();
      unsubscribe();
      renderer.kill();
    },
  };
  return api;
}
