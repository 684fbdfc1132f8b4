/**
 * Transient emphasis as Sigma reducers: hover and selection light up a node and its neighbours;
 * a path or an ally suggestion lights up its chain (shown even where filters hide it), a story step
 * its focus nodes and the ties among them; the sectors layout paints union–NGO bridges. Reducers
 * copy (`{ ...data }`) and never mutate the graph.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";

import type { AtlasEdgeAttributes, AtlasGraph, AtlasNodeAttributes } from "../graph/types";
import { type ShapeRole, zoomEdge, zoomNode, type ZoomStage } from "../shapes";
import type { AnalysisMark, AnalysisMarks, Emphasis } from "../state/atlas";

export const DIMMED_NODE = "#e4e4e4";
export const DIMMED_EDGE = "#eeeeee";
export const HIGHLIGHT_EDGE = "#4d4d4d";
export const EMPHASIS_EDGE = "#1d1d1f";
/** Okabe–Ito reddish purple: distinct from every class colour on both kinds of colour vision. */
export const BRIDGE_EDGE = "#AA3377";
/**
 * An analysis's marks (state/atlas.ts AnalysisMark), Okabe–Ito colours that stay apart for every
 * kind of colour vision: appeared = bluish green ring and ties, gone or removed = a faded body with
 * a vermilion ring and pale vermilion ties, cut off by a removal = a blue ring on its full colour.
 */
export const MARK_COLORS: Record<AnalysisMark, string> = { added: "#009E73", removed: "#D55E00", cutOff: "#0072B2" };

export interface EmphasisInput {
  hoveredId: string | null;
  selectedId: string | null;
  emphasis: Emphasis;
  /** Paint LABOUR–CIVIL_SOCIETY ties (the sectors layout). */
  bridges: boolean;
}

export interface PreparedEmphasis extends EmphasisInput {
  /** Labels that fit without overlapping (render/labels.ts): among the emphasised nodes when a chain is shown. */
  labelled: Set<string>;
  /** Hover wins over selection; the focus node and its visible neighbours. */
  focusId: string | null;
  focus: Set<string> | null;
  chainNodes: Set<string> | null;
  chainEdges: Set<string> | null;
  marks: AnalysisMarks | null;
  /**
   * The semantic zoom (shapes/semantic-zoom.ts): what each node is to the coalitions, the stage, and
   * whether regions stand for the members (the shapes mode) or not (the default view); null before
   * the coalitions are known.
   */
  zoom?: SemanticZoom | null;
}

export interface SemanticZoom {
  roles: Map<string, ShapeRole>;
  stage: ZoomStage;
  regions: boolean;
}

/** A collapsed network stands for its members as a coalition's region does. */
export const zoomRole = (zoom: SemanticZoom, id: string, collapsed: boolean): ShapeRole | undefined =>
  collapsed ? "coalition" : zoom.roles.get(id);

export function prepareEmphasis(
  graph: AtlasGraph,
  input: EmphasisInput,
  labelled: Set<string> = new Set(),
  zoom: PreparedEmphasis["zoom"] = null,
): PreparedEmphasis {
  const focusId = input.hoveredId ?? input.selectedId;
  let focus: Set<string> | null = null;
  if (focusId && graph.hasNode(focusId) && !graph.getNodeAttribute(focusId, "hidden")) {
    focus = new Set([focusId]);
    graph.forEachEdge(focusId, (_, attr, source, target) => {
      if (attr.hidden) return;
      focus!.add(source === focusId ? target : source);
    });
  }
  const chain = input.emphasis.type === "none" ? null : input.emphasis;
  return {
    ...input,
    labelled,
    zoom,
    focusId: focus ? focusId : null,
    focus,
    chainNodes: chain ? new Set(chain.nodes.filter((id) => graph.hasNode(id))) : null,
    chainEdges: chain ? new Set(chain.edges) : null,
    marks: chain && (chain.type === "analysis" || chain.type === "story") ? (chain.marks ?? null) : null,
  };
}

