/**
 * The one owner of the Sigma instance: settings, reducers (hover / selection / path / ally
 * emphasis), pointer events, camera, band captions of the sectors layout. Panels and
 * bindings talk to it through the returned actions, never to Sigma directly.
 */
import Sigma from "sigma";
import type { CameraState } from "sigma/types";
import { animateNodes } from "sigma/utils";

import type { AtlasEdgeAttributes, AtlasGraph, AtlasNodeAttributes } from "../graph/types";
import { type Coalition, plainZoomStage, sameStage, shapeRoles, type ZoomStage, zoomStage } from "../shapes";
import type { ShapesLayer } from "../shapes/layer";
import { type LabelCandidate, pickLabels } from "./labels";
import { edgeReducerFor, type EmphasisInput, nodeReducerFor, prepareEmphasis, type PreparedEmphasis, zoomRole } from "./reducers";
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT } from "./label-style";
import { sigmaSettings } from "./settings";

export interface RendererCallbacks {
  onClickNode(id: string): void;
  onClickStage(): void;
  onHoverNode(id: string | null): void;
  /** The camera settled (debounced). */
  onCamera(state: CameraState): void;
}

export interface BandCaption {
  label: string;
  /** Graph-space y of the band's centre and its half height. */
  y: number;
  halfHeight: number;
}

export interface Renderer {
  setEmphasis(input: EmphasisInput): void;
  /** Re-reads the graph after attributes were written in place; `structural` when edges were added
   * or dropped or node programs changed (a full re-index). */
  refresh(structural: boolean): void;
  focusNode(id: string): void;
  /**
   * Glides the camera to frame these nodes, clear of what covers the canvas at its edges, with room
   * for the labels drawn to their right. `zoomOut` lets it zoom out past the default view (Fit of the
   * whole graph, whose right-hand labels would otherwise run off the canvas).
   */
  fitNodes(ids: string[], insets?: Insets, zoomOut?: boolean): void;
  setCamera(state: CameraState | null, animate?: boolean): void;
  getCamera(): CameraState;
  zoom(factor: number): void;
  animatePositions(positions: Map<string, { x: number; y: number }>, duration?: number): Promise<void>;
  setBands(bands: BandCaption[] | null): void;
  /**
   * The coalitions of the view, for the semantic zoom. With `regions` (the shapes mode) they are drawn
   * as shaded regions behind the nodes, which stand for their members when zoomed out; without, the
   * zoom only holds back the labels of everything but coalitions. The regions' code is loaded on
   * first use (resolves once it draws).
   */
  setCoalitions(coalitions: readonly Coalition[], regions: boolean): Promise<void>;
  /** What the shapes layer drew in the last frame and the zoom stage, for inspection; null when off. */
  shapesInfo(): ShapesInfo | null;
  /** The semantic zoom's stage, whether regions stand for members, and the coalitions' ids, for inspection. */
  zoomInfo(): ZoomInfo | null;
  /** The coalition whose region is under a viewport point (CSS pixels), if any. */
  regionAt(x: number, y: number): string | null;
  /** The canvas's size in CSS pixels. */
  dimensions(): { width: number; height: number };
  /** What is drawn for a node (after reducers), for inspection. */
  displayData(id: string): Record<string, unknown> | null;
  edgeDisplayData(id: string): Record<string, unknown> | null;
  /** Where a node is drawn on the canvas (CSS pixels), and its radius there. */
  viewportPosition(id: string): { x: number; y: number; radius: number } | null;
  /** Resolves after the first visible frame. */
  firstFrame: Promise<void>;
  /** Shows a renderer created hidden; its first visible frame is the first frame. */
  reveal(): void;
  kill(): void;
}

export interface ShapesInfo {
  regions: { id: string; label: string; color: string; members: number }[];
  drawn: { regions: number; discs: number };
  stage: { memberAlpha: number; allLabels: boolean };
}

export interface ZoomInfo {
  regions: boolean;
  stage: ZoomStage;
  coalitions: string[];
}

