/**
 * Semantic zoom. In the shapes mode, zoomed out, the coalitions' regions stand for their members and
 * only coalitions are labelled; zooming in fades the members in, then lets their labels through.
 * In the default view no region stands for the members, so they stay drawn at every zoom (hiding
 * them would leave nothing in their place); there the zoom governs labels only: zoomed out past
 * the whole graph's fit, only coalitions and collapsed networks are labelled. In both, a collapsed
 * network counts as a coalition: it is the stand-in for its members.
 * Driven by the camera ratio alone, in the reducers: nothing is laid out again, nothing moves.
 * The fade is quantised into a few steps, so only crossing a step repaints the members.
 */
import type { ShapeRole } from "./coalitions";

export const SEMANTIC_ZOOM = {
  /** At or above this camera ratio (1 = the whole graph fitted), members are left to their regions. */
  membersHiddenFrom: 1.25,
  /** At or below it, members are drawn in full. */
  membersShownFrom: 0.65,
  /** At or below it, nodes other than coalitions may be labelled too. */
  labelsFrom: 0.45,
  /**
   * The same without regions (the default view, members always drawn): the whole graph fitted is
   * ratio 1 (Fit and the opening view never go past it), with a margin for a camera read from a link.
   */
  plainLabelsFrom: 1.05,
  /** Fade steps between hidden and shown. */
  steps: 6,
} as const;

export interface ZoomStage {
  /** Members' opacity, 0…1 in `steps` steps. */
  memberAlpha: number;
  /** Whether nodes other than coalitions get labels. */
  allLabels: boolean;
}

export function zoomStage(ratio: number, o: typeof SEMANTIC_ZOOM = SEMANTIC_ZOOM): ZoomStage {
  const t = (o.membersHiddenFrom - ratio) / (o.membersHiddenFrom - o.membersShownFrom);
  const memberAlpha = Math.round(Math.min(1, Math.max(0, t)) * o.steps) / o.steps;
  return { memberAlpha, allLabels: ratio <= o.labelsFrom };
}

/** The default view's stage: members always drawn; only coalitions labelled when zoomed out past the fit. */
export function plainZoomStage(ratio: number, o: typeof SEMANTIC_ZOOM = SEMANTIC_ZOOM): ZoomStage {
  return { memberAlpha: 1, allLabels: ratio <= o.plainLabelsFrom };
}

export const sameStage = (a: ZoomStage, b: ZoomStage) => a.memberAlpha === b.memberAlpha && a.allLabels === b.allLabels;

/** `#rrggbb` at an opacity, premultiplied: Sigma blends with (ONE, ONE_MINUS_SRC_ALPHA). */
export function premultiplied(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m || alpha >= 1) return color;
  const v = parseInt(m[1], 16);
  const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map((c) => Math.round(c * alpha));
  return `rgba(${r},${g},${b},${alpha})`;
}

interface Display {
  color?: string;
  size?: number;
  hidden?: boolean;
  forceLabel?: boolean;
  borderColor?: string;
}

/** A node as the zoom stage shows it: a member faded (and shrunk a little) or left out, labels held back. */
export function zoomNode<D extends Display>(display: D, role: ShapeRole | undefined, stage: ZoomStage): D {
  let res = display;
  if (role === "member" && stage.memberAlpha < 1) {
    res =
      stage.memberAlpha === 0
        ? { ...res, hidden: true, forceLabel: false }
        : {
            ...res,
            color: premultiplied(res.color ?? "#999999", stage.memberAlpha),
            ...(res.borderColor ? { borderColor: premultiplied(res.borderColor, stage.memberAlpha) } : {}),
            size: (res.size ?? 1) * (0.5 + 0.5 * stage.memberAlpha),
          };
  }
  if (!stage.allLabels && role !== "coalition" && res.forceLabel) res = { ...res, forceLabel: false };
  return res;
}

/** A tie with a faded member at either end fades with it; with a member left out, it is left out too. */
export function zoomEdge<D extends Display>(display: D, ends: [ShapeRole | undefined, ShapeRole | undefined], stage: ZoomStage): D {
  if (stage.memberAlpha >= 1 || (ends[0] !== "member" && ends[1] !== "member")) return display;
  if (stage.memberAlpha === 0) return { ...display, hidden: true };
  return { ...display, color: premultiplied(display.color ?? "#cccccc", stage.memberAlpha) };
}
