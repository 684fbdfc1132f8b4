/**
 * A saved import mapping: which column of which sheet fills which field, kept as a small JSON file
 * the person downloads from the import wizard and uploads again next time, and that the command
 * line reads with `--mapping` (the same file both ways). Nothing is stored on the server: a
 * mapping belongs to a file layout, not to an account, and a file can be shared with colleagues.
 *
 *   { "atlasImportMapping": 1, "name": "ACME survey", "mapping": [{ "sheet", "column", "field" }] }
 *
 * A bare list of { sheet, column, field } is read too (what `--mapping` took before).
 */

/** Fields of an element row (the import wizard offers these; server/imports/mapping.ts guesses them), as named in data/ (forumKind/instrumentKind: a forum's or instrument's own kind). */
export const ELEMENT_FIELDS = [
  "id",
  "name",
  "acronym",
  "aliases",
  "kind",
  "type",
  "sector",
  "scope",
  "country",
  "region",
  "founded",
  "dissolved",
  "description",
  "series",
  "forumKind",
  "year",
  "dates",
  "city",
  "start",
  "end",
  "goal",
  "outcome",
  "shortName",
  "instrumentKind",
  "adopted",
  "visibility",
  "source",
  "locator",
] as const;

/** Fields of a connection row. */
export const CONNECTION_FIELDS = [
  "from",
  "to",
  /** The ends' names, beside ids in from/to (Gephi's Source/Target): matched when the id is not the file's or the atlas's own. */
  "fromName",
  "toName",
  "type",
  "role",
  "since",
  "until",
  "year",
  "note",
  "visibility",
  "source",
  "locator",
] as const;

export type ElementField = (typeof ELEMENT_FIELDS)[number];
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];

export interface MappingEntry {
  sheet: string;
  column: string;
  /** The field the column fills; null: the column is ignored. */
  field: string | null;
}

export interface SavedMapping {
  name: string | null;
  mapping: MappingEntry[];
}

export const SAVED_MAPPING_FORMAT = 1;

export class SavedMappingError extends Error {}

/** The saved mapping's file text (pretty-printed: people read and edit these files). */
export function savedMappingJson(name: string, mapping: readonly MappingEntry[]): string {
  const entries = mapping.map(({ sheet, column, field }) => ({ sheet, column, field }));
  return `${JSON.stringify({ atlasImportMapping: SAVED_MAPPING_FORMAT, name, mapping: entries }, null, 2)}\n`;
}

/** Reads a saved mapping; the error names the entry (1-based) and what it needs. */
export function readSavedMapping(text: string): SavedMapping {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SavedMappingError(`is not JSON: ${(error as Error).message}`);
  }
  const object = !Array.isArray(value) && typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  const list = Array.isArray(value) ? value : object?.mapping;
  if (!Array.isArray(list)) throw new SavedMappingError('expected { "mapping": [{ "sheet", "column", "field" }] } or such a list');
  if (object && object.atlasImportMapping !== undefined && object.atlasImportMapping !== SAVED_MAPPING_FORMAT)
    throw new SavedMappingError(
      `is a mapping of format ${String(object.atlasImportMapping)}; this atlas reads format ${SAVED_MAPPING_FORMAT}`,
    );
  const mapping = list.map((entry: unknown, i): MappingEntry => {
    const m = (typeof entry === "object" && entry !== null ? entry : {}) as Partial<Record<keyof MappingEntry, unknown>>;
    if (typeof m.sheet !== "string" || typeof m.column !== "string" || !(typeof m.field === "string" || m.field === null))
      throw new SavedMappingError(`entry ${i + 1} needs "sheet" and "column" (text) and "field" (text or null)`);
    return { sheet: m.sheet, column: m.column, field: m.field };
  });
  const name = typeof object?.name === "string" && object.name.trim() ? object.name.trim() : null;
  return { name, mapping };
}

/**
 * The entries as they apply to a file with these sheets. A one-sheet file (a CSV) names its sheet
 * after the file, so last month's "survey-march" mapping names a sheet this month's file lacks:
 * when the file has one sheet and the mapping names one sheet, the mapping is that sheet's.
 */
export function retargetMapping(mapping: readonly MappingEntry[], sheets: readonly string[]): MappingEntry[] {
  const named = new Set(mapping.map((m) => m.sheet));
  if (sheets.length !== 1 || named.size !== 1 || named.has(sheets[0])) return mapping.map((m) => ({ ...m }));
  return mapping.map((m) => ({ ...m, sheet: sheets[0] }));
}
