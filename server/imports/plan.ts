/**
 * The write of a reviewed import, as one operation of the write layer (`importRecords`): inside one
 * transaction it creates the import's sources, adds new nodes, folds incoming names and citations
 * into matched nodes (their existing facts stay unless the person chose to overwrite a field, which
 * the preview showed as a diff), and adds or cites ties. Every record is validated by data/'s schema
 * through the write layer's own row builders; the whole import is one Change, reverted as one, and a
 * contributor's import is one proposal (its input is this plan's input, planned again on acceptance).
 */
import type { GraphQLError } from "graphql";

import type { NodeKind } from "../../core/vocabulary.js";
import type { Viewer } from "../auth/viewer.js";
import type { TxRunner } from "../db/database.js";
import { apiError, badInput, notFound } from "../graphql/errors.js";
import type { Citation } from "../import/schema.js";
import { relationshipId } from "../import/validate.js";
import {
  canSee,
  conflict,
  nodeRecordOf,
  nodeRowFrom,
  relationshipRecordOf,
  relationshipRowFrom,
  requireVisibilityAllowed,
  sourceRowFrom,
  versionOf,
} from "../write/records.js";
import { lockNodes, lockRelationships, lockSources } from "../write/store.js";
import type { Plan, RecordWrite, StoredNode, StoredRecord } from "../write/types.js";
import { foldName } from "./rows.js";

export interface ImportSourceInput {
  id: string;
  title: string;
  url: string;
  publisher?: string;
  date?: string;
}

export interface ImportNodeInput {
  /** Where in the file, e.g. "coalition.csv › elements › row 4", for errors. */
  at: string;
  id: string;
  kind: NodeKind;
  /** data/ fields from the file (no id, no citations). */
  fields: Record<string, unknown>;
  citation: Citation;
  /** A node of the atlas this row is: its version when previewed, and the fields to overwrite. */
  match: { version: number; overwrite: string[] } | null;
}

export interface ImportTieInput {
  at: string;
  type: string;
  source: string;
  target: string;
  fields: Record<string, unknown>;
  citation: Citation;
}

export interface ImportInput {
  file: string;
  sources: ImportSourceInput[];
  nodes: ImportNodeInput[];
  ties: ImportTieInput[];
}

export interface FieldDiff {
  field: string;
  atlas: string | null;
  file: string;
  /** ADD: the atlas has no value and gains the file's; DIFFERENT: kept unless overwritten. */
  action: "ADD" | "DIFFERENT";
}

const shown = (value: unknown) => (Array.isArray(value) ? value.join(" | ") : String(value));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Fields a match never takes from the file: the name becomes an alias, visibility stays the atlas's. */
const NOT_COPIED = new Set(["name", "aliases", "visibility"]);

/** What the file would change on a matched record, field by field. */
export function differences(record: Record<string, unknown>, fields: Record<string, unknown>): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (NOT_COPIED.has(field) || value === undefined) continue;
    if (record[field] === undefined) diffs.push({ field, atlas: null, file: shown(value), action: "ADD" });
    else if (!same(record[field], value)) diffs.push({ field, atlas: shown(record[field]), file: shown(value), action: "DIFFERENT" });
  }
  return diffs;
}

const citationKey = (c: Citation) => `${c.source}\u0000${c.locator}\u0000${c.evidence}`;
function withCitation(list: unknown, citation: Citation): Citation[] {
  const citations = (list as Citation[] | undefined) ?? [];
  return citations.some((c) => citationKey(c) === citationKey(citation)) ? citations : [...citations, citation];
}

/** A matched record with the file's row folded in: new names as aliases, absent fields filled, chosen ones overwritten. */
export function foldInto(record: Record<string, unknown>, node: ImportNodeInput): Record<string, unknown> {
  const next = { ...record };
  for (const diff of differences(record, node.fields))
    if (diff.action === "ADD" || node.match?.overwrite.includes(diff.field)) next[diff.field] = node.fields[diff.field];
  const known = new Set([record.name, ...((record.aliases as string[] | undefined) ?? [])].map((n) => foldName(String(n))));
  const aliases = [...((record.aliases as string[] | undefined) ?? [])];
  for (const name of [node.fields.name, ...((node.fields.aliases as string[] | undefined) ?? [])]) {
    if (typeof name !== "string" || known.has(foldName(name))) continue;
    known.add(foldName(name));
    aliases.push(name);
  }
  if (aliases.length) next.aliases = aliases;
  next.citations = withCitation(record.citations, node.citation);
  return next;
}

/** Runs a row builder, naming the file's row in the error it throws. */
function atRow<T>(at: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    const e = error as GraphQLError;
    if (e.extensions?.code !== "BAD_USER_INPUT") throw error;
    throw apiError("BAD_USER_INPUT", `${at}: ${e.message}`, { ...e.extensions, at });
  }
}

