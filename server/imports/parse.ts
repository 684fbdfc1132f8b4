/**
 * Reads a user's file into sheets of text cells, with maintained parsers only: csv-parse (CSV),
 * exceljs (XLSX), graphology-gexf and graphology-graphml (GEXF, GraphML on @xmldom/xmldom). A file
 * that cannot be read is one ImportFileError naming it and what is wrong (encoding, wrong type under
 * the extension, an empty sheet, an edge to a missing node) — never a crash, never a partial read.
 */
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";

import { DATA_FILES } from "../import/schema.js";
import {
  type ImportFormat,
  ImportFileError,
  type ImportProblem,
  type ParsedFile,
  type Sheet,
  type SheetRole,
  type SheetRow,
} from "./types.js";

export interface ParseResult {
  parsed: ParsedFile;
  /** Things the person should know that do not stop the import (formulas read as their values …). */
  warnings: ImportProblem[];
}

/** Separator of several values in one cell, as Kumu writes them. */
export const MULTI_VALUE = "|";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format a file name suggests (the person may say otherwise). */
export function formatOfName(name: string): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  const formats: Record<string, ImportFormat> = {
    csv: "CSV",
    tsv: "CSV",
    txt: "CSV",
    xlsx: "XLSX",
    gexf: "GEXF",
    graphml: "GRAPHML",
    json: "JSON",
  };
  return (ext && formats[ext]) || null;
}

export async function parseImportFile(file: string, format: ImportFormat, content: Buffer): Promise<ParseResult> {
  if (content.length === 0) throw new ImportFileError(file, "is empty");
  const isZip = content.subarray(0, 4).equals(ZIP_MAGIC);
  if (format === "XLSX") {
    if (!isZip)
      throw new ImportFileError(file, "is not an XLSX workbook (an .xlsx file is a zip archive; save the spreadsheet as Excel Workbook)");
    return parseXlsx(file, content);
  }
  if (isZip) throw new ImportFileError(file, `looks like an XLSX workbook or another zip archive, not ${format}: choose the XLSX format`);
  const text = decodeText(file, content);
  switch (format) {
    case "CSV":
      return { parsed: { file, format, sheets: [csvSheet(file, text)] }, warnings: [] };
    case "GEXF":
    case "GRAPHML":
      return { parsed: { file, format, sheets: graphSheets(file, format, text) }, warnings: [] };
    case "JSON":
      return { parsed: { file, format, sheets: jsonSheets(file, text) }, warnings: [] };
  }
}

/** UTF-8 (a BOM is dropped) or UTF-16 with its BOM; anything else is refused rather than garbled. */
function decodeText(file: string, content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder("utf-16le").decode(content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder("utf-16be").decode(content.subarray(2));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new ImportFileError(file, "is not UTF-8 text (in Excel, save as 'CSV UTF-8'; in LibreOffice, choose the UTF-8 character set)");
  }
  if (text.includes("\u0000")) throw new ImportFileError(file, "is a binary file, not text");
  return text;
}

/** The separator of the header line: comma, semicolon (European Excel) or tab, whichever occurs most outside quotes. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function sheetRole(name: string, headers: string[]): SheetRole {
  const folded = headers.map((h) => h.trim().toLowerCase());
  const has = (...names: string[]) => names.some((n) => folded.includes(n));
  if ((has("from", "source") && has("to", "target")) || /connection|edge|tie|link|relationship/i.test(name)) return "CONNECTIONS";
  return "ELEMENTS";
}

/** Rows of text cells from a header and records; duplicate or empty headers are refused (a column must be nameable). */
function toSheet(file: string, name: string, records: unknown[][], firstRow = 2): Sheet {
  const [head, ...body] = records;
  if (!head || head.every((cell) => String(cell ?? "").trim() === ""))
    throw new ImportFileError(file, "has no header row (the first row must name the columns, e.g. Label, Type)", name);
  const headers = head.map((cell) => String(cell ?? "").trim());
  headers.forEach((h, i) => {
    if (!h && body.some((r) => String(r[i] ?? "").trim()))
      throw new ImportFileError(file, `column ${i + 1} has values but no header`, name);
    if (h && headers.indexOf(h) !== i) throw new ImportFileError(file, `the header '${h}' appears twice`, name);
  });
  const rows: SheetRow[] = [];
  body.forEach((record, i) => {
    const cells: Record<string, string> = {};
    headers.forEach((h, c) => {
      const value = String(record[c] ?? "").trim();
      if (h && value) cells[h] = value;
    });
    if (Object.keys(cells).length) rows.push({ row: firstRow + i, cells });
  });
  if (!rows.length) throw new ImportFileError(file, "has a header but no rows", name);
  return { name, role: sheetRole(name, headers), headers: headers.filter(Boolean), rows };
}

