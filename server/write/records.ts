/**
 * Stored properties ↔ the records of data/: a write turns the stored record back into its data/
 * shape, applies the input, validates it with the zod schema of data/ (one schema: the loader's), and
 * turns it into properties with the loader's own row builders. db:export uses the same conversion.
 */
import type { z } from "zod";

import { type Visibility, visibleLevels, VISIBILITIES } from "../../core/access.js";
import { LABEL_OF_KIND, type NodeKind } from "../../core/vocabulary.js";
import type { Viewer } from "../auth/viewer.js";
import { apiError, badInput } from "../graphql/errors.js";
import { REGION_OF_COUNTRY } from "../import/regions.js";
import {
  type Citation,
  campaignSchema,
  forumSchema,
  instrumentSchema,
  issueSchema,
  organisationSchema,
  personSchema,
  type RelationshipRecord,
  relationshipSchema,
  type SourceRecord,
  sourceSchema,
} from "../import/schema.js";
import { type NodeRecordOfKind, nodeRowOf, relationshipRowOf } from "../import/to-graph.js";
import { nodeRuleProblems, relationshipRuleProblems } from "../import/validate.js";
import type { Props, StoredNode, StoredRecord, StoredRelationship, StoredSource } from "./types.js";

/** Bookkeeping properties of the curation model; not part of a data/ record (except visibility). */
export const META_FIELDS = ["version", "origin", "userChanged", "bundledHash"] as const;

const NODE_SCHEMAS: Record<NodeKind, z.ZodType> = {
  ORGANISATION: organisationSchema,
  FORUM: forumSchema,
  CAMPAIGN: campaignSchema,
  INSTRUMENT: instrumentSchema,
  PERSON: personSchema,
  ISSUE: issueSchema,
};

/** The data/ field holding a forum's or instrument's kind is `kind`; stored (and in GraphQL) it is this. */
const KIND_FIELD: Partial<Record<NodeKind, string>> = { FORUM: "forumKind", INSTRUMENT: "instrumentKind" };

/** Properties computed from others when a row is built: never part of a record. */
const DERIVED = new Set(["kind", "activeFrom", "activeTo", "sources", "citationSources", "locators", "evidence", ...META_FIELDS]);

export function versionOf(record: StoredRecord | null): number {
  return Number(record?.props.version ?? 1);
}

export function visibilityOf(record: StoredRecord | null): Visibility {
  const value = record?.props.visibility;
  return typeof value === "string" && (VISIBILITIES as readonly string[]).includes(value) ? (value as Visibility) : "PUBLIC";
}

/** Whether the viewer may read the record; a hidden record is answered as missing (NOT_FOUND). */
export function canSee(viewer: Viewer | null, record: StoredRecord | null): boolean {
  return record !== null && visibleLevels(viewer?.role ?? null).includes(visibilityOf(record));
}

function citationsOf(props: Props): Citation[] {
  const sources = (props.citationSources as string[] | undefined) ?? [];
  const locators = (props.locators as string[] | undefined) ?? [];
  const evidence = (props.evidence as string[] | undefined) ?? [];
  return sources.map((source, i) => ({ source, locator: locators[i] ?? "", evidence: evidence[i] ?? "" }));
}

function withoutDerived(props: Props): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key, value]) => !DERIVED.has(key) && value !== null));
}

/** A stored node as the record of its data/ file (`kind` apart). */
export function nodeRecordOf(node: StoredNode): { kind: NodeKind; record: Record<string, unknown> } {
  const kind = node.props.kind as NodeKind;
  const record = withoutDerived(node.props);
  const kindField = KIND_FIELD[kind];
  if (kindField && kindField in record) {
    record.kind = record[kindField];
    delete record[kindField];
  }
  // A region the loader derived from the country is not part of the record (it follows the country).
  const derivedRegion = typeof record.country === "string" ? REGION_OF_COUNTRY.get(record.country) : undefined;
  if (kind === "FORUM" || record.region === derivedRegion) delete record.region;
  if (typeof record.figures === "string") record.figures = JSON.parse(record.figures);
  if (Array.isArray(record.aliases) && record.aliases.length === 0) delete record.aliases;
  record.citations = citationsOf(node.props);
  return { kind, record };
}

