/**
 * The read model's columns (`networkColumns`: the filtered graph's nodes, and the relationships
 * leaving them) indexed for the analyses in this folder. A relationship whose other end is not among
 * the nodes has that end at -1: the filter hid it, so no analysis may count it. Pure.
 */
import { edgeIdOf, type SubgraphColumns } from "../read/columns.js";

export interface ColumnGraph {
  columns: SubgraphColumns;
  /** Node ids in column order, and the position of each. */
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  /** Ends of relationship j as node positions; -1 when that end is not among the nodes. */
  source: Int32Array;
  target: Int32Array;
}

export function indexColumns(columns: SubgraphColumns): ColumnGraph {
  const ids = columns.nodes.id;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const m = columns.edges.type.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    source[j] = index.get(columns.edges.source[j]) ?? -1;
    target[j] = index.get(columns.edges.target[j]) ?? -1;
  }
  return { columns, ids, index, source, target };
}

/** True when both ends of relationship j are among the nodes, and they are two different nodes. */
export const isTie = (graph: ColumnGraph, j: number) => graph.source[j] >= 0 && graph.target[j] >= 0 && graph.source[j] !== graph.target[j];

/** Short display label of node i: acronym or short name when there is one, else the name. */
export function nodeLabel(graph: ColumnGraph, i: number): string {
  const { acronym, shortName, name } = graph.columns.nodes;
  return (acronym[i] as string | null) ?? (shortName[i] as string | null) ?? name[i];
}

/** The stored id of relationship j (`type:source:target[:role]`, as the loader writes it). */
export function edgeId(graph: ColumnGraph, j: number): string {
  const e = graph.columns.edges;
  return e.id?.[j] ?? edgeIdOf(e.type[j], e.source[j], e.target[j], e.role[j]);
}

/** Node positions ordered by id, for results that must not depend on the order the database returned. */
export function positionsById(graph: ColumnGraph, keep: (i: number) => boolean = () => true): number[] {
  const out: number[] = [];
  for (let i = 0; i < graph.ids.length; i++) if (keep(i)) out.push(i);
  return out.sort((a, b) => (graph.ids[a] < graph.ids[b] ? -1 : graph.ids[a] > graph.ids[b] ? 1 : 0));
}
