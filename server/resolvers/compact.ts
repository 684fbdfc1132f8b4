/**
 * CompactSubgraph: the columnar encoding of a (grouped) subgraph. Node i is the i-th entry of every
 * node column; edges point at nodes by index. Built from the lean `networkCompact` rows.
 */
import { groupByMembership, type NodeGroup } from "../analytics/grouping.js";
import { edgesAmong, type Grouping } from "./subgraph.js";

export interface CompactNodeRow {
  id: string;
  name: string;
  label: string;
  kind: string;
  type: string | null;
  sector: string | null;
  region: string | null;
  activeFrom: number | null;
  activeTo: number | null;
}

export interface CompactEdgeRow {
  id: string;
  type: string;
  source: string;
  target: string;
  activeFrom: number | null;
  activeTo: number | null;
}

export interface CompactSubgraph {
  ids: string[];
  names: string[];
  labels: string[];
  kinds: string[];
  types: (string | null)[];
  sectors: (string | null)[];
  regions: (string | null)[];
  activeFrom: (number | null)[];
  activeTo: (number | null)[];
  sources: number[];
  targets: number[];
  edgeIds: string[];
  edgeTypes: string[];
  edgeActiveFrom: (number | null)[];
  edgeActiveTo: (number | null)[];
  edgeWeights: number[];
  groups: NodeGroup[];
}

/** The columns the `networkCompact` query returns (one list per field). */
export interface CompactColumns {
  ids: string[];
  names: string[];
  labels: string[];
  kinds: string[];
  types: (string | null)[];
  sectors: (string | null)[];
  regions: (string | null)[];
  activeFrom: (number | null)[];
  activeTo: (number | null)[];
  edgeIds: string[];
  edgeTypes: string[];
  edgeSources: string[];
  edgeTargets: string[];
  edgeSpans: [number | null, number | null][];
}

export function rowsOfColumns(c: CompactColumns): { nodes: CompactNodeRow[]; edges: CompactEdgeRow[] } {
  return {
    nodes: c.ids.map((id, i) => ({
      id,
      name: c.names[i],
      label: c.labels[i],
      kind: c.kinds[i],
      type: c.types[i],
      sector: c.sectors[i],
      region: c.regions[i],
      activeFrom: c.activeFrom[i],
      activeTo: c.activeTo[i],
    })),
    edges: c.edgeIds.map((id, j) => ({
      id,
      type: c.edgeTypes[j],
      source: c.edgeSources[j],
      target: c.edgeTargets[j],
      activeFrom: c.edgeSpans[j][0],
      activeTo: c.edgeSpans[j][1],
    })),
  };
}

interface WeightedEdgeRow extends CompactEdgeRow {
  weight: number;
}

const spanFrom = (values: (number | null)[]) => (values.some((v) => v == null) ? null : Math.min(...(values as number[])));
const spanTo = (values: (number | null)[]) => (values.some((v) => v == null) ? null : Math.max(...(values as number[])));

export function toCompact(nodes: CompactNodeRow[], rawEdges: CompactEdgeRow[], groupBy: Grouping): CompactSubgraph {
  let edges: WeightedEdgeRow[];
  let groups: NodeGroup[] = [];
  const kept = edgesAmong(nodes, rawEdges);
  if (groupBy === "MEMBERSHIP") {
    const grouped = groupByMembership(nodes, kept);
    nodes = grouped.nodes;
    groups = grouped.groups;
    edges = grouped.edges.map((e) => ({
      id: e.id,
      type: e.type,
      source: e.source,
      target: e.target,
      activeFrom: spanFrom(e.parts.map((p) => p.activeFrom)),
      activeTo: spanTo(e.parts.map((p) => p.activeTo)),
      weight: e.weight,
    }));
  } else {
    edges = kept.map((e) => ({ ...e, weight: 1 }));
  }
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const column = <T>(pick: (n: CompactNodeRow) => T) => nodes.map(pick);
  return {
    ids: column((n) => n.id),
    names: column((n) => n.name),
    labels: column((n) => n.label),
    kinds: column((n) => n.kind),
    types: column((n) => n.type ?? null),
    sectors: column((n) => n.sector ?? null),
    regions: column((n) => n.region ?? null),
    activeFrom: column((n) => n.activeFrom ?? null),
    activeTo: column((n) => n.activeTo ?? null),
    sources: edges.map((e) => index.get(e.source)!),
    targets: edges.map((e) => index.get(e.target)!),
    edgeIds: edges.map((e) => e.id),
    edgeTypes: edges.map((e) => e.type),
    edgeActiveFrom: edges.map((e) => e.activeFrom ?? null),
    edgeActiveTo: edges.map((e) => e.activeTo ?? null),
    edgeWeights: edges.map((e) => e.weight),
    groups,
  };
}