/** A stored relationship as its data/ record. */
export function relationshipRecordOf(r: StoredRelationship): Record<string, unknown> {
  const record = withoutDerived(r.props);
  delete record.id;
  return { type: r.type, source: r.source, target: r.target, ...record, citations: citationsOf(r.props) };
}

/** A stored source as its data/ record. */
export function sourceRecordOf(s: StoredSource): Record<string, unknown> {
  const record = withoutDerived(s.props);
  if (Array.isArray(record.authors) && record.authors.length === 0) delete record.authors;
  return record;
}

/** Applies GraphQL input fields to a record: null removes a field, absent leaves it. */
export function applyFields(record: Record<string, unknown>, fields: Record<string, unknown>, kind?: NodeKind): Record<string, unknown> {
  const next = { ...record };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const field = kind && KIND_FIELD[kind] === key ? "kind" : key;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** Parses with a data/ schema; the first problem becomes BAD_USER_INPUT naming the field (all are in extensions). */
function parse<T>(schema: z.ZodType, record: Record<string, unknown>, kind?: NodeKind): T {
  const result = schema.safeParse(record);
  if (result.success) return result.data as T;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (kind && path[0] === "kind" && KIND_FIELD[kind]) path[0] = KIND_FIELD[kind]!;
    if (issue.code === "unrecognized_keys")
      return { field: `fields.${issue.keys.join(", ")}`, message: `does not apply to a ${kind ?? "record"} of this kind` };
    return { field: `fields.${path.join(".") || "(record)"}`, message: issue.message };
  });
  throw fieldError(problems);
}

function fieldError(problems: { field: string; message: string }[]): Error {
  const [first] = problems;
  const error = badInput(first.field, first.message);
  error.extensions.problems = problems;
  return error;
}

/** Validates a node record by the rules of data/ and builds its stored row. */
export function nodeRowFrom(kind: NodeKind, record: Record<string, unknown>): StoredNode {
  const parsed = parse<NodeRecordOfKind[NodeKind]>(NODE_SCHEMAS[kind], record, kind);
  const problems = nodeRuleProblems(parsed).map((p) => ({ field: `fields.${p.field}`, message: p.message }));
  if (problems.length) throw fieldError(problems);
  const row = nodeRowOf(kind, parsed);
  return { kind: "node", id: row.id, label: LABEL_OF_KIND[kind], props: row.props };
}

/** Validates a relationship record by the rules of data/ (ends' kinds included) and builds its stored row. */
export function relationshipRowFrom(
  record: Record<string, unknown>,
  kindOf: (id: string) => NodeKind | undefined,
  id?: string,
): StoredRelationship {
  const parsed = parse<RelationshipRecord>(relationshipSchema, record);
  const problems = relationshipRuleProblems(parsed, kindOf).map((p) => ({
    field: p.field === "source" || p.field === "target" ? p.field : `fields.${p.field}`,
    message: p.message,
  }));
  if (problems.length) throw fieldError(problems);
  const row = relationshipRowOf(parsed, id);
  return { kind: "relationship", ...row };
}

/** Validates a source record by the rules of data/ and builds its stored row. */
export function sourceRowFrom(record: Record<string, unknown>): StoredSource {
  const parsed = parse<SourceRecord>(sourceSchema, record);
  const props = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as Props;
  return { kind: "source", id: parsed.id, props };
}

/** The citations of a record must name sources that exist. */
export function citedSources(record: Record<string, unknown>): string[] {
  return [...new Set(((record.citations as Citation[] | undefined) ?? []).map((c) => c.source))];
}

export function requireVisibilityAllowed(viewer: Viewer, record: StoredRecord): void {
  const level = visibilityOf(record);
  if (!visibleLevels(viewer.role).includes(level))
    throw badInput("fields.visibility", `cannot be ${level}: you could not read the record yourself`);
}

export function conflict(what: string, id: string, current: number, expected: number): Error {
  return apiError("CONFLICT", `${what} '${id}' is at version ${current}, not ${expected}: reload it and try again`, {
    id,
    currentVersion: current,
  });
}
