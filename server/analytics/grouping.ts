/**
 * "Network of networks" view: networks and federations stand for their members. Pure, so it is
 * tested on small fixtures and works on any node/edge shape the named queries return.
 *
 * Rules (documented in schema.graphql on `Grouping.MEMBERSHIP`):
 * - a group is any node with at least one MEMBER_OF member in the (filtered) graph;
 * - a member folds into a group unless it is a group itself (so nested coalitions stay visible
 *   and the network of networks keeps its second level);
 * - a member of several groups folds into the one with most members (ties: smallest id), and its
 *   memberships of the others become aggregated edges between the groups;
 * - edges are re-pointed to the groups, self-loops dropped, and parallel edges of one type between
 *   the same two ends merged into one edge whose `weight` counts the relationships it stands for.
 */
import type { NodeGroup } from "../../core/wire.js";

export interface GroupableNode {
  id: string;
}

export interface GroupableEdge {
  id: string;
  type: string;
  source: string;
  target: string;
}

// A network standing for its members, as the wire format carries it.
export type { NodeGroup };

export interface AggregatedEdge<E extends GroupableEdge> {
  id: string;
  type: string;
  source: string;
  target: string;
  weight: number;
  /** The relationships this edge stands for, in input order. */
  parts: E[];
}

export interface GroupedGraph<N extends GroupableNode, E extends GroupableEdge> {
  nodes: N[];
  edges: AggregatedEdge<E>[];
  groups: NodeGroup[];
}

export const MEMBERSHIP_TYPE = "MEMBER_OF";

/** Which group each folded member goes into, and the direct members of every group. */
export function membershipFolding(edges: readonly GroupableEdge[]): { foldInto: Map<string, string>; members: Map<string, string[]> } {
  const members = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type !== MEMBERSHIP_TYPE || e.source === e.target) continue;
    const list = members.get(e.target) ?? [];
    if (!list.includes(e.source)) list.push(e.source);
    members.set(e.target, list);
  }
  const foldInto = new Map<string, string>();
  for (const [group, list] of members) {
    for (const member of list) {
      if (members.has(member)) continue;
      const current = foldInto.get(member);
      if (current === undefined || isBiggerGroup(group, current, members)) foldInto.set(member, group);
    }
  }
  return { foldInto, members };
}

function isBiggerGroup(a: string, b: string, members: Map<string, string[]>): boolean {
  const sizeA = members.get(a)?.length ?? 0;
  const sizeB = members.get(b)?.length ?? 0;
  return sizeA !== sizeB ? sizeA > sizeB : a < b;
}

export function aggregatedEdgeId(type: string, source: string, target: string): string {
  return `group:${type.toLowerCase()}:${source}:${target}`;
}

export function groupByMembership<N extends GroupableNode, E extends GroupableEdge>(
  nodes: readonly N[],
  edges: readonly E[],
): GroupedGraph<N, E> {
  const present = new Set(nodes.map((n) => n.id));
  const inGraph = edges.filter((e) => present.has(e.source) && present.has(e.target));
  const { foldInto, members } = membershipFolding(inGraph);

  const folded = new Map<string, string[]>();
  for (const [member, group] of foldInto) folded.set(group, [...(folded.get(group) ?? []), member]);

  const groups: NodeGroup[] = [...members.keys()]
    .sort()
    .map((id) => ({ id, memberCount: members.get(id)!.length, memberIds: (folded.get(id) ?? []).sort() }));

  const end = (id: string) => foldInto.get(id) ?? id;
  const merged = new Map<string, AggregatedEdge<E>>();
  for (const e of inGraph) {
    const source = end(e.source);
    const target = end(e.target);
    if (source === target) continue;
    const key = `${e.type}\u0000${source}\u0000${target}`;
    const existing = merged.get(key);
    if (existing) {
      existing.weight += 1;
      existing.parts.push(e);
      existing.id = aggregatedEdgeId(e.type, source, target);
    } else {
      const unchanged = source === e.source && target === e.target;
      merged.set(key, {
        id: unchanged ? e.id : aggregatedEdgeId(e.type, source, target),
        type: e.type,
        source,
        target,
        weight: 1,
        parts: [e],
      });
    }
  }

  return { nodes: nodes.filter((n) => !foldInto.has(n.id)), edges: [...merged.values()], groups };
}