export async function planImport(run: TxRunner, input: ImportInput, viewer: Viewer): Promise<Plan> {
  const records: RecordWrite[] = [];

  const sources = await lockSources(
    run,
    input.sources.map((s) => s.id),
  );
  const sourceIds = new Set(sources.keys());
  const newSources = input.sources.filter((s) => !sources.has(s.id));
  const clash = await lockNodes(
    run,
    newSources.map((s) => s.id),
  );
  for (const source of newSources) {
    if (clash.has(source.id)) throw badInput("source", `id '${source.id}' is already taken by a node`);
    const after = atRow(`source '${source.title}'`, () => sourceRowFrom({ ...source, description: source.title }));
    records.push({ kind: "source", id: after.id, before: null, after });
    sourceIds.add(source.id);
  }
  const cited = [...new Set([...input.nodes, ...input.ties].map((r) => r.citation.source))].filter((id) => !sourceIds.has(id));
  for (const id of cited) if (!(await lockSources(run, [id])).size) throw badInput("source", `cites unknown source '${id}'`);

  // Nodes: new ones and matched ones; a node named by several rows takes each row in turn.
  const ends = [...input.ties.flatMap((t) => [t.source, t.target])];
  const locked = await lockNodes(run, [...input.nodes.map((n) => n.id), ...ends]);
  const state = new Map<string, { kind: NodeKind; before: StoredNode | null; after: StoredNode }>();
  for (const node of input.nodes) {
    const current = state.get(node.id);
    if (current) {
      // Another row of the file names the same record (a duplicate, or two rows matched to one node).
      const { record } = nodeRecordOf(current.after);
      state.set(node.id, { ...current, after: atRow(node.at, () => nodeRowFrom(current.kind, foldInto(record, node))) });
    } else if (node.match) {
      const before = locked.get(node.id) ?? null;
      if (!before || !canSee(viewer, before)) throw notFound(`node (${node.at})`, node.id);
      if (versionOf(before) !== node.match.version) throw conflict(`Node (${node.at})`, node.id, versionOf(before), node.match.version);
      const { kind, record } = nodeRecordOf(before);
      state.set(node.id, { kind, before, after: atRow(node.at, () => nodeRowFrom(kind, foldInto(record, node))) });
    } else {
      if (locked.has(node.id)) throw badInput("id", `${node.at}: '${node.id}' is already taken`);
      const after = atRow(node.at, () => nodeRowFrom(node.kind, { ...node.fields, id: node.id, citations: [node.citation] }));
      requireVisibilityAllowed(viewer, after);
      state.set(node.id, { kind: node.kind, before: null, after });
    }
  }
  for (const [id, { before, after }] of state) {
    // Re-importing a file already imported changes nothing: no write for an unchanged record.
    if (before && same(nodeRecordOf(before), nodeRecordOf(after))) continue;
    records.push({ kind: "node", id, before, after });
  }

  const kindOf = (id: string): NodeKind | undefined => {
    const own = state.get(id);
    if (own) return own.kind;
    const node = locked.get(id);
    return node && canSee(viewer, node) ? (node.props.kind as NodeKind) : undefined;
  };
  const tieIds = input.ties.map((t) =>
    relationshipId({ type: t.type, source: t.source, target: t.target, role: t.fields.role as string | undefined }),
  );
  // Only a tie between two nodes the atlas holds can exist already; ties to new nodes are not looked up.
  const existing = await lockRelationships(
    run,
    tieIds.filter((_, i) => locked.has(input.ties[i].source) && locked.has(input.ties[i].target)),
  );
  const ties = new Map<string, { before: StoredRecord | null; record: Record<string, unknown>; at: string }>();
  input.ties.forEach((tie, i) => {
    const id = tieIds[i];
    const earlier = ties.get(id);
    const before = existing.get(id) ?? null;
    if (before && !canSee(viewer, before))
      throw apiError("FORBIDDEN", `${tie.at}: the atlas has this tie hidden from you; ask an editor to import it.`);
    let record: Record<string, unknown>;
    if (earlier || before) {
      record = earlier?.record ?? relationshipRecordOf(before as never);
      for (const [field, value] of Object.entries(tie.fields))
        if (record[field] === undefined && field !== "visibility") record[field] = value;
      record = { ...record, citations: withCitation(record.citations, tie.citation) };
    } else {
      record = { type: tie.type, source: tie.source, target: tie.target, ...tie.fields, citations: [tie.citation] };
    }
    ties.set(id, { before: earlier?.before ?? before, record, at: earlier?.at ?? tie.at });
  });
  for (const [id, { before, record, at }] of ties) {
    const after = atRow(at, () => relationshipRowFrom(record, kindOf, id));
    if (before && same(relationshipRecordOf(before as never), relationshipRecordOf(after))) continue;
    if (!before) requireVisibilityAllowed(viewer, after);
    records.push({ kind: "relationship", id, before, after });
  }
  if (!records.length) throw badInput("previewId", "changes nothing: the atlas already holds everything in this file");
  return { records };
}

export const importSummary = (input: ImportInput) =>
  `import '${input.file}': ${input.nodes.length} node row${input.nodes.length === 1 ? "" : "s"}, ${input.ties.length} tie${input.ties.length === 1 ? "" : "s"}`;
