/**
 * Folding and unfolding animate, so the eye can follow members into and out of a network: a member
 * folding in glides from where it sits to its network and only then disappears; a member unfolding
 * appears on its network and glides back to its place. Only `x`/`y` of the moving members change,
 * each frame, and every member is back at its own position when the glide ends or is cut short
 * (a new fold starts, or the session ends), so layouts never see the detour.
 */
import type { AtlasDataset, AtlasGraph, VisibleView } from "../graph";

export const FOLD_MS = 450;

interface Move {
  id: string;
  /** The member's own place (where it returns to). */
  home: { x: number; y: number };
  /** Its network's place. */
  hub: { x: number; y: number };
  /** Folding in (home → hub, then hidden) or unfolding (hub → home). */
  folding: boolean;
}

/** Members folding in and out between two views, with the networks they go to or come from. */
export function foldMoves(graph: AtlasGraph, dataset: AtlasDataset, before: VisibleView, after: VisibleView): Move[] {
  const moves: Move[] = [];
  const place = (id: string) => ({ x: graph.getNodeAttribute(id, "x"), y: graph.getNodeAttribute(id, "y") });
  for (const [id, group] of after.folding.foldInto) {
    const i = dataset.index.get(id)!;
    if (before.nodeVisible[i] === 1 && graph.hasNode(group)) moves.push({ id, home: place(id), hub: place(group), folding: true });
  }
  for (const [id, group] of before.folding.foldInto) {
    const i = dataset.index.get(id)!;
    if (after.nodeVisible[i] === 1 && graph.hasNode(group)) moves.push({ id, home: place(id), hub: place(group), folding: false });
  }
  return moves;
}

export interface FoldAnimator {
  /** Glides `moves` (the view is already applied: folded members are hidden, unfolded ones shown). */
  run(moves: Move[], isHidden: (id: string) => boolean): void;
  /** Ends a glide at once, every member at home. */
  finish(): void;
}

export function createFoldAnimator(graph: AtlasGraph, refresh: () => void): FoldAnimator {
  let current: { moves: Move[]; frame: number; isHidden: (id: string) => boolean } | null = null;
  const reduced = () => typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

  const settle = () => {
    if (!current) return;
    cancelAnimationFrame(current.frame);
    for (const move of current.moves) {
      if (!graph.hasNode(move.id)) continue;
      graph.mergeNodeAttributes(move.id, { ...move.home, hidden: current.isHidden(move.id) });
    }
    current = null;
    refresh();
  };

  return {
    run(moves, isHidden) {
      settle();
      if (moves.length === 0 || reduced()) return;
      const start = performance.now();
      // Folding members stay drawn until they reach their network.
      for (const move of moves) graph.mergeNodeAttributes(move.id, { hidden: false, ...(move.folding ? move.home : move.hub) });
      const step = (now: number) => {
        const t = Math.min(1, (now - start) / FOLD_MS);
        const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
        for (const move of moves) {
          const k = move.folding ? eased : 1 - eased;
          graph.mergeNodeAttributes(move.id, {
            x: move.home.x + (move.hub.x - move.home.x) * k,
            y: move.home.y + (move.hub.y - move.home.y) * k,
          });
        }
        if (t < 1) current!.frame = requestAnimationFrame(step);
        else settle();
      };
      current = { moves, frame: requestAnimationFrame(step), isHidden };
      refresh();
    },
    finish: settle,
  };
}
