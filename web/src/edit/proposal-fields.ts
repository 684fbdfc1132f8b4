/**
 * What a proposal would write, field by field, read from its input (the mutation's input as JSON):
 * the reviewer sees the proposed values, and for an update the values they replace. Pure, so it
 * tests in Node; the current record is read by the Review panel.
 */
import type { NodeDetails } from "../api";
import { humanise } from "../graph";
import { citationLine, type TitleOf } from "./diff";

export interface ProposedField {
  field: string;
  /** The value now, for an update ("" when the record has none); undefined for other operations. */
  now?: string;
  proposed: string;
}

type Input = Record<string, unknown> & { fields?: Record<string, unknown> };

/** A citation as a write sends it (source id), or as the API answers it (source with its title). */
type CitationLike = { source: string | { id: string; title: string }; locator?: string; evidence?: string };

function citationText(c: CitationLike, titleOf: TitleOf): string {
  const source = typeof c.source === "string" ? c.source : c.source.id;
  const title = typeof c.source === "string" ? titleOf : () => (c.source as { title: string }).title;
  return citationLine(title, { source, locator: c.locator, evidence: c.evidence });
}

/** A value as a reviewer reads it: enum names humanised, lists joined, citations one per line. */
export function shown(field: string, value: unknown, titleOf: TitleOf): string {
  if (value === null) return "(removed)";
  if (value === undefined) return "";
  if (field === "citations" && Array.isArray(value)) return (value as CitationLike[]).map((c) => citationText(c, titleOf)).join("\n");
  if (Array.isArray(value)) return value.map((v) => shown(field, v, titleOf)).join(", ");
  if (typeof value === "string" && /^[A-Z][A-Z_]+$/.test(value)) return humanise(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** The record an update proposal changes: a node id, or a tie's id with its source node (ids are "type:source:target[:role]"). */
export function updatedRecord(operation: string, inputJson: string): { node: string; tie?: string } | null {
  const input = JSON.parse(inputJson) as Input;
  if (operation === "updateNode") return { node: String(input.id) };
  if (operation === "updateRelationship") return { node: String(input.id).split(":")[1] ?? "", tie: String(input.id) };
  return null;
}

/** The current value of each field of `record` (a node's details, or one of its ties). */
export function currentValues(node: NodeDetails, tie?: string): Record<string, unknown> | null {
  if (!tie) return node as unknown as Record<string, unknown>;
  return (node.relationships.find((r) => r.id === tie) as unknown as Record<string, unknown> | undefined) ?? null;
}

/** Input that is not a field of the record: the comment is shown apart, versions are for conflict checks. */
const BOOKKEEPING = new Set(["comment", "version", "keepVersion", "duplicateVersion"]);

/** The proposal's fields: the input's own (id, type, ends …) then its `fields`, bookkeeping left out. */
export function proposedFields(inputJson: string, titleOf: TitleOf, current?: Record<string, unknown> | null): ProposedField[] {
  const { fields = {}, ...rest } = JSON.parse(inputJson) as Input;
  const entries = [...Object.entries(rest).filter(([key]) => !BOOKKEEPING.has(key)), ...Object.entries(fields)];
  return entries.map(([field, value]) => ({
    field,
    proposed: shown(field, value, titleOf),
    ...(current !== undefined && field in fields ? { now: current ? shown(field, current[field] ?? undefined, titleOf) : "" } : {}),
  }));
}

/** Source ids a proposal cites (for their titles). */
export function proposalCites(inputJson: string): string[] {
  const { fields = {} } = JSON.parse(inputJson) as Input;
  const citations = fields.citations;
  return Array.isArray(citations) ? (citations as { source: string }[]).map((c) => c.source) : [];
}
