/**
 * The encoder of the compact wire format (core/wire.ts, CompactSubgraph) for a (grouped) subgraph,
 * built from the `networkCompact` rows or, ungrouped, straight from the `networkColumns` read without
 * an object per node or edge. Values are the vocabulary's (the loader checked them before they
 * reached Neo4j), hence the casts from the columns' plain strings.
 */
import type { NodeKind, OrganisationType, Region, RelationshipType, Sector } from "../../core/vocabulary.js";
import type { AtlasNode, CompactSubgraph } from "../../core/wire.js";
import { groupByMembership } from "../analytics/grouping.js";
import { edgeIdsOfColumns, type SubgraphColumns } from "./columns.js";
import { edgesAmong, type Grouping } from "./subgraph.js";

/** A node row is the wire format's node (core/wire.ts), before it is split into columns. */
export type CompactNodeRow = AtlasNode;

export interface CompactEdgeRow {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  role: string | null;
  activeFrom: number | null;
  activeTo: number | null;
}

/** Short display label: acronym or short name when there is one, else the name. */
const labelOf = (acronym: unknown, shortName: unknown, name: string) => (acronym as string | null) ?? (shortName as string | null) ?? name;

export type { CompactSubgraph };

/** Node and edge rows of the columns; edges keep only those whose both ends are among the nodes. */
export function compactRowsOfColumns(c: SubgraphColumns): { nodes: CompactNodeRow[]; edges: CompactEdgeRow[] } {
  const n = c.nodes;
  const e = c.edges;
  const ids = edgeIdsOfColumns(e);
  const nodes = n.id.map((id, i) => ({
    id,
    name: n.name[i],
    label: labelOf(n.acronym[i], n.shortName[i], n.name[i]),
    kind: n.kind[i] as NodeKind,
    type: (n.type[i] as OrganisationType | null) ?? null,
    sector: (n.sector[i] as Sector | null) ?? null,
    region: (n.region[i] as Region | null) ?? null,
    activeFrom: (n.activeFrom[i] as number | null) ?? null,
    activeTo: (n.activeTo[i] as number | null) ?? null,
  }));
  const edges = ids.map((id, j) => ({
    id,
    type: e.type[j] as RelationshipType,
    source: e.source[j],
    target: e.target[j],
    role: e.role[j] ?? null,
    activeFrom: (e.activeFrom[j] as number | null) ?? null,
    activeTo: (e.activeTo[j] as number | null) ?? null,
  }));
  return { nodes, edges: edgesAmong(nodes, edges) };
}

/**
 * A column with `undefined` read as null; the column itself when it holds none, so that a column an
 * edit left unchanged stays the same array here too (column-answers.ts remembers its JSON per array).
 */
function orNulls<T>(values: readonly unknown[]): (T | null)[] {
  return (values.includes(undefined) ? values.map((v) => v ?? null) : values) as (T | null)[];
}

/** The ungrouped encoding, column to column: no object per node or edge. */
function plainCompact(c: SubgraphColumns): CompactSubgraph {
  const n = c.nodes;
  const e = c.edges;
  const index = new Map<string, number>();
  n.id.forEach((id, i) => index.set(id, i));
  const ids = edgeIdsOfColumns(e);
  // One pass: the edges whose two ends are among the nodes, and those ends' node indices.
  const kept: number[] = [];
  const sources: number[] = [];
  const targets: number[] = [];
  for (let j = 0; j < ids.length; j++) {
    const source = index.get(e.source[j]);
    const target = index.get(e.target[j]);
    if (source === undefined || target === undefined) continue;
    kept.push(j);
    sources.push(source);
    targets.push(target);
  }
  // Every edge kept (the whole graph: no end filtered out): the edge columns serve as they are.
  const all = kept.length === ids.length;
  const edgeColumn = <T>(column: readonly unknown[]) => (all ? orNulls<T>(column) : kept.map((j) => (column[j] ?? null) as T | null));
  return {
    ids: n.id,
    names: n.name,
    labels: n.id.map((_, i) => labelOf(n.acronym[i], n.shortName[i], n.name[i])),
    kinds: n.kind as NodeKind[],
    types: orNulls<OrganisationType>(n.type),
    sectors: orNulls<Sector>(n.sector),
    regions: orNulls<Region>(n.region),
    activeFrom: orNulls<number>(n.activeFrom),
    activeTo: orNulls<number>(n.activeTo),
    sources,
    targets,
    edgeIds: all ? ids : kept.map((j) => ids[j]),
    edgeTypes: (all ? e.type : kept.map((j) => e.type[j])) as RelationshipType[],
    edgeRoles: edgeColumn<string>(e.role),
    edgeActiveFrom: edgeColumn<number>(e.activeFrom),
    edgeActiveTo: edgeColumn<number>(e.activeTo),
    edgeWeights: kept.map(() => 1),
    groups: [],
  };
}

const spanFrom = (values: (number | null)[]) => (values.some((v) => v == null) ? null : Math.min(...(values as number[])));
const spanTo = (values: (number | null)[]) => (values.some((v) => v == null) ? null : Math.max(...(values as number[])));
const shared = (values: (string | null)[]) => (values.every((v) => v === values[0]) ? values[0] : null);

/** The grouped encoding: networks and federations stand for their members. */
export function groupedCompact(nodes: CompactNodeRow[], edges: CompactEdgeRow[]): CompactSubgraph {
  const grouped = groupByMembership(nodes, edges);
  const index = new Map(grouped.nodes.map((n, i) => [n.id, i]));
  const column = <T>(pick: (n: CompactNodeRow) => T) => grouped.nodes.map(pick);
  const merged = grouped.edges;
  return {
    ids: column((n) => n.id),
    names: column((n) => n.name),
    labels: column((n) => n.label),
    kinds: column((n) => n.kind),
    types: column((n) => n.type),
    sectors: column((n) => n.sector),
    regions: column((n) => n.region),
    activeFrom: column((n) => n.activeFrom),
    activeTo: column((n) => n.activeTo),
    sources: merged.map((e) => index.get(e.source)!),
    targets: merged.map((e) => index.get(e.target)!),
    edgeIds: merged.map((e) => e.id),
    // An aggregated edge stands for relationships of one type, its parts'.
    edgeTypes: merged.map((e) => e.type as RelationshipType),
    edgeRoles: merged.map((e) => shared(e.parts.map((p) => p.role))),
    edgeActiveFrom: merged.map((e) => spanFrom(e.parts.map((p) => p.activeFrom))),
    edgeActiveTo: merged.map((e) => spanTo(e.parts.map((p) => p.activeTo))),
    edgeWeights: merged.map((e) => e.weight),
    groups: grouped.groups,
  };
}

export function compactOfColumns(columns: SubgraphColumns, groupBy: Grouping): CompactSubgraph {
  if (groupBy === "NONE") return plainCompact(columns);
  const { nodes, edges } = compactRowsOfColumns(columns);
  return groupedCompact(nodes, edges);
}