function csvSheet(file: string, text: string): Sheet {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new ImportFileError(file, `is not valid CSV: ${(error as Error).message}`);
  }
  return toSheet(file, file.replace(/\.[^.]+$/, ""), records);
}

/** A cell's value as text: a formula gives its last computed value, rich text its plain text, a date its ISO date. */
function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: "", formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if (typeof value !== "object") return { text: String(value), formula: false };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return { text: result === undefined || typeof result === "object" ? "" : String(result), formula: true };
  }
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join(""), formula: false };
  if ("text" in value) return { text: String(value.text), formula: false };
  if ("error" in value) return { text: "", formula: false };
  return { text: "", formula: false };
}

async function parseXlsx(file: string, content: Buffer): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(file, `is not a readable XLSX workbook (${(error as Error).message})`);
  }
  const warnings: ImportProblem[] = [];
  const sheets: Sheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.actualRowCount === 0) continue; // an empty sheet beside the data (Excel's Sheet2) is no problem
    if (/\(ignore\)/i.test(worksheet.name)) continue; // Kumu's convention: a sheet named "… (ignore)" holds no data
    const records: unknown[][] = [];
    let firstRow = 0;
    worksheet.eachRow({ includeEmpty: true }, (row, number) => {
      if (!firstRow) firstRow = number;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const { text, formula } = cellText(cell.value);
        cells[column - 1] = text;
        if (formula && number > firstRow)
          warnings.push({
            severity: "WARNING",
            file,
            sheet: worksheet.name,
            row: number,
            column: null,
            message: `cell ${cell.address} is a formula: its last computed value '${text}' was read`,
          });
      });
      records[number - firstRow] = cells;
    });
    for (let i = 0; i < records.length; i++) records[i] ??= [];
    const sheet = toSheet(file, worksheet.name, records, firstRow + 1);
    // Name the formula warnings' columns now the headers are known.
    sheets.push(sheet);
  }
  if (!sheets.length) throw new ImportFileError(file, "has no sheet with data");
  return { parsed: { file, format: "XLSX", sheets }, warnings };
}

/** Attributes graph tools keep for drawing: not facts of the atlas. */
const DRAWING = new Set(["x", "y", "z", "size", "color", "shape", "thickness", "viz"]);

function attributeText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(MULTI_VALUE);
  return String(value);
}

