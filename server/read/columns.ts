/**
 * Columnar rows of the subgraph queries (`networkColumns`, `neighbourhood`): one list per property,
 * entry i of every node column describing node i, entry j of every edge column describing edge j.
 * Decoded here into the lean node objects and edge objects the resolvers serve.
 */
import { relationshipId } from "../import/validate.js";
import { type EdgeProps, markLean, type NodeProps } from "./rows.js";

/** The short node properties every lean read returns (no descriptions, figures or citations). */
export const LEAN_NODE_FIELDS = [
  "id",
  "kind",
  "name",
  "aliases",
  "acronym",
  "shortName",
  "type",
  "sector",
  "scope",
  "country",
  "region",
  "founded",
  "dissolved",
  "series",
  "forumKind",
  "year",
  "start",
  "end",
  "instrumentKind",
  "adopted",
  "activeFrom",
  "activeTo",
] as const;
export type LeanNodeField = (typeof LEAN_NODE_FIELDS)[number];

/** The short relationship properties of lean reads (edge ids are rebuilt from type, ends and role). */
export const EDGE_COLUMN_FIELDS = ["type", "source", "target", "role", "since", "until", "year", "note", "activeFrom", "activeTo"] as const;
export type EdgeColumnField = (typeof EDGE_COLUMN_FIELDS)[number];

/** One list per field; the fields every row has (and the ones the server reads) typed. */
type Columns<K extends string, Typed> = Omit<Record<K, unknown[]>, keyof Typed> & Typed;
export type NodeColumns = Columns<LeanNodeField, { id: string[]; kind: string[]; name: string[] }>;
export type EdgeColumns = Columns<EdgeColumnField, { type: string[]; source: string[]; target: string[]; role: (string | null)[] }> & {
  /**
   * The rebuilt edge ids, kept once built (edgeIdsOfColumns): building 56k of them costs tens of
   * milliseconds at 10k organisations, and the incremental updates (cache/incremental.ts) carry them.
   */
  id?: string[];
};

export interface SubgraphColumns {
  nodes: NodeColumns;
  edges: EdgeColumns;
}

/** One empty list per field (Object.fromEntries cannot say which keys it made). */
const emptyColumns = <K extends string>(fields: readonly K[]) => Object.fromEntries(fields.map((f) => [f, []])) as Record<K, never[]>;

export const EMPTY_COLUMNS: SubgraphColumns = { nodes: emptyColumns(LEAN_NODE_FIELDS), edges: emptyColumns(EDGE_COLUMN_FIELDS) };

/** Node i of the columns as a lean node object (marked, so long fields are fetched on demand). */
export function nodeOfColumns(columns: NodeColumns, i: number): NodeProps {
  const node: Record<string, unknown> = {};
  for (const field of LEAN_NODE_FIELDS) node[field] = (columns[field] as unknown[])[i];
  return markLean(node as NodeProps);
}

/** Every node of the columns as a lean node object, in column order. */
export function nodesOfColumns(columns: NodeColumns): NodeProps[] {
  const nodes: NodeProps[] = new Array(columns.id.length);
  for (let i = 0; i < nodes.length; i++) nodes[i] = nodeOfColumns(columns, i);
  return nodes;
}

/** The id of one edge as the loader makes it. */
export const edgeIdOf = (type: string, source: string, target: string, role: string | null | undefined) =>
  relationshipId({ type, source, target, role: role ?? undefined });

/**
 * Edge ids, as the loader stores them: `type:source:target[:role]`, lower-cased type and role. Built
 * once per columns object and kept on it (a cached read model's columns never change otherwise).
 */
export function edgeIdsOfColumns(columns: EdgeColumns): string[] {
  return (columns.id ??= buildEdgeIds(columns));
}

function buildEdgeIds(columns: EdgeColumns): string[] {
  const ids: string[] = new Array(columns.type.length);
  for (let j = 0; j < ids.length; j++) ids[j] = edgeIdOf(columns.type[j], columns.source[j], columns.target[j], columns.role[j]);
  return ids;
}

/** Edge j of the columns as an edge object with its short properties. */
export function edgeOfColumns(columns: EdgeColumns, j: number): EdgeProps {
  const edge: Record<string, unknown> = {
    id: columns.id?.[j] ?? edgeIdOf(columns.type[j], columns.source[j], columns.target[j], columns.role[j]),
  };
  for (const field of EDGE_COLUMN_FIELDS) edge[field] = (columns[field] as unknown[])[j];
  return edge as EdgeProps;
}

/** Edge objects with their short properties, in column order. */
export function edgesOfColumns(columns: EdgeColumns): EdgeProps[] {
  const edges: EdgeProps[] = new Array(columns.type.length);
  for (let j = 0; j < edges.length; j++) edges[j] = edgeOfColumns(columns, j);
  return edges;
}
