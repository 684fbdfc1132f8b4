/**
 * The layout controller: owns where nodes sit. It keeps the force positions while the sectors
 * layout is shown, runs and stops ForceAtlas2, glides or jumps between layouts, and captions the
 * sectors bands that hold visible nodes. Kept apart from the session so every position write (and
 * the layout status the panels show) goes through one small module.
 */
import type { AtlasDataset, AtlasGraph, VisibleView } from "../graph";
import { bandOf, computeSectorsLayout, type ForceLayout, type SectorsLayout, startForceLayout } from "../layout";
import type { Renderer } from "../render";
import type { AtlasState } from "../state";

export type LayoutStatus = { type: "idle" } | { type: "running" } | { type: "animating" };

/** Above this many nodes, positions jump instead of gliding. */
const ANIMATION_LIMIT = 3000;

export interface LayoutContext {
  graph: AtlasGraph;
  renderer: Renderer;
  dataset: () => AtlasDataset;
  view: () => VisibleView;
  /** The layout the view state asks for. */
  current: () => AtlasState["layout"];
  setStatus: (status: LayoutStatus) => void;
}

export interface LayoutController {
  /** Resolves once the last requested layout is in place. */
  readonly pending: Promise<void>;
  show(layout: AtlasState["layout"], animate: boolean): Promise<void>;
  /** Captions of the sectors bands that hold at least one visible node (none outside sectors). */
  showBands(): void;
  /** Runs ForceAtlas2 from the current positions; the caller has switched to the force layout. */
  startForce(): void;
  isForceRunning(): boolean;
  stopForce(): void;
  /** Replaces the force positions (the opening layout arriving late), animated. */
  setForcePositions(positions: Float64Array): Promise<void>;
  /** Replaces the force positions in place, before the first visible frame. */
  placeForcePositions(positions: Float64Array): void;
}

export function createLayout(seed: Float64Array, ctx: LayoutContext): LayoutController {
  const { graph, renderer, dataset, setStatus } = ctx;
  // The force layout's positions, kept while the sectors layout is shown.
  let forcePositions: Float64Array = Float64Array.from(seed);
  let force: ForceLayout | null = null;
  let sectorsBands: SectorsLayout["bands"] | null = null;
  let pending: Promise<void> = Promise.resolve();

  function currentPositions(): Float64Array {
    const out = new Float64Array(2 * dataset().nodes.length);
    dataset().nodes.forEach((node, i) => {
      const attr = graph.getNodeAttributes(node.id);
      out[2 * i] = attr.x;
      out[2 * i + 1] = attr.y;
    });
    return out;
  }

  const toTargets = (p: Float64Array) => new Map(dataset().nodes.map((node, i) => [node.id, { x: p[2 * i], y: p[2 * i + 1] }]));

  const stopForce = () => force?.stop();

  async function arrange(layout: AtlasState["layout"], animate: boolean) {
    stopForce();
    const targets = layout === "sectors" ? computeSectorsLayout(dataset(), forcePositions) : null;
    const next = targets ? targets.positions : forcePositions;
    renderer.setBands(null);
    if (animate) {
      setStatus({ type: "animating" });
      await renderer.animatePositions(toTargets(next));
      setStatus({ type: "idle" });
    } else {
      const index = dataset().index;
      graph.updateEachNodeAttributes((id, attr) => {
        const i = index.get(id)!;
        return { ...attr, x: next[2 * i], y: next[2 * i + 1] };
      });
    }
    sectorsBands = targets?.bands ?? null;
    showBands();
  }

  function show(layout: AtlasState["layout"], animate: boolean): Promise<void> {
    pending = arrange(layout, animate);
    return pending;
  }

  function showBands() {
    if (!sectorsBands || ctx.current() !== "sectors") {
      renderer.setBands(null);
      return;
    }
    const shown = new Set<number>();
    const visible = ctx.view().nodeVisible;
    dataset().nodes.forEach((node, i) => {
      if (visible[i]) shown.add(bandOf(node));
    });
    renderer.setBands(sectorsBands.filter((_, b) => shown.has(b)));
  }

  return {
    get pending() {
      return pending;
    },
    show,
    showBands,
    startForce() {
      force = startForceLayout(graph, () => {
        forcePositions = currentPositions();
        force = null;
        setStatus({ type: "idle" });
      });
      setStatus({ type: "running" });
    },
    isForceRunning: () => force?.isRunning() ?? false,
    stopForce,
    async setForcePositions(positions) {
      forcePositions = Float64Array.from(positions);
      if (ctx.current() === "force" && !force) {
        setStatus({ type: "animating" });
        // Gliding re-indexes every frame: fine for thousands of nodes, not for ten thousand.
        await renderer.animatePositions(toTargets(forcePositions), graph.order > ANIMATION_LIMIT ? 0 : 800);
        setStatus({ type: "idle" });
      } else if (ctx.current() === "sectors") {
        await show("sectors", true);
      }
    },
    placeForcePositions(positions) {
      forcePositions = Float64Array.from(positions);
      if (ctx.current() === "sectors") void show("sectors", false);
      else {
        const index = dataset().index;
        graph.updateEachNodeAttributes(
          (id, attr) => {
            const i = index.get(id)!;
            return { ...attr, x: positions[2 * i], y: positions[2 * i + 1] };
          },
          { attributes: ["x", "y"] },
        );
      }
    },
  };
}