/** Mixes a #rrggbb colour with white (amount 0…1), for undated items in a timeline year (core/timeline.ts). */
export function fade(color: string, amount = 0.65): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const v = parseInt(m[1], 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(mix);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

type NodeDisplay = Partial<NodeDisplayData> & { borderColor?: string };

/** A marked node gets a ring (the bordered program); a removed one also fades and yields the front. */
function markNode(res: NodeDisplay, mark: AnalysisMark, color: string): NodeDisplay {
  const ringed = { ...res, type: "bordered", borderColor: MARK_COLORS[mark] };
  return mark === "removed" ? { ...ringed, color: fade(color, 0.7), highlighted: false, zIndex: 1 } : ringed;
}

export function nodeReducerFor(state: () => PreparedEmphasis) {
  return (node: string, data: AtlasNodeAttributes): NodeDisplay => {
    const s = state();
    let res: NodeDisplay = { ...data };
    if (data.faded) res.color = fade(data.color);
    res.forceLabel = s.labelled.has(node);
    if (node === s.selectedId) res.highlighted = true;
    // A path's, allies' or story step's own nodes are drawn in full whatever the zoom: they are the point.
    if (s.zoom && !s.chainNodes?.has(node)) res = zoomNode(res, zoomRole(s.zoom, node, data.collapsed), s.zoom.stage);
    if (s.chainNodes) {
      // A path or allies show through the filters; a story step's nodes keep the step's view.
      if (s.chainNodes.has(node)) {
        const shown = { ...res, hidden: s.emphasis.type === "story" ? data.hidden : false, zIndex: 2, highlighted: true };
        const mark = s.marks?.nodes[node];
        return mark ? markNode(shown, mark, data.color) : shown;
      }
      // A greyed node keeps its name under the pointer: Sigma draws a hover box whatever the label, empty or not.
      const label = node === s.hoveredId ? data.label : "";
      return { ...res, color: DIMMED_NODE, borderColor: DIMMED_NODE, label, forceLabel: false, zIndex: 0 };
    }
    if (s.focus) {
      if (s.focus.has(node)) return { ...res, forceLabel: true, zIndex: 1 };
      return { ...res, color: DIMMED_NODE, borderColor: DIMMED_NODE, label: "", forceLabel: false, zIndex: 0 };
    }
    return res;
  };
}

export function edgeReducerFor(graph: AtlasGraph, state: () => PreparedEmphasis) {
  return (edge: string, attributes: AtlasEdgeAttributes): Partial<EdgeDisplayData> => {
    const s = state();
    let data = attributes;
    if (s.zoom && s.zoom.stage.memberAlpha < 1) {
      const [source, target] = graph.extremities(edge);
      data = zoomEdge(data, [s.zoom.roles.get(source), s.zoom.roles.get(target)], s.zoom.stage);
    }
    if (s.chainEdges) {
      if (s.chainEdges.has(edge)) {
        const mark = s.marks?.edges[edge];
        if (mark === "removed") return { ...data, hidden: false, color: fade(MARK_COLORS.removed, 0.45), size: 2, zIndex: 1 };
        return { ...data, hidden: false, color: mark ? MARK_COLORS[mark] : EMPHASIS_EDGE, size: 3, zIndex: 2 };
      }
      return { ...data, color: DIMMED_EDGE, zIndex: 0 };
    }
    if (s.focus && s.focusId) {
      const [source, target] = graph.extremities(edge);
      if (source === s.focusId || target === s.focusId)
        return { ...data, color: data.bridge && s.bridges ? BRIDGE_EDGE : HIGHLIGHT_EDGE, size: 2, zIndex: 1 };
      return { ...data, color: DIMMED_EDGE, zIndex: 0 };
    }
    if (s.bridges) {
      if (data.bridge) return { ...data, color: BRIDGE_EDGE, size: 2, zIndex: 1 };
      return { ...data, color: DIMMED_EDGE, zIndex: 0 };
    }
    if (data.faded) return { ...data, color: fade(data.color) };
    return data;
  };
}
