/**
 * Change between two years: what is on the map in `to` and was not in `from`, and the reverse, by
 * the explorer's timeline rules (year-snapshot.ts). Pure; computed over the already-filtered graph,
 * so nothing the filter (or, later, record visibility) hides can appear in a change.
 *
 * - Organisations (and forums, campaigns …) that appeared or are gone.
 * - Ties that appeared or ended, all types.
 * - Who joined or left each coalition: the ties of a membership type (tie-semantics.ts), grouped by
 *   the coalition they point at.
 * - How each node's centrality and community changed (`metricChanges`), from the metrics of the
 *   two years' snapshots (the same computation as `metrics`, so the numbers match what the timeline
 *   shows for each year). Louvain numbers communities afresh each year, so a node's community is
 *   compared by its members: each community of `to` is matched to the community of `from` it shares
 *   most nodes with, and a node whose community matched another one changed community.
 *
 * Every change carries the record that dates it (`datedBy`): the relationship itself, or the node
 * whose founding, dissolution or first tie puts the relationship or node on the map in that span.
 */
import { type ColumnGraph, edgeId, nodeLabel, positionsById } from "./column-graph.js";
import type { GraphMetrics, NodeMetricValues } from "./metrics.js";
import { tieSemantics } from "./tie-semantics.js";
import { type Dating, type Lifespans, lifespans, nodeEnd, nodeStart, snapshot, tieEnd, tieStart } from "./year-snapshot.js";

export interface NodeChange {
  id: string;
  label: string;
  kind: string;
  datedBy: Dating;
}

export interface TieChange {
  /** The relationship's stored id (its citations come with it). */
  id: string;
  type: string;
  source: string;
  target: string;
  role: string | null;
  datedBy: Dating;
}

export interface CoalitionChange {
  /** The coalition (the target of the membership ties). */
  id: string;
  label: string;
  joined: TieChange[];
  left: TieChange[];
}

export interface YearDiff {
  from: number;
  to: number;
  nodes: { appeared: NodeChange[]; gone: NodeChange[] };
  ties: { appeared: TieChange[]; ended: TieChange[] };
  /** Coalitions whose membership changed, most changes first, then by id. */
  coalitions: CoalitionChange[];
}

/** `from` must not be after `to`; the same year gives an empty diff. */
export function yearDiff(graph: ColumnGraph, from: number, to: number, spans: Lifespans = lifespans(graph)): YearDiff {
  if (from > to) throw new RangeError(`from (${from}) must not be after to (${to})`);
  const before = snapshot(graph, spans, from);
  const after = snapshot(graph, spans, to);
  const { kind } = graph.columns.nodes;

  const nodeChange = (i: number, datedBy: Dating | null): NodeChange => ({
    id: graph.ids[i],
    label: nodeLabel(graph, i),
    kind: kind[i],
    datedBy: datedBy!,
  });
  const nodes = positionsById(graph, (i) => before.nodes[i] !== after.nodes[i]);
  const appearedNodes = nodes.filter((i) => after.nodes[i]).map((i) => nodeChange(i, nodeStart(graph, spans, i)));
  const goneNodes = nodes.filter((i) => before.nodes[i]).map((i) => nodeChange(i, nodeEnd(graph, spans, i)));

  const e = graph.columns.edges;
  const appeared: TieChange[] = [];
  const ended: TieChange[] = [];
  for (let j = 0; j < e.type.length; j++) {
    if (before.edges[j] === after.edges[j]) continue;
    const change = {
      id: edgeId(graph, j),
      type: e.type[j],
      source: e.source[j],
      target: e.target[j],
      role: e.role[j] ?? null,
      // On the map for an interval of years: it appeared when its latest start came, ended with its earliest end.
      datedBy: (after.edges[j] ? tieStart(graph, spans, j) : tieEnd(graph, spans, j))!,
    };
    (after.edges[j] ? appeared : ended).push(change);
  }
  const byId = (a: TieChange, b: TieChange) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  appeared.sort(byId);
  ended.sort(byId);

  const coalitions = new Map<string, CoalitionChange>();
  const coalition = (id: string) => {
    let entry = coalitions.get(id);
    if (!entry) coalitions.set(id, (entry = { id, label: nodeLabel(graph, graph.index.get(id)!), joined: [], left: [] }));
    return entry;
  };
  for (const change of appeared) if (tieSemantics(change.type).membership) coalition(change.target).joined.push(change);
  for (const change of ended) if (tieSemantics(change.type).membership) coalition(change.target).left.push(change);
  const size = (c: CoalitionChange) => c.joined.length + c.left.length;

  return {
    from,
    to,
    nodes: { appeared: appearedNodes, gone: goneNodes },
    ties: { appeared, ended },
    coalitions: [...coalitions.values()].sort((a, b) => size(b) - size(a) || (a.id < b.id ? -1 : 1)),
  };
}

