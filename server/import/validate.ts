/**
 * Validates a dataset read from data/: the zod shape of every record, then the rules that span
 * records. Every problem names the file, the record and the field, so a data editor can fix it
 * without reading code. Nothing is loaded unless the whole dataset passes.
 */
import type { z } from "zod";

import { REGION_OF_COUNTRY } from "./regions.js";
import { DATA_FILES, type DataFileKey, type Dataset, type RelationshipRecord } from "./schema.js";
import { type NodeKind, RELATIONSHIP_TYPES, type RelationshipType } from "../../core/vocabulary.js";

export interface DataProblem {
  file: string;
  /** The record's id (or `#index` when it has none). */
  record: string;
  field: string;
  message: string;
}

export class DataValidationError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(
      `invalid data (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "DataValidationError";
  }
}

export function formatProblem(p: DataProblem): string {
  return `${p.file} › ${p.record} › ${p.field}: ${p.message}`;
}

/** Stable relationship id: type, endpoints and role, so reloading never duplicates a tie. */
export function relationshipId(r: Pick<RelationshipRecord, "type" | "source" | "target" | "role">): string {
  return [r.type.toLowerCase(), r.source, r.target, r.role?.toLowerCase()].filter(Boolean).join(":");
}

const NODE_FILES = {
  organisations: "ORGANISATION",
  forums: "FORUM",
  campaigns: "CAMPAIGN",
  instruments: "INSTRUMENT",
  people: "PERSON",
  issues: "ISSUE",
} as const satisfies Partial<Record<DataFileKey, NodeKind>>;

function recordLabel(raw: unknown, index: number): string {
  if (raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string") return raw.id;
  if (raw && typeof raw === "object" && "type" in raw && "source" in raw && "target" in raw) {
    const r = raw as Record<string, unknown>;
    return `#${index} (${String(r.type)} ${String(r.source)} → ${String(r.target)})`;
  }
  return `#${index}`;
}

/** Parses the raw JSON of each file with its zod schema, collecting every problem rather than the first. */
export function parseDataset(raw: Partial<Record<DataFileKey, unknown>>): Dataset {
  const problems: DataProblem[] = [];
  const parsed: Partial<Record<DataFileKey, unknown[]>> = {};
  for (const [key, { file, schema }] of Object.entries(DATA_FILES) as [DataFileKey, (typeof DATA_FILES)[DataFileKey]][]) {
    const content = raw[key] ?? [];
    if (!Array.isArray(content)) {
      problems.push({ file, record: "(file)", field: "(root)", message: "must be a JSON array of records" });
      continue;
    }
    parsed[key] = content.map((item, index) => {
      const result = (schema as z.ZodType).safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push({
            file,
            record: recordLabel(item, index),
            field: issue.path.join(".") || "(record)",
            message: issue.message,
          });
        }
      }
      return result.data;
    });
  }
  if (problems.length > 0) throw new DataValidationError(problems);
  const dataset = { ...parsed, stories: [] } as unknown as Dataset;
  const crossProblems = checkReferences(dataset);
  if (crossProblems.length > 0) throw new DataValidationError(crossProblems);
  return dataset;
}

