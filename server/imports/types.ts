/**
 * Shapes of the import pipeline (parse → mapping → validation report → matching → apply). A user's
 * file, whatever its format, becomes sheets of rows of text cells; every problem names the file,
 * the sheet, the row and the column, so a person can find it in their own spreadsheet.
 */

export const IMPORT_FORMATS = ["CSV", "XLSX", "GEXF", "GRAPHML", "JSON"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a sheet holds: the records themselves (Kumu's "elements") or the ties between them ("connections"). */
export type SheetRole = "ELEMENTS" | "CONNECTIONS";

export interface SheetRow {
  /** The row number as the person sees it in their spreadsheet (the header is row 1). */
  row: number;
  /** Cell text by column header; empty cells are absent. */
  cells: Record<string, string>;
}

export interface Sheet {
  name: string;
  role: SheetRole;
  headers: string[];
  rows: SheetRow[];
}

export interface ParsedFile {
  file: string;
  format: ImportFormat;
  sheets: Sheet[];
}

export type Severity = "ERROR" | "WARNING";

/** One problem of the report: where it is and what was expected there. */
export interface ImportProblem {
  severity: Severity;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

export function formatImportProblem(p: ImportProblem): string {
  const where = [p.file, p.sheet, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column '${p.column}'`]
    .filter((part) => part !== null)
    .join(" › ");
  return `${p.severity === "ERROR" ? "error" : "warning"}: ${where}: ${p.message}`;
}

/** A whole-file problem (unreadable, wrong type, empty): nothing in it can be imported. */
export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly sheet: string | null = null,
  ) {
    super(`${file}${sheet ? ` › ${sheet}` : ""}: ${message}`);
    this.name = "ImportFileError";
  }
}