export interface NodeMetricChange {
  id: string;
  label: string;
  /** Null when the node is not on the map that year. */
  from: NodeMetricValues | null;
  to: NodeMetricValues | null;
  /**
   * Of the nodes on the map in both years, how many of the node's community in `from` are still
   * with it in `to`, as a share of both communities together (Jaccard; 1 = the same company).
   */
  communityContinuity: number | null;
  /** Its `to` community is matched to a different `from` community than the one it was in. */
  changedCommunity: boolean | null;
}

/** Per node (in id order), its metrics in both years and how its community changed. */
export function metricChanges(graph: ColumnGraph, from: GraphMetrics, to: GraphMetrics): NodeMetricChange[] {
  const positions = positionsById(graph, (i) => from.nodes.has(graph.ids[i]) || to.nodes.has(graph.ids[i]));
  // Contingency of communities over the nodes in both years: overlap[f][t], and each side's size.
  const overlap = new Map<number, Map<number, number>>();
  const sizeFrom = new Map<number, number>();
  const sizeTo = new Map<number, number>();
  for (const i of positions) {
    const a = from.nodes.get(graph.ids[i]);
    const b = to.nodes.get(graph.ids[i]);
    if (!a || !b) continue;
    const row = overlap.get(a.community) ?? new Map<number, number>();
    overlap.set(a.community, row.set(b.community, (row.get(b.community) ?? 0) + 1));
    sizeFrom.set(a.community, (sizeFrom.get(a.community) ?? 0) + 1);
    sizeTo.set(b.community, (sizeTo.get(b.community) ?? 0) + 1);
  }
  // Each `to` community's best match: the `from` community it shares most nodes with (ties: lower number).
  const match = new Map<number, { community: number; shared: number }>();
  for (const [f, row] of overlap) {
    for (const [t, shared] of row) {
      const best = match.get(t);
      if (!best || shared > best.shared || (shared === best.shared && f < best.community)) match.set(t, { community: f, shared });
    }
  }
  return positions.map((i) => {
    const id = graph.ids[i];
    const a = from.nodes.get(id) ?? null;
    const b = to.nodes.get(id) ?? null;
    let communityContinuity: number | null = null;
    let changedCommunity: boolean | null = null;
    if (a && b) {
      const shared = overlap.get(a.community)!.get(b.community)!;
      communityContinuity = shared / (sizeFrom.get(a.community)! + sizeTo.get(b.community)! - shared);
      changedCommunity = match.get(b.community)!.community !== a.community;
    }
    return { id, label: nodeLabel(graph, i), from: a, to: b, communityContinuity, changedCommunity };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence on a diff (and, when given, the node whose PageRank rose most), for people and screen readers. */
export function yearDiffSummary(diff: YearDiff, changes: readonly NodeMetricChange[] = []): string {
  const organisations = diff.nodes.appeared.filter((n) => n.kind === "ORGANISATION").length;
  const joined = diff.coalitions.reduce((sum, c) => sum + c.joined.length, 0);
  const left = diff.coalitions.reduce((sum, c) => sum + c.left.length, 0);
  const parts = [
    `${plural(organisations, "organisation")} appeared`,
    `${plural(joined, "membership")} began and ${left} ended`,
    `${plural(diff.ties.appeared.length, "tie")} appeared and ${diff.ties.ended.length} ended`,
  ];
  let sentence = `Between ${diff.from} and ${diff.to}, ${parts.join("; ")}.`;
  const gain = (c: CoalitionChange) => c.joined.length - c.left.length;
  const top = diff.coalitions.filter((c) => gain(c) > 0).sort((a, b) => gain(b) - gain(a) || (a.id < b.id ? -1 : 1))[0];
  if (top) sentence += ` ${top.label} gained most members (+${gain(top)}).`;
  const riser = [...changes]
    .filter((c) => c.from && c.to && c.to.pagerank > c.from.pagerank)
    .sort((a, b) => b.to!.pagerank - b.from!.pagerank - (a.to!.pagerank - a.from!.pagerank) || (a.id < b.id ? -1 : 1))[0];
  if (riser) sentence += ` ${riser.label} rose most in PageRank.`;
  return sentence;
}