/** How far overlays (toolbar, legend …) reach into the canvas from each side, in CSS pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

export interface RendererOptions {
  /** Start invisible (Sigma still sets up), e.g. while the opening layout is computed. */
  hidden?: boolean;
  /** The opening emphasis (a shared link's selection or story step), drawn by Sigma's first pass. */
  emphasis?: EmphasisInput;
}

export const FIRST_FRAME_MARK = "atlas:first-frame";

/**
 * Above this many nodes and edges, state changes repaint without re-indexing (z-order is not
 * recomputed) and hovering does not dim the rest: each would cost a pass over every item.
 */
export const LARGE_GRAPH_ITEMS = 20_000;

export function createRenderer(
  container: HTMLElement,
  graph: AtlasGraph,
  options: RendererOptions,
  callbacks: RendererCallbacks,
): Renderer {
  const large = () => graph.order + graph.size > LARGE_GRAPH_ITEMS;
  let visible = !options.hidden;
  let firstFrameDone: () => void = () => {};
  const firstFramePromise = new Promise<void>((done) => (firstFrameDone = done));
  if (!visible) container.style.visibility = "hidden";
  // State
  // Sigma's constructor indexes and draws every item through the reducers: with the opening emphasis
  // already here, the session's first setEmphasis finds nothing to change (a second pass over
  // 66k items and a second draw at 10k organisations).
  let emphasis: PreparedEmphasis = prepareEmphasis(
    graph,
    options.emphasis ?? { hoveredId: null, selectedId: null, emphasis: { type: "none" }, bridges: false },
  );
  let bands: BandCaption[] | null = null;
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  let cancelAnimation: (() => void) | null = null;
  let labelled = new Set<string>();
  let labelTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCameraMove = 0;
  // Shapes mode: the layer (loaded on first use), what it draws, and the semantic zoom.
  let shapesLayer: ShapesLayer | null = null;
  let shapesLoading: Promise<ShapesLayer | null> | null = null;
  let killed = false;
  let coalitions: readonly Coalition[] | null = null;
  /** Who is what to the semantic zoom, and whether regions are drawn, as last set. */
  let zoomKey = "";
  /** The zoom stage changed while the camera moved and the edges were not repainted yet (large graphs). */
  let edgesStale = false;
  let hoveredNodeId: string | null = null;

  const renderer = new Sigma<AtlasNodeAttributes, AtlasEdgeAttributes>(graph, container, {
    ...sigmaSettings(graph.size),
    nodeReducer: nodeReducerFor(() => emphasis),
    edgeReducer: edgeReducerFor(graph, () => emphasis),
  });

  // Sigma checks what is under the pointer on every mouse move by reading a pixel back from the GPU,
  // which stalls the main thread until the frame is drawn (long under software WebGL), even while
  // the camera is being dragged. Skip that check while a button is held: nothing is hovered mid-drag.
  const captor = renderer.getMouseCaptor();
  const sigmaMove = (renderer as unknown as { activeListeners: { handleMove?: (event: unknown) => void } }).activeListeners.handleMove;
  if (sigmaMove) {
    captor.removeListener("mousemove", sigmaMove);
    captor.on("mousemove", (event) => {
      if (!captor.isMouseDown) sigmaMove(event);
    });
  }

  // Band captions: plain DOM over the canvas, moved after each render.
  const captions = document.createElement("div");
  captions.className = "band-captions";
  captions.setAttribute("aria-hidden", "true");
  container.appendChild(captions);
  const placeCaptions = () => {
    if (!bands) return;
    const children = captions.children;
    bands.forEach((band, k) => {
      const top = renderer.graphToViewport({ x: 0, y: band.y + band.halfHeight });
      const el = children[k] as HTMLElement | undefined;
      // The caption sits just above its band, in the gap between bands.
      if (el) el.style.transform = `translateY(calc(${Math.round(top.y)}px - 100%))`;
    });
  };

  // Labels: picked so none overlap, after the view changes or the camera settles.
  const measureContext = document.createElement("canvas").getContext("2d");
  if (measureContext) measureContext.font = `${LABEL_WEIGHT} ${LABEL_SIZE}px ${LABEL_FONT}`;
  // Width per character, measured once each (kerning ignored; labels keep a padding anyway).
  const charWidths = new Map<string, number>();
  const measure = (text: string) => {
    let width = 0;
    for (const char of text) {
      let w = charWidths.get(char);
      if (w === undefined) {
        w = measureContext ? measureContext.measureText(char).width : 7;
        charWidths.set(char, w);
      }
      width += w;
    }
    return width;
  };
  const updateLabels = () => {
    const { width, height } = renderer.getDimensions();
    const candidates: LabelCandidate[] = [];
    // With a story step, path or answer emphasised, only its nodes are labelled (the others are
    // greyed and nameless), and they too only where their labels fit.
    const chain = emphasis.chainNodes;
    const zoom = emphasis.zoom;
    graph.forEachNode((id, attr) => {
      if (chain ? !chain.has(id) : attr.hidden) return;
      // Semantic zoom: zoomed out, only coalitions (and collapsed networks) are labelled, and members
      // left out are not drawn.
      const role = zoom ? zoomRole(zoom, id, attr.collapsed) : undefined;
      if (!chain && zoom && role !== "coalition" && !zoom.stage.allLabels) return;
      const display = renderer.getNodeDisplayData(id);
      if (!display || display.hidden) return;
      const p = renderer.framedGraphToViewport(display);
      candidates.push({
        id,
        x: p.x,
        y: p.y,
        radius: renderer.scaleSize(display.size),
        text: attr.label,
        // Coalitions come first where regions stand for them; the default view keeps its landmarks' order.
        tier: attr.collapsed || (zoom?.regions && role === "coalition") ? 0 : attr.landmark >= 0 ? 1 : 2,
        rank: Math.max(0, attr.landmark),
      });
    });
    const next = pickLabels(candidates, measure, { width, height });
    const changed = [...next].filter((id) => !labelled.has(id)).concat([...labelled].filter((id) => !next.has(id)));
    if (changed.length === 0) return;
    labelled = next;
    emphasis = { ...emphasis, labelled };
    renderer.refresh({ partialGraph: { nodes: changed.filter((id) => graph.hasNode(id)) }, skipIndexation: true });
  };
  const scheduleLabels = (delay: number) => {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(updateLabels, delay);
  };

  // Sigma listeners
  let firstFrame = true;
  const markFirstFrame = () => {
    if (firstFrame && visible && graph.order > 0) {
      firstFrame = false;
      performance.mark(FIRST_FRAME_MARK);
      firstFrameDone();
    }
  };
  renderer.on("afterRender", () => {
    markFirstFrame();
    placeCaptions();
    // Nodes moved (a layout running or animating): re-pick labels once things calm down; never
    // while the camera moves or a button is held, to keep dragging cheap.
    if (!captor.isMouseDown && performance.now() - lastCameraMove > 300) scheduleLabels(300);
  });
  renderer.on("clickNode", ({ node }) => callbacks.onClickNode(node));
  // A click on a coalition's region selects the coalition; elsewhere on the stage it clears the selection.
  renderer.on("clickStage", ({ event }) => {
    const region = shapesLayer && coalitions ? shapesLayer.regionAt(event.x, event.y) : null;
    if (region) callbacks.onClickNode(region.id);
    else callbacks.onClickStage();
  });
  renderer.on("enterNode", ({ node }) => {
    hoveredNodeId = node;
    showRegionTip(null);
    container.style.cursor = "pointer";
    callbacks.onHoverNode(node);
  });
  renderer.on("leaveNode", () => {
    hoveredNodeId = null;
    container.style.cursor = "";
    callbacks.onHoverNode(null);
  });
  // Hovering a region names its coalition (a node under the pointer wins).
  const regionTip = document.createElement("div");
  regionTip.className = "region-tip";
  regionTip.setAttribute("role", "tooltip");
  regionTip.hidden = true;
  container.appendChild(regionTip);
  function showRegionTip(region: { coalition: Coalition; x: number; y: number } | null) {
    if (!region) {
      if (!regionTip.hidden) {
        regionTip.hidden = true;
        if (!hoveredNodeId) container.style.cursor = "";
      }
      return;
    }
    const { coalition, x, y } = region;
    const text = `${coalition.label}${coalition.label !== coalition.name ? ` (${coalition.name})` : ""}: ${coalition.memberIds.length} member${coalition.memberIds.length === 1 ? "" : "s"}`;
    if (regionTip.textContent !== text) regionTip.textContent = text;
    regionTip.style.transform = `translate(${Math.round(x + 12)}px, ${Math.round(y + 12)}px)`;
    regionTip.hidden = false;
    container.style.cursor = "pointer";
  }
  captor.on("mousemove", (event) => {
    if (!shapesLayer || !coalitions || captor.isMouseDown || hoveredNodeId) return showRegionTip(null);
    const coalition = shapesLayer.regionAt(event.x, event.y);
    showRegionTip(coalition ? { coalition, x: event.x, y: event.y } : null);
  });
  captor.on("mouseleave", () => showRegionTip(null));
  // The camera settled: re-pick labels and report it (for the URL) — not mid-drag, however slow
  // the frames, since either would cost a pass over every node while the user is moving.
  const cameraSettled = () => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => {
      if (captor.isMouseDown) return;
      if (edgesStale) {
        edgesStale = false;
        renderer.refresh({ partialGraph: { edges: graph.edges() }, skipIndexation: true, schedule: true });
      }
      updateLabels();
      callbacks.onCamera(renderer.getCamera().getState());
    }, 250);
  };
  renderer.getCamera().on("updated", (state) => {
    lastCameraMove = performance.now();
    updateZoomStage(state.ratio);
    cameraSettled();
  });
  captor.on("mouseup", cameraSettled);

  function stageAt(ratio: number, regions: boolean) {
    return regions ? zoomStage(ratio) : plainZoomStage(ratio);
  }

  /**
   * Semantic zoom: a new stage (members' fade step, labels) repaints every item through the reducers,
   * without re-indexing — nothing moves. Between steps a camera move costs nothing extra.
   */
  function updateZoomStage(ratio: number) {
    const zoom = emphasis.zoom;
    if (!zoom) return;
    const stage = stageAt(ratio, zoom.regions);
    if (sameStage(stage, zoom.stage)) return;
    emphasis = { ...emphasis, zoom: { ...zoom, stage } };
    const before = labelled;
    if (!stage.allLabels && labelled.size) {
      // Zoomed out past the labels' stage: drop the picked labels now rather than when the camera settles.
      labelled = new Set(
        [...labelled].filter((id) => graph.hasNode(id) && zoomRole(zoom, id, graph.getNodeAttribute(id, "collapsed")) === "coalition"),
      );
      emphasis = { ...emphasis, labelled };
    }
    if (!zoom.regions) {
      // Without regions only labels follow the zoom: repaint just the nodes whose label went (a pass
      // over every node costs over a second at 10k); the camera settling picks labels again.
      const changed = [...before].filter((id) => !labelled.has(id) && graph.hasNode(id));
      if (changed.length) renderer.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
      return;
    }
    // Edges are hidden while the camera moves (hideEdgesOnMove): on a large graph their repaint waits
    // until it settles, so a zoom that crosses a step costs a pass over the nodes only.
    const deferEdges = large();
    edgesStale ||= deferEdges;
    renderer.refresh({
      partialGraph: { nodes: graph.nodes(), edges: deferEdges ? [] : graph.edges() },
      skipIndexation: true,
      schedule: true,
    });
  }

  /** Reducers again over every item; a full re-index only when needed (or cheap). */
  const repaint = (structural: boolean) => {
    if (structural || !large()) renderer.refresh();
    else renderer.refresh({ partialGraph: { nodes: graph.nodes(), edges: graph.edges() }, skipIndexation: true });
  };

  // The map shares its pane with the toolbar bar and the legend strip: folding the legend or the
  // year badge appearing resizes the container without a window resize, which is all Sigma listens to.
  const resizeObserver = new ResizeObserver(() => renderer.scheduleRender());
  resizeObserver.observe(container);

  // Sigma's constructor drew the graph before these listeners were attached: pick the labels now, in
  // the same task, so the first frame on screen has them (a partial repaint of the labelled nodes).
  if (visible) {
    updateLabels();
    markFirstFrame();
  }

  const camera = renderer.getCamera();
  return {
    firstFrame: firstFramePromise,
    setEmphasis(requested) {
      // Hover emphasis dims every other item: affordable on small graphs only.
      const input = large() ? { ...requested, hoveredId: null } : requested;
      const same =
        input.hoveredId === emphasis.hoveredId &&
        input.selectedId === emphasis.selectedId &&
        input.emphasis === emphasis.emphasis &&
        input.bridges === emphasis.bridges;
      if (same) return;
      const chainChanged = input.emphasis !== emphasis.emphasis;
      emphasis = prepareEmphasis(graph, input, labelled, emphasis.zoom);
      repaint(false);
      // The labels that fit among the newly emphasised nodes now, not after the next camera move.
      if (chainChanged) updateLabels();
    },
    refresh(structural) {
      // Visibility changed, so the focus set (visible neighbours) may have too.
      emphasis = prepareEmphasis(graph, emphasis, labelled, emphasis.zoom);
      repaint(structural);
      updateLabels();
    },
    focusNode(id) {
      const display = renderer.getNodeDisplayData(id);
      if (!display) return;
      void camera.animate({ x: display.x, y: display.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 400 });
    },
    fitNodes(ids, insets = NO_INSETS, zoomOut = false) {
      const points = ids.map((id) => renderer.getNodeDisplayData(id)).filter((d) => d !== undefined);
      if (points.length === 0) return;
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const biggest = Math.max(...points.map((p) => p.size));
      const { width, height } = renderer.getDimensions();
      const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, angle: camera.angle };
      const a = renderer.framedGraphToViewport({ x: minX, y: minY }, { cameraState: { ...centre, ratio: 1 } });
      const b = renderer.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: { ...centre, ratio: 1 } });
      // The box the node centres should land in: the canvas less what covers it, less the nodes'
      // radius (Sigma draws size / sqrt(ratio) pixels, so it depends on the ratio being chosen:
      // two passes settle it) and room for the labels Sigma draws to the right of each node.
      const boxAt = (ratio: number) => {
        const margin = 16 + biggest / Math.sqrt(ratio);
        const box = {
          left: insets.left + margin,
          top: insets.top + margin,
          right: width - insets.right - Math.max(margin, Math.min(190, width * 0.25)),
          bottom: height - insets.bottom - margin,
        };
        return box.right - box.left < 120 || box.bottom - box.top < 120
          ? { left: margin, top: margin, right: width - margin, bottom: height - margin }
          : box;
      };
      const ratioFor = (box: ReturnType<typeof boxAt>) =>
        Math.min(
          zoomOut ? Infinity : 1,
          Math.max(0.12, Math.abs(b.x - a.x) / Math.max(1, box.right - box.left), Math.abs(b.y - a.y) / Math.max(1, box.bottom - box.top)),
        );
      const ratio = ratioFor(boxAt(ratioFor(boxAt(1))));
      const box = boxAt(ratio);
      // The camera centre that puts the nodes' centre in the middle of the box.
      const target = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
      const at = renderer.viewportToFramedGraph({ x: width - target.x, y: height - target.y }, { cameraState: { ...centre, ratio } });
      void camera.animate({ x: at.x, y: at.y, ratio }, { duration: 500 });
    },
    setCamera(state, animate = false) {
      const target = state ?? { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
      if (animate) void camera.animate(target, { duration: 400 });
      else camera.setState(target);
    },
    getCamera: () => camera.getState(),
    zoom(factor) {
      void camera.animate({ ratio: camera.ratio / factor }, { duration: 200 });
    },
    animatePositions(positions, duration = 600) {
      cancelAnimation?.();
      if (duration <= 0) {
        graph.updateEachNodeAttributes(
          (id, attr) => {
            const p = positions.get(id);
            return p ? { ...attr, x: p.x, y: p.y } : attr;
          },
          { attributes: ["x", "y"] },
        );
        return Promise.resolve();
      }
      const targets: Record<string, { x: number; y: number }> = {};
      positions.forEach((p, id) => (targets[id] = p));
      return new Promise((done) => {
        cancelAnimation = animateNodes(graph, targets, { duration }, () => {
          cancelAnimation = null;
          done();
        });
      });
    },
    setBands(next) {
      bands = next;
      captions.replaceChildren(
        ...(next ?? []).map((band) => {
          const el = document.createElement("div");
          el.className = "band-caption";
          el.textContent = band.label;
          return el;
        }),
      );
      placeCaptions();
    },
    async setCoalitions(next, regions) {
      coalitions = regions ? next : null;
      if (!regions) showRegionTip(null);
      // The view is restyled often (metrics arriving, colours): repaint only when who is what changed.
      // Without regions only the coalitions matter (members are always drawn).
      const key = `${regions}|${next.map((c) => (regions ? `${c.id}:${c.memberIds.join(",")}` : c.id)).join("|")}`;
      if (key !== zoomKey) {
        zoomKey = key;
        const roles = regions ? shapeRoles(next) : new Map(next.map((c) => [c.id, "coalition" as const]));
        const before = emphasis.zoom;
        emphasis = { ...emphasis, zoom: { roles, stage: stageAt(camera.ratio, regions), regions } };
        // Without regions, at the fit or closer, the zoom changes nothing drawn (the opening view): no repaint.
        const inert = (z: PreparedEmphasis["zoom"]) => !z || (!z.regions && z.stage.allLabels);
        if (!inert(before) || !inert(emphasis.zoom)) {
          repaint(false);
          updateLabels();
        }
      }
      if (!regions) {
        // The layer stays (empty) for the next time the mode is turned on.
        shapesLayer?.setCoalitions([]);
        return;
      }
      // Loaded only now, in its own chunk: the first frame never waits for it.
      shapesLoading ??= import("../shapes/layer").then(({ createShapesLayer }) => {
        if (!killed) shapesLayer = createShapesLayer(renderer as unknown as Parameters<typeof createShapesLayer>[0]);
        return shapesLayer;
      });
      const layer = await shapesLoading;
      // Whatever is current once loaded (the mode may have been turned off, or the view changed).
      layer?.setCoalitions(coalitions ?? []);
    },
    shapesInfo() {
      const zoom = emphasis.zoom;
      if (!coalitions || !zoom?.regions) return null;
      return {
        regions: coalitions.map((c) => ({ id: c.id, label: c.label, color: c.color, members: c.memberIds.length })),
        drawn: shapesLayer?.drawn() ?? { regions: 0, discs: 0 },
        stage: { ...zoom.stage },
      };
    },
    zoomInfo() {
      const zoom = emphasis.zoom;
      if (!zoom) return null;
      const ids = [...zoom.roles].filter(([, role]) => role === "coalition").map(([id]) => id);
      return { regions: zoom.regions, stage: { ...zoom.stage }, coalitions: ids.sort() };
    },
    regionAt(x, y) {
      return shapesLayer && coalitions ? (shapesLayer.regionAt(x, y)?.id ?? null) : null;
    },
    dimensions: () => renderer.getDimensions(),
    displayData(id) {
      const data = renderer.getNodeDisplayData(id);
      return data ? { ...data } : null;
    },
    edgeDisplayData(id) {
      const data = renderer.getEdgeDisplayData(id);
      return data ? { ...data } : null;
    },
    viewportPosition(id) {
      const data = renderer.getNodeDisplayData(id);
      return data ? { ...renderer.framedGraphToViewport(data), radius: renderer.scaleSize(data.size) } : null;
    },
    reveal() {
      if (visible) return;
      visible = true;
      container.style.visibility = "";
      renderer.scheduleRender();
    },
    kill() {
      resizeObserver.disconnect();
      clearTimeout(cameraTimer);
      clearTimeout(labelTimer);
      cancelAnimation?.();
      killed = true;
      coalitions = null;
      shapesLayer?.kill();
      shapesLayer = null;
      renderer.kill();
      captions.remove();
      regionTip.remove();
    },
  };
}
