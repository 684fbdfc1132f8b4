/**
 * Mapped rows → drafts of records, with a problem for each cell that does not fit: values are mapped
 * onto the atlas's vocabulary tolerantly (case, accents, spaces, "Organization"), never invented —
 * a value that maps to nothing is reported with what is expected. Nothing touches the database here.
 */
import { VISIBILITIES } from "../../core/access.js";
import {
  FORUM_KINDS,
  FORUM_SERIES,
  INSTRUMENT_KINDS,
  NODE_KINDS,
  type NodeKind,
  ORGANISATION_TYPES,
  REGIONS,
  RELATIONSHIP_TYPE_NAMES,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  SCOPES,
  SECTORS,
  YEAR_RANGE,
} from "../../core/vocabulary.js";
import { nodeRuleProblems } from "../import/validate.js";
import type { ColumnMapping } from "./mapping.js";
import { MULTI_VALUE } from "./parse.js";
import type { ImportProblem, ParsedFile, Sheet, SheetRow } from "./types.js";

/** Where a draft came from, for problems and citations. */
export interface RowRef {
  sheet: string;
  row: number;
}

export interface ElementDraft {
  /** `sheet:row`, unique in the file. */
  key: string;
  at: RowRef;
  /** The row's id in the file (GEXF node id, an id column), which connections may name. */
  fileId: string | null;
  kind: NodeKind;
  /** data/ fields read from the row (no id, no citations). */
  record: Record<string, unknown>;
  source: string | null;
  locator: string | null;
  /** The column of each field, to name it in problems. */
  columns: Record<string, string>;
  /** Another row of the file naming the same organisation: this one is folded into it. */
  duplicateOf: string | null;
}

export interface ConnectionDraft {
  key: string;
  at: RowRef;
  type: RelationshipType;
  from: string;
  to: string;
  /** The ends' names when the file gives them beside ids (to match an id the atlas does not know by name). */
  fromName: string | null;
  toName: string | null;
  record: Record<string, unknown>;
  source: string | null;
  locator: string | null;
  columns: Record<string, string>;
}

export interface Drafts {
  elements: ElementDraft[];
  /** Element rows left out for their problems, by key with their names: connections to them are left out too. */
  failedElements: { key: string; fileId: string | null; names: string[] }[];
  connections: ConnectionDraft[];
  problems: ImportProblem[];
}

/** Text folded to compare names: case, accents, punctuation and spacing do not matter. */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A vocabulary value as written by a person ("Trade union", "trade-union", "Organization") in the atlas's spelling. */
function vocabularyKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .replace(/ORGANIZATION/g, "ORGANISATION");
}

const KIND_SYNONYMS: Record<string, NodeKind> = {
  ORG: "ORGANISATION",
  EVENT: "FORUM",
  MEETING: "FORUM",
  CONFERENCE: "FORUM",
  PEOPLE: "PERSON",
  INDIVIDUAL: "PERSON",
  TOPIC: "ISSUE",
  THEME: "ISSUE",
  CONVENTION: "INSTRUMENT",
  TREATY: "INSTRUMENT",
};

const TYPE_SYNONYMS: Record<string, RelationshipType> = {
  MEMBER: "MEMBER_OF",
  MEMBERSHIP: "MEMBER_OF",
  AFFILIATE: "AFFILIATED_WITH",
  AFFILIATION: "AFFILIATED_WITH",
  PARTNER: "PARTNERS_WITH",
  PARTNERSHIP: "PARTNERS_WITH",
  FUNDS: "SUPPORTS",
  FUNDING: "SUPPORTS",
  SUPPORT: "SUPPORTS",
  FOUNDED: "FOUNDED_BY",
  CAMPAIGN: "CAMPAIGNED_IN",
  PARTICIPANT: "APPEARED_AT",
  PARTICIPATED_IN: "APPEARED_AT",
};

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  const key = vocabularyKey(text);
  return values.find((v) => v === key);
}

