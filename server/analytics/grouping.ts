/**
 * "Network of networks" view: collapsed networks stand for their members. Pure, so it is tested
 * on small fixtures and works on any node/edge shape the named queries return.
 *
 * Rules (documented in schema.graphql on `Grouping.MEMBERSHIP`):
 * - a group is any node with at least one MEMBER_OF member in the (filtered) graph; all of them are
 *   collapsed unless the caller names the ones to collapse;
 * - which member folds where is core/folding.ts, the rule the explorer applies too: a member of one
 *   collapsed group folds into it; a member of several stays visible, shared, tied to each; a
 *   collapsed group inside another stays visible as a group of its own;
 * - edges are re-pointed to the groups, self-loops dropped, and parallel edges of one type between
 *   the same two ends merged into one edge whose `weight` counts the relationships it stands for.
 */
import { foldMembers } from "../../core/folding.js";
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

/** The direct members of every group (MEMBER_OF sources per target), in input order. */
export function membersOf(edges: readonly GroupableEdge[]): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type !== MEMBERSHIP_TYPE || e.source === e.target) continue;
    const list = members.get(e.target) ?? [];
    if (!list.includes(e.source)) list.push(e.source);
    members.set(e.target, list);
  }
  return members;
}

export function aggregatedEdgeId(type: string, source: string, target: string): string {
  return `group:${type.toLowerCase()}:${source}:${target}`;
}

/** Groups `nodes` by membership, collapsing `collapsed` (default: every group). */
export function groupByMembership<N extends GroupableNode, E extends GroupableEdge>(
  nodes: readonly N[],
  edges: readonly E[],
  collapsed?: readonly string[],
): GroupedGraph<N, E> {
  const present = new Set(nodes.map((n) => n.id));
  const inGraph = edges.filter((e) => present.has(e.source) && present.has(e.target));
  const members = membersOf(inGraph);
  const { foldInto, byGroup } = foldMembers(members, collapsed ?? members.keys());

  const groups: NodeGroup[] = [...members.keys()].sort().map((id) => ({
    id,
    memberCount: members.get(id)!.length,
    memberIds: byGroup.get(id)?.folded ?? [],
    sharedIds: byGroup.get(id)?.shared ?? [],
    directMemberIds: [...members.get(id)!].sort(),
    collapsed: byGroup.has(id),
  }));

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