/** Rules that span records: unique ids, known sources, endpoints that exist and fit the type. */
export function checkReferences(data: Dataset): DataProblem[] {
  const problems: DataProblem[] = [];
  const sourceIds = new Set<string>();
  for (const s of data.sources) {
    if (sourceIds.has(s.id)) problems.push({ file: "sources.json", record: s.id, field: "id", message: "duplicate id" });
    sourceIds.add(s.id);
  }

  const kindOf = new Map<string, NodeKind>();
  const checkCitations = (file: string, record: string, field: string, citations: { source: string }[]) => {
    citations.forEach((c, i) => {
      if (!sourceIds.has(c.source)) {
        problems.push({ file, record, field: `${field}.${i}.source`, message: `unknown source '${c.source}' (not in sources.json)` });
      }
    });
  };

  for (const [key, kind] of Object.entries(NODE_FILES) as [keyof typeof NODE_FILES, NodeKind][]) {
    const file = DATA_FILES[key].file;
    for (const node of data[key]) {
      const seen = kindOf.get(node.id);
      if (seen || sourceIds.has(node.id)) {
        problems.push({ file, record: node.id, field: "id", message: `duplicate id (already used by a ${seen ?? "SOURCE"})` });
      }
      kindOf.set(node.id, kind);
      checkCitations(file, node.id, "citations", node.citations);
      if ("figures" in node && node.figures) {
        node.figures.forEach((f, i) => checkCitations(file, node.id, `figures.${i}.citations`, f.citations));
      }
    }
  }
  for (const [key] of Object.entries(NODE_FILES) as [keyof typeof NODE_FILES, NodeKind][]) {
    const file = DATA_FILES[key].file;
    for (const node of data[key]) {
      for (const p of nodeRuleProblems(node)) problems.push({ file, record: node.id, ...p });
    }
  }

  const relationshipIds = new Set<string>();
  data.relationships.forEach((r, index) => {
    const file = "relationships.json";
    const record = `#${index} (${relationshipId(r)})`;
    const id = relationshipId(r);
    if (relationshipIds.has(id))
      problems.push({ file, record, field: "(record)", message: "duplicate relationship (same type, endpoints and role)" });
    relationshipIds.add(id);
    for (const p of relationshipRuleProblems(r, (nodeId) => kindOf.get(nodeId))) problems.push({ file, record, ...p });
    checkCitations(file, record, "citations", r.citations);
  });
  return problems;
}

/** A problem of one record, naming its field (the caller adds the file and record). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Rules of one node record beyond its zod shape: dates in order, a known country. Shared with the write layer. */
export function nodeRuleProblems(node: {
  id?: string;
  country?: string;
  founded?: number;
  dissolved?: number;
  start?: number;
  end?: number;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (node.founded !== undefined && node.dissolved !== undefined && node.dissolved < node.founded) {
    problems.push({ field: "dissolved", message: `is before founded (${node.founded})` });
  }
  if (node.country && !REGION_OF_COUNTRY.has(node.country)) {
    problems.push({
      field: "country",
      message: `unknown country code '${node.country}' (add it to server/import/regions.ts if it is a real ISO code)`,
    });
  }
  if (node.start !== undefined && node.end !== undefined && node.end < node.start) {
    problems.push({ field: "end", message: `is before start (${node.start})` });
  }
  return problems;
}

/**
 * Rules of one relationship beyond its zod shape: no self-loop, ends of kinds its type allows, a role
 * its type knows, years in order. `kindOf` answers the kind of a node id (undefined: no such node).
 * Shared with the write layer, so a tie added in the explorer obeys the rules of data/.
 */
export function relationshipRuleProblems(
  r: Pick<RelationshipRecord, "type" | "source" | "target" | "role" | "since" | "until">,
  kindOf: (id: string) => NodeKind | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const spec = RELATIONSHIP_TYPES[r.type as RelationshipType];
  if (r.source === r.target) problems.push({ field: "target", message: "self-loop: source and target are the same node" });
  for (const end of ["source", "target"] as const) {
    const kind = kindOf(r[end]);
    const allowed: readonly NodeKind[] = end === "source" ? spec.from : spec.to;
    if (!kind) problems.push({ field: end, message: `unknown node id '${r[end]}'` });
    else if (!allowed.includes(kind)) {
      problems.push({
        field: end,
        message: `${r.type} cannot ${end === "source" ? "start at" : "end at"} a ${kind} (allowed: ${allowed.join(", ")})`,
      });
    }
  }
  const roles: readonly string[] = spec.roles;
  if (r.role !== undefined && !roles.includes(r.role)) {
    problems.push({
      field: "role",
      message: roles.length ? `unknown role '${r.role}' for ${r.type} (allowed: ${roles.join(", ")})` : `${r.type} takes no role`,
    });
  }
  if (r.since !== undefined && r.until !== undefined && r.until < r.since) {
    problems.push({ field: "until", message: `is before since (${r.since})` });
  }
  return problems;
}