/** A GEXF or GraphML graph as a nodes sheet (keyed by the node's id) and an edges sheet. */
function graphSheets(file: string, format: "GEXF" | "GRAPHML", text: string): Sheet[] {
  // The XML parser never fetches external entities; declarations are refused outright, so no
  // entity (external or a "billion laughs" expansion) is ever expanded.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportFileError(file, "declares a DOCTYPE or entities, which are not accepted");
  const root = format === "GEXF" ? "<gexf" : "<graphml";
  if (!text.includes(root)) throw new ImportFileError(file, `is not a ${format} file (no ${root}> element)`);
  let graph: MultiGraph;
  try {
    graph = (format === "GEXF" ? parseGexf : parseGraphml)(MultiGraph, text) as MultiGraph;
  } catch (error) {
    const message = (error as Error).message.replace(/^graphology-\w+\/parser: /, "");
    throw new ImportFileError(
      file,
      /inexisting node/.test(message) ? "has an edge to a node the file does not declare" : `is not a readable ${format} file (${message})`,
    );
  }
  if (graph.order === 0) throw new ImportFileError(file, "has no nodes");
  const nodeRecords: unknown[][] = [];
  const nodeHeaders = ["id", "label"];
  graph.forEachNode((key, attributes) => {
    const row: Record<string, string> = { id: key, label: attributeText(attributes.label) };
    for (const [name, value] of Object.entries(attributes)) {
      if (DRAWING.has(name) || name === "label") continue;
      if (!nodeHeaders.includes(name)) nodeHeaders.push(name);
      row[name] = attributeText(value);
    }
    nodeRecords.push(row as never);
  });
  const edgeRecords: unknown[][] = [];
  const edgeHeaders = ["from", "to"];
  graph.forEachEdge((_key, attributes, source, target) => {
    const row: Record<string, string> = { from: source, to: target };
    for (const [name, value] of Object.entries(attributes)) {
      if (DRAWING.has(name) || name === "weight") continue;
      if (!edgeHeaders.includes(name)) edgeHeaders.push(name);
      row[name] = attributeText(value);
    }
    edgeRecords.push(row as never);
  });
  const table = (headers: string[], rows: unknown[]) => [
    headers,
    ...rows.map((r) => headers.map((h) => (r as Record<string, string>)[h] ?? "")),
  ];
  const sheets = [toSheet(file, "nodes", table(nodeHeaders, nodeRecords))];
  sheets[0].role = "ELEMENTS";
  if (edgeRecords.length) {
    const edges = toSheet(file, "edges", table(edgeHeaders, edgeRecords));
    edges.role = "CONNECTIONS";
    sheets.push(edges);
  }
  return sheets;
}

const NODE_FILE_KIND: Record<string, string> = {
  organisations: "ORGANISATION",
  forums: "FORUM",
  campaigns: "CAMPAIGN",
  instruments: "INSTRUMENT",
  people: "PERSON",
  issues: "ISSUE",
};

/** A data/ document (an object of files such as `organisations` and `relationships`) as two sheets. */
function jsonSheets(file: string, text: string): Sheet[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ImportFileError(file, `is not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw new ImportFileError(file, `must be an object of data/ files, e.g. { "organisations": [...], "relationships": [...] }`);
  const known = Object.keys(DATA_FILES);
  // `about`: the description an atlas export carries (server/imports/export.ts).
  const unknown = Object.keys(data).filter((k) => !known.includes(k) && k !== "stories" && k !== "about");
  if (unknown.length)
    throw new ImportFileError(file, `has unknown keys ${unknown.map((k) => `'${k}'`).join(", ")} (expected: ${known.join(", ")})`);
  const flat = (record: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([key, value]) => key !== "citations" && key !== "figures" && value !== null && typeof value !== "object")
        .concat(Object.entries(record).filter(([, value]) => Array.isArray(value) && value.every((v) => typeof v !== "object")))
        .map(([key, value]) => [key, attributeText(value)]),
    );
  const nodes: Record<string, string>[] = [];
  for (const [key, kind] of Object.entries(NODE_FILE_KIND)) {
    const records = (data as Record<string, unknown>)[key];
    if (records === undefined) continue;
    if (!Array.isArray(records)) throw new ImportFileError(file, `'${key}' must be an array of records`);
    for (const record of records) {
      const row = flat(record as Record<string, unknown>);
      // data/ names a forum's or an instrument's own kind `kind`; here `kind` is the node's kind.
      if ("kind" in row) {
        row[kind === "FORUM" ? "forumKind" : "instrumentKind"] = row.kind;
        delete row.kind;
      }
      nodes.push({ ...row, kind });
    }
  }
  const ties = ((data as Record<string, unknown>).relationships ?? []) as Record<string, unknown>[];
  if (!Array.isArray(ties)) throw new ImportFileError(file, "'relationships' must be an array of records");
  const sheets: Sheet[] = [];
  const table = (rows: Record<string, string>[]) => {
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ""))];
  };
  if (nodes.length) sheets.push({ ...toSheet(file, "nodes", table(nodes)), role: "ELEMENTS" });
  if (ties.length) sheets.push({ ...toSheet(file, "relationships", table(ties.map(flat))), role: "CONNECTIONS" });
  if (!sheets.length) throw new ImportFileError(file, "has no records");
  return sheets;
}
