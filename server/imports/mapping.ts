/**
 * Column mapping: which column of a sheet holds which field of the atlas. Common headers (Kumu's
 * Label/Type/From/To, Gephi's Id/Source/Target, the atlas's own field names) are guessed; the
 * person confirms or changes the guess, and may keep a mapping to reuse it (it is plain JSON).
 */
import { CONNECTION_FIELDS, type ConnectionField, ELEMENT_FIELDS, type ElementField, retargetMapping } from "../../core/import-mapping.js";
import type { ParsedFile, Sheet, SheetRole } from "./types.js";

export interface ColumnMapping {
  sheet: string;
  column: string;
  /** The field the column fills; null: the column is ignored. */
  field: string | null;
}

export const fieldsOf = (role: SheetRole): readonly string[] => (role === "ELEMENTS" ? ELEMENT_FIELDS : CONNECTION_FIELDS);

/** Header text folded for comparison: case, accents, spaces and punctuation do not matter. */
export function foldHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const ELEMENT_SYNONYMS: Record<string, ElementField> = {
  key: "id",
  nodeid: "id",
  label: "name",
  fullname: "name",
  organisation: "name",
  organization: "name",
  abbreviation: "acronym",
  abbr: "acronym",
  alias: "aliases",
  aka: "aliases",
  alsoknownas: "aliases",
  othernames: "aliases",
  // Kumu's element "Type" is the kind of element (Organization, Person …); a value that is an
  // organisation type (NGO, Trade union …) is understood as such when the rows are read.
  type: "kind",
  elementtype: "kind",
  nodekind: "kind",
  orgtype: "type",
  organisationtype: "type",
  organizationtype: "type",
  countrycode: "country",
  iso: "country",
  yearfounded: "founded",
  established: "founded",
  foundedin: "founded",
  about: "description",
  notes: "description",
  sourceurl: "source",
  reference: "source",
  citation: "source",
  page: "locator",
};

const CONNECTION_SYNONYMS: Record<string, ConnectionField> = {
  source: "from",
  target: "to",
  sourcelabel: "fromName",
  sourcename: "fromName",
  fromlabel: "fromName",
  targetlabel: "toName",
  targetname: "toName",
  tolabel: "toName",
  relationship: "type",
  relation: "type",
  connectiontype: "type",
  kind: "type",
  label: "type",
  startyear: "since",
  start: "since",
  endyear: "until",
  end: "until",
  notes: "note",
  description: "note",
  sourceurl: "source",
  reference: "source",
  citation: "source",
  page: "locator",
};

/** The field a header most likely means, or null. */
export function guessField(role: SheetRole, header: string): string | null {
  const folded = foldHeader(header);
  const fields = fieldsOf(role);
  const exact = fields.find((f) => foldHeader(f) === folded);
  // In a connections sheet, Gephi's "Source" is the tie's start, not a citation.
  if (exact && !(role === "CONNECTIONS" && exact === "source")) return exact;
  const synonyms: Record<string, string> = role === "ELEMENTS" ? ELEMENT_SYNONYMS : CONNECTION_SYNONYMS;
  return synonyms[folded] ?? null;
}

/** Gephi's edge direction, which its edge table calls Type. */
const DIRECTIONS = new Set(["directed", "undirected", "mutual", "bidirectional"]);

/** A connections column holding only directions (Gephi's Type): not the relationship type, which is then the Label or Kind. */
const holdsDirections = (sheet: Sheet, column: string) =>
  sheet.rows.some((r) => r.cells[column] !== undefined) &&
  sheet.rows.every((r) => r.cells[column] === undefined || DIRECTIONS.has(r.cells[column].toLowerCase()));

export function guessSheetMapping(sheet: Sheet): ColumnMapping[] {
  const used = new Set<string>();
  // Kumu's element "Type" is the kind of element, unless the sheet has a kind column of its own
  // (the atlas's JSON, GEXF exports), where "type" is the organisation type as in data/.
  const hasKind = sheet.headers.some((h) => foldHeader(h) === "kind");
  return sheet.headers.map((column) => {
    let field = sheet.role === "ELEMENTS" && !hasKind && foldHeader(column) === "type" ? "kind" : guessField(sheet.role, column);
    if (field === "type" && sheet.role === "CONNECTIONS" && holdsDirections(sheet, column)) field = null;
    // One column per field: a second column guessed the same is left for the person to map.
    if (field && !used.has(field)) {
      used.add(field);
      return { sheet: sheet.name, column, field };
    }
    return { sheet: sheet.name, column, field: null };
  });
}

export function guessMapping(parsed: ParsedFile): ColumnMapping[] {
  return parsed.sheets.flatMap(guessSheetMapping);
}

export interface MappingProblem {
  sheet: string;
  column: string | null;
  message: string;
}

/**
 * The guessed mapping with the person's choices laid over it (by sheet and column), and what is
 * wrong with it: an unknown sheet, column or field, a field mapped twice, a required field unmapped.
 */
export function resolveMapping(
  parsed: ParsedFile,
  chosen: ColumnMapping[] | null | undefined,
): { mapping: ColumnMapping[]; problems: MappingProblem[] } {
  const mapping = guessMapping(parsed);
  const problems: MappingProblem[] = [];
  // A saved mapping of another one-sheet file (a CSV is named after its file) fits this one.
  const choices = retargetMapping(
    chosen ?? [],
    parsed.sheets.map((s) => s.name),
  );
  for (const choice of choices) {
    const sheet = parsed.sheets.find((s) => s.name === choice.sheet);
    if (!sheet) {
      problems.push({
        sheet: choice.sheet,
        column: null,
        message: `no such sheet (the file has: ${parsed.sheets.map((s) => s.name).join(", ")})`,
      });
      continue;
    }
    const entry = mapping.find((m) => m.sheet === choice.sheet && m.column === choice.column);
    if (!entry) {
      problems.push({ sheet: choice.sheet, column: choice.column, message: `no such column (the sheet has: ${sheet.headers.join(", ")})` });
      continue;
    }
    if (choice.field !== null && !fieldsOf(sheet.role).includes(choice.field)) {
      problems.push({
        sheet: choice.sheet,
        column: choice.column,
        message: `unknown field '${choice.field}' (expected one of: ${fieldsOf(sheet.role).join(", ")})`,
      });
      continue;
    }
    // The person's choice replaces the guess, also where it took a field from another column.
    if (choice.field !== null)
      for (const other of mapping) if (other.sheet === choice.sheet && other.field === choice.field) other.field = null;
    entry.field = choice.field;
  }
  for (const sheet of parsed.sheets) {
    const mapped = new Set(mapping.filter((m) => m.sheet === sheet.name && m.field).map((m) => m.field));
    const required = sheet.role === "ELEMENTS" ? ["name"] : ["from", "to", "type"];
    for (const field of required)
      if (!mapped.has(field))
        problems.push({ sheet: sheet.name, column: null, message: `no column is mapped to '${field}', which this sheet needs` });
  }
  return { mapping, problems };
}
