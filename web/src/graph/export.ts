/**
 * CSV text of the tables the browser saves itself (the analysis panel's). The atlas's data exports
 * (GEXF, GraphML, CSV, XLSX, JSON of the view) come from the server's one exporter instead
 * (server/imports/export.ts, through bindings/exports.ts).
 */

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCSV<T>(rows: T[], columns: { header: string; value: (row: T) => string | number | null }[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
