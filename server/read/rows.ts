/**
 * Shapes of the rows the named Cypher queries return (property maps of nodes and relationships as
 * stored by server/import/to-graph.ts), and the helpers that turn stored citations back into objects.
 */
import type { NodeKind } from "../../core/vocabulary.js";

/** Citations are stored as parallel lists because Neo4j properties cannot hold maps. */
interface StoredCitations {
  citationSources?: string[];
  locators?: string[];
  evidence?: string[];
}

export interface NodeProps extends StoredCitations {
  id: string;
  kind: NodeKind;
  name: string;
  aliases?: string[];
  figures?: string;
  [field: string]: unknown;
}

/**
 * Marks a node object that carries only the short properties (`LEAN_NODE_FIELDS` in columns.ts):
 * its long fields (description, citations, figures …) are then read through the nodes DataLoader
 * when a query asks for them, so whole-graph reads never pay for texts nobody selected.
 */
const LEAN = Symbol("lean node");

export function markLean<T extends object>(node: T): T {
  (node as { [LEAN]?: true })[LEAN] = true;
  return node;
}

export function isLean(node: object): boolean {
  return (node as { [LEAN]?: true })[LEAN] === true;
}

export interface RelationshipProps extends StoredCitations {
  id: string;
  type: string;
  role?: string;
  since?: number;
  until?: number;
  year?: number;
  note?: string;
  [field: string]: unknown;
}

/** A relationship in a subgraph: its props plus the ids of both ends. */
export interface EdgeProps extends RelationshipProps {
  source: string;
  target: string;
}

export interface RelationshipRow {
  relationship: RelationshipProps & { direction: "OUT" | "IN" };
  other: NodeProps;
}

export interface SourceProps {
  id: string;
  title: string;
  authors: string[];
  year?: number;
  publication?: string;
  description: string;
}

export interface CitationValue {
  sourceId: string;
  locator: string;
  evidence: string;
}

export function citationsOf(stored: StoredCitations): CitationValue[] {
  const sources = stored.citationSources ?? [];
  return sources.map((sourceId, i) => ({
    sourceId,
    locator: stored.locators?.[i] ?? "",
    evidence: stored.evidence?.[i] ?? "",
  }));
}
