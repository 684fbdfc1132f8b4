/**
 * Which coalitions the shapes mode draws: every visible node with visible MEMBER_OF members (the
 * "network of networks" backbone), the biggest first, each with its own colour. Pure, so it tests
 * in Node; the drawing itself (layer.ts) is loaded only when the mode is on.
 */
import type { AtlasDataset } from "../graph/types";
import type { VisibleView } from "../graph/view";

export interface Coalition {
  id: string;
  label: string;
  name: string;
  color: string;
  /** Visible members (direct MEMBER_OF sources), the coalition itself not included. */
  memberIds: string[];
}

/** Paul Tol's muted qualitative scheme plus three of his bright colours: told apart when translucent and overlapping. */
export const COALITION_COLORS = [
  "#332288",
  "#117733",
  "#CC6677",
  "#DDCC77",
  "#88CCEE",
  "#AA4499",
  "#44AA99",
  "#999933",
  "#882255",
  "#EE7733",
  "#0077BB",
  "#CC3311",
] as const;

/** How a region is drawn, on the map (layer.ts) and in the exported picture (render/picture.ts). */
export const DEFAULT_SHAPES_OPTIONS = {
  /** Disc radius round each member at camera ratio 1, in CSS pixels; like nodes, it grows as 1/√ratio. */
  radius: 26,
  /** The core, relative to the radius: filled a second time, so the region is denser where members are. */
  core: 0.55,
  /** Opacity of the halo and of the core fill over it. */
  haloAlpha: 0.18,
  coreAlpha: 0.16,
};

/** One region per colour: past a dozen, shapes stop being told apart (the legend says how many are left out). */
export const MAX_COALITION_SHAPES = COALITION_COLORS.length;

export interface CoalitionList {
  /** The drawn coalitions, biggest first. */
  shown: Coalition[];
  /** How many coalitions have visible members in all. */
  total: number;
}

const MEMBERSHIP = "MEMBER_OF";

/** The coalitions of the visible view (a membership counts from its first year when the view has one). */
export function findCoalitions(
  dataset: AtlasDataset,
  view: VisibleView,
  year: number | null,
  limit: number = MAX_COALITION_SHAPES,
): CoalitionList {
  const members = new Map<number, Set<number>>();
  dataset.edges.forEach((edge, j) => {
    if (edge.type !== MEMBERSHIP || edge.source === edge.target) return;
    if (!view.nodeVisible[edge.source] || !view.nodeVisible[edge.target]) return;
    const start = dataset.edgeStart[j];
    if (year !== null && start !== null && start > year) return;
    const set = members.get(edge.target) ?? new Set<number>();
    set.add(edge.source);
    members.set(edge.target, set);
  });
  const ranked = [...members.entries()]
    .map(([i, set]) => ({ node: dataset.nodes[i], memberIds: [...set].map((m) => dataset.nodes[m].id).sort() }))
    .sort(
      (a, b) => b.memberIds.length - a.memberIds.length || a.node.label.localeCompare(b.node.label) || (a.node.id < b.node.id ? -1 : 1),
    );
  return {
    total: ranked.length,
    shown: ranked.slice(0, limit).map(({ node, memberIds }, k) => ({
      id: node.id,
      label: node.label,
      name: node.name,
      color: COALITION_COLORS[k % COALITION_COLORS.length],
      memberIds,
    })),
  };
}

/** What a node is to the drawn coalitions: a coalition (labelled first), a member (stood for by a region when zoomed out), or neither. */
export type ShapeRole = "coalition" | "member";

export function shapeRoles(coalitions: readonly Coalition[]): Map<string, ShapeRole> {
  const roles = new Map<string, ShapeRole>();
  for (const c of coalitions) for (const id of c.memberIds) roles.set(id, "member");
  for (const c of coalitions) roles.set(c.id, "coalition");
  return roles;
}