const ENUMS: Record<string, readonly string[]> = {
  type: ORGANISATION_TYPES,
  sector: SECTORS,
  scope: SCOPES,
  region: REGIONS,
  series: FORUM_SERIES,
  forumKind: FORUM_KINDS,
  instrumentKind: INSTRUMENT_KINDS,
  visibility: VISIBILITIES,
};
const YEARS = new Set(["founded", "dissolved", "year", "start", "end", "adopted", "since", "until"]);
const LISTS = new Set(["aliases"]);

const shown = (values: readonly string[]) => (values.length > 12 ? `${values.slice(0, 12).join(", ")}, …` : values.join(", "));

/** A year from "2004", "2004.0" (a spreadsheet number) or an ISO date "2004-05-01". */
function yearOf(text: string): number | null {
  const match = /^(\d{4})(?:\.0+|-\d{2}(?:-\d{2})?)?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max ? year : null;
}

type Problem = (column: string, message: string) => void;

/** One cell's value for a field, or undefined after reporting why it does not fit. */
function valueOf(field: string, text: string, problem: Problem, column: string): unknown {
  if (YEARS.has(field)) {
    const year = yearOf(text);
    if (year === null)
      problem(column, `'${text}' is not a year: expected a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, such as 2004`);
    return year ?? undefined;
  }
  if (field in ENUMS) {
    const value = oneOf(ENUMS[field], text);
    if (!value) problem(column, `unknown ${field} '${text}' (expected one of: ${shown(ENUMS[field])})`);
    return value;
  }
  if (LISTS.has(field))
    return [
      ...new Set(
        text
          .split(MULTI_VALUE)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  if (field === "country") {
    const code = text.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) problem(column, `'${text}' is not a country code: expected an ISO 3166-1 alpha-2 code such as 'PH'`);
    return /^[A-Z]{2}$/.test(code) ? code : undefined;
  }
  if (field === "role") return vocabularyKey(text);
  return text.trim();
}

function fieldsOfRow(sheet: Sheet, row: SheetRow, mapping: ColumnMapping[]) {
  const values: Record<string, string> = {};
  const columns: Record<string, string> = {};
  for (const m of mapping) {
    if (m.sheet !== sheet.name || !m.field) continue;
    const text = row.cells[m.column];
    columns[m.field] = m.column;
    if (text !== undefined) values[m.field] = text;
  }
  return { values, columns };
}

/** The kind of an element row: its kind column (or an organisation type written there, as Kumu's Type often is). */
function kindOf(text: string | undefined, record: Record<string, unknown>, problem: () => void): NodeKind {
  if (text === undefined) return "ORGANISATION";
  const key = vocabularyKey(text);
  const kind = (NODE_KINDS as readonly string[]).includes(key) ? (key as NodeKind) : KIND_SYNONYMS[key];
  if (kind) return kind;
  const type = oneOf(ORGANISATION_TYPES, text);
  if (type) {
    record.type ??= type;
    return "ORGANISATION";
  }
  problem();
  return "ORGANISATION";
}

function relationshipTypeOf(text: string): RelationshipType | undefined {
  const key = vocabularyKey(text);
  if ((RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(key)) return key as RelationshipType;
  for (const suffix of ["_OF", "_WITH", "_BY", "_IN", "_AT"])
    if ((RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(key + suffix)) return (key + suffix) as RelationshipType;
  return TYPE_SYNONYMS[key];
}

export function buildDrafts(parsed: ParsedFile, mapping: ColumnMapping[]): Drafts {
  const problems: ImportProblem[] = [];
  const elements: ElementDraft[] = [];
  const failedElements: Drafts["failedElements"] = [];
  const connections: ConnectionDraft[] = [];
  for (const sheet of parsed.sheets) {
    for (const row of sheet.rows) {
      const { values, columns } = fieldsOfRow(sheet, row, mapping);
      let failed = false;
      const problem: Problem = (column, message) => {
        failed = true;
        problems.push({ severity: "ERROR", file: parsed.file, sheet: sheet.name, row: row.row, column, message });
      };
      const record: Record<string, unknown> = {};
      const special =
        sheet.role === "ELEMENTS" ? ["id", "kind", "source", "locator"] : ["from", "to", "fromName", "toName", "type", "source", "locator"];
      for (const [field, text] of Object.entries(values)) {
        if (special.includes(field)) continue;
        const value = valueOf(field, text, problem, columns[field]);
        if (value !== undefined) record[field] = value;
      }
      const key = `${sheet.name}:${row.row}`;
      const at = { sheet: sheet.name, row: row.row };
      const source = values.source ?? null;
      const locator = values.locator ?? null;
      if (sheet.role === "ELEMENTS") {
        if (!values.name) problem(columns.name ?? "(name)", "is empty: every element needs a name");
        const kind = kindOf(values.kind, record, () =>
          problem(
            columns.kind,
            `unknown kind '${values.kind}' (expected one of: ${NODE_KINDS.join(", ")}, or an organisation type such as NGO)`,
          ),
        );
        if (kind !== "ORGANISATION" && record.type !== undefined && columns.type === undefined) delete record.type;
        // data/ names a forum's or an instrument's own kind `kind` (the row's kind is the node's).
        const ownKind = kind === "FORUM" ? "forumKind" : kind === "INSTRUMENT" ? "instrumentKind" : null;
        if (ownKind && record[ownKind] !== undefined) {
          record.kind = record[ownKind];
          columns.kind = columns[ownKind];
        }
        delete record.forumKind;
        delete record.instrumentKind;
        // The rules data/ sets beyond each field (a known country, dissolved after founded): the loader's own.
        for (const rule of nodeRuleProblems(record)) problem(columns[rule.field] ?? `(${rule.field})`, rule.message);
        if (!failed) elements.push({ key, at, fileId: values.id ?? null, kind, record, source, locator, columns, duplicateOf: null });
        else failedElements.push({ key, fileId: values.id ?? null, names: [values.name, values.acronym].filter((n): n is string => !!n) });
      } else {
        for (const end of ["from", "to"] as const)
          if (!values[end]) problem(columns[end] ?? `(${end})`, `is empty: every connection needs '${end}'`);
        let type: RelationshipType | undefined;
        if (!values.type) problem(columns.type ?? "(type)", "is empty: every connection needs a type");
        else {
          type = relationshipTypeOf(values.type);
          if (!type)
            problem(columns.type, `unknown relationship type '${values.type}' (expected one of: ${RELATIONSHIP_TYPE_NAMES.join(", ")})`);
        }
        if (type && record.role !== undefined) {
          const roles: readonly string[] = RELATIONSHIP_TYPES[type].roles;
          if (!roles.includes(record.role as string))
            problem(
              columns.role,
              roles.length ? `unknown role '${values.role}' for ${type} (expected one of: ${roles.join(", ")})` : `${type} takes no role`,
            );
        }
        if (!failed && type)
          connections.push({
            key,
            at,
            type,
            from: values.from,
            to: values.to,
            fromName: values.fromName ?? null,
            toName: values.toName ?? null,
            record,
            source,
            locator,
            columns,
          });
      }
    }
  }
  markDuplicates(elements, parsed.file, problems);
  return { elements, failedElements, connections, problems };
}

/** Rows naming the same organisation twice (by folded name or acronym) are folded into the first. */
function markDuplicates(elements: ElementDraft[], file: string, problems: ImportProblem[]): void {
  const first = new Map<string, ElementDraft>();
  for (const element of elements) {
    // Rows with ids (a GEXF, an export) are one record each unless they share the id; rows
    // without are the same record when they share a name or an acronym.
    const names = element.fileId
      ? [`id:${element.fileId}`]
      : [element.record.name, element.record.acronym]
          .filter((n): n is string => typeof n === "string")
          .map((n) => `${element.kind}:${foldName(n)}`);
    const earlier = names.map((n) => first.get(n)).find(Boolean);
    if (earlier) {
      element.duplicateOf = earlier.key;
      problems.push({
        severity: "WARNING",
        file,
        sheet: element.at.sheet,
        row: element.at.row,
        column: element.columns.name ?? null,
        message: `names the same ${element.kind.toLowerCase()} as ${earlier.at.sheet} row ${earlier.at.row} ('${String(earlier.record.name)}'): folded into it`,
      });
      continue;
    }
    for (const n of names) first.set(n, element);
  }
}
