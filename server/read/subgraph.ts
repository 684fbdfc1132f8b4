/**
 * Subgraph assembly shared by network, networkCompact and expand: dropping edges whose other end
 * was filtered out, grouping by membership, and turning aggregated edges back into Edge values.
 */
import { type AggregatedEdge, groupByMembership, type NodeGroup } from "../analytics/grouping.js";
import type { EdgeProps, NodeProps } from "./rows.js";

export const GROUPINGS = ["NONE", "MEMBERSHIP"] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface Subgraph {
  nodes: NodeProps[];
  /** `weight` is absent on plain relationships (Edge.weight resolves it to 1). */
  edges: (EdgeProps & { weight?: number })[];
  groups: NodeGroup[];
  /** In `expand`: the opened network's members. */
  memberIds?: string[];
  /** In `neighbourhood`: true when a limit left nodes out. */
  truncated?: boolean;
}

/** Keeps the edges whose two ends are among `nodes` (queries return edges leaving kept nodes). */
export function edgesAmong<E extends { source: string; target: string }>(nodes: readonly { id: string }[], edges: readonly E[]): E[] {
  const ids = new Set(nodes.map((n) => n.id));
  return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
}

const minOf = (values: (number | undefined)[]) => (values.some((v) => v == null) ? undefined : Math.min(...(values as number[])));
const maxOf = (values: (number | undefined)[]) => (values.some((v) => v == null) ? undefined : Math.max(...(values as number[])));

/**
 * An aggregated edge as one Edge: a single relationship keeps its properties (under the group ends);
 * several keep what they share, span their dates (undated if any is), and carry every citation.
 */
export function mergeEdgeProps(edge: AggregatedEdge<EdgeProps>): EdgeProps & { weight: number } {
  const [first] = edge.parts;
  if (edge.parts.length === 1) return { ...first, id: edge.id, source: edge.source, target: edge.target, weight: 1 };
  const same = <K extends keyof EdgeProps>(key: K) => (edge.parts.every((p) => p[key] === first[key]) ? first[key] : undefined);
  return {
    id: edge.id,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    role: same("role"),
    since: minOf(edge.parts.map((p) => p.since)),
    until: maxOf(edge.parts.map((p) => p.until)),
    year: same("year"),
    activeFrom: minOf(edge.parts.map((p) => p.activeFrom as number | undefined)),
    activeTo: maxOf(edge.parts.map((p) => p.activeTo as number | undefined)),
    note: edge.parts.length > 1 ? `${edge.parts.length} relationships` : first.note,
    citationSources: edge.parts.flatMap((p) => p.citationSources ?? []),
    locators: edge.parts.flatMap((p) => p.locators ?? []),
    evidence: edge.parts.flatMap((p) => p.evidence ?? []),
    weight: edge.parts.length,
  };
}

/** The subgraph, grouped by membership with `collapsed` (default: every group) collapsed. */
export function assembleSubgraph(nodes: NodeProps[], edges: EdgeProps[], groupBy: Grouping, collapsed?: readonly string[]): Subgraph {
  const kept = edgesAmong(nodes, edges);
  // Edge.weight defaults to 1, so ungrouped edges go out as they came.
  if (groupBy === "NONE") return { nodes, edges: kept, groups: [] };
  const grouped = groupByMembership(nodes, kept, collapsed);
  return { nodes: grouped.nodes, edges: grouped.edges.map(mergeEdgeProps), groups: grouped.groups };
}
