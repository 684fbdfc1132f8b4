/**
 * Exports other tools read faithfully: GEXF 1.3 (graphology-gexf's writer), GraphML (xmlbuilder2),
 * CSV nodes + edges for Gephi (csv-stringify, with a BOM for Excel), an XLSX workbook for Kumu
 * (exceljs) and JSON in the data/ format. Only what the viewer may see is read
 * (cypher/fragments/visible.cypher): a hidden record is never exported. Every field is kept — years,
 * role, visibility, citation count and text — under names that do not clash with the tools' own: a
 * node's organisation type is `org_type` (Sigma.js reads `type` as its program), an edge's
 * relationship type is its GEXF `kind` and label (so Gephi merges no parallel ties).
 *
 * With a view (the explorer's Export menu), the export is that view: the nodes the map draws with
 * their positions, sizes and colours, the ties among them that the view's filter and year show
 * (core/timeline.ts, the timeline's own rule), and the metric values of the view's filter. The
 * browser says what it draws; the server only ever narrows that to what the viewer may see.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { create } from "xmlbuilder2";

import { visibleLevels } from "../../core/access.js";
import { edgeStartOf } from "../../core/dataset.js";
import { lastYear, presenceIn } from "../../core/timeline.js";
import type { Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import type { Citation } from "../import/schema.js";
import { nodeRecordOf, relationshipRecordOf, sourceRecordOf } from "../write/records.js";
import type { Props } from "../write/types.js";

export const EXPORT_FORMATS = ["GEXF", "GRAPHML", "CSV", "XLSX", "JSON"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  name: string;
  mimeType: string;
  encoding: "TEXT" | "BASE64";
  content: string;
}

/** How the explorer draws a node. */
export interface DrawnNode {
  x: number;
  y: number;
  size?: number | null;
  color?: string | null;
}

/** The explorer's view: what it draws and the settings that say which view it is. */
export interface ExportView {
  /** The filter's relationship types (null: all). */
  relationshipTypes: readonly string[] | null;
  year: number | null;
  datedOnly: boolean;
  collapsed: readonly string[];
  /** The filter and year in words, for the file's description. */
  summary: string;
  /** Where the view is shown (the explorer's address), as the browser gave it. */
  link: string | null;
  nodes: ReadonlyMap<string, DrawnNode>;
  /** Metric values of the view's filter (server-computed), by node id. */
  metrics: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

type Flat = Record<string, string | number | boolean>;

interface View {
  nodes: { id: string; kind: string; attributes: Flat; record: Record<string, unknown> }[];
  edges: { id: string; type: string; source: string; target: string; attributes: Flat; record: Record<string, unknown> }[];
  sources: Record<string, unknown>[];
  /** Which view this is (the whole atlas, or the explorer's filter, year and collapsed networks), for whom, and when. */
  description: string;
  /** When it was exported (ISO 8601). */
  date: string;
}

const citationText = (c: Citation) => `${c.source}: ${c.locator} — ${c.evidence}`;

/** A record's fields as flat attributes: lists joined by `|` (as the importer splits them), citations counted and written out. */
function flatten(record: Record<string, unknown>, rename: Record<string, string>): Flat {
  const flat: Flat = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null || key === "citations" || key === "figures") continue;
    const name = rename[key] ?? key;
    flat[name] = Array.isArray(value) ? value.join("|") : (value as string | number | boolean);
  }
  const citations = (record.citations as Citation[] | undefined) ?? [];
  flat.citation_count = citations.length;
  if (citations.length) flat.citations = citations.map(citationText).join(" | ");
  return flat;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

async function readView(db: Database, viewer: Viewer | null, view: ExportView | null): Promise<View> {
  const visible = visibleLevels(viewer?.role ?? null);
  const startOf = new Map<string, number | null>();
  const nodeRows = (await db.read(QUERIES.exportVisibleNodes, { visible })).filter((row) => !view || view.nodes.has(row.id));
  const nodes = nodeRows.map((row) => {
    const { kind, record } = nodeRecordOf({ kind: "node", ...row, props: row.props as Props });
    startOf.set(row.id, (row.props.activeFrom as number | undefined) ?? null);
    // data/ calls a forum's or instrument's own kind `kind`: exported under its own name.
    const own = kind === "FORUM" ? "forum_kind" : "instrument_kind";
    const { id: _id, ...fields } = record;
    const attributes: Flat = {
      label: String(record.name),
      kind,
      visibility: String(row.props.visibility ?? "PUBLIC"),
      ...flatten(fields, { type: "org_type", kind: own }),
    };
    const drawn = view?.nodes.get(row.id);
    if (drawn) {
      // x, y, size and color are what graph tools draw with (GEXF viz:*, Sigma.js's own keys).
      attributes.x = drawn.x;
      attributes.y = drawn.y;
      if (drawn.size != null) attributes.size = drawn.size;
      if (drawn.color && HEX_COLOUR.test(drawn.color)) attributes.color = drawn.color.toLowerCase();
      for (const [key, value] of Object.entries(view?.metrics.get(row.id) ?? {})) attributes[`metric_${key}`] = value;
      if (view?.collapsed.includes(row.id)) attributes.collapsed = true;
    }
    return { id: row.id, kind, record, attributes };
  });
  // A tie is in the view when the view draws both ends, its type passes the filter and it is on the
  // map in the view's year (core/timeline.ts, as the explorer's timeline decides).
  const inView = (type: string, props: Record<string, unknown>, source: string, target: string) => {
    if (!view) return true;
    if (view.relationshipTypes && !view.relationshipTypes.includes(type)) return false;
    const from = (props.activeFrom as number | undefined) ?? null;
    const presence = presenceIn(
      view.year,
      edgeStartOf(from, startOf.get(source) ?? null, startOf.get(target) ?? null),
      lastYear(from, (props.activeTo as number | undefined) ?? null),
    );
    return presence === "present" || (presence === "undated" && !view.datedOnly);
  };
  const edgeRows = (await db.read(QUERIES.exportVisibleRelationships, { visible })).filter(
    (row) => startOf.has(row.source) && startOf.has(row.target) && inView(row.type, row.props, row.source, row.target),
  );
  const edges = edgeRows.map((row) => {
    const record = relationshipRecordOf({ kind: "relationship", ...row, props: row.props as Props });
    const { type: _type, source: _source, target: _target, ...rest } = record;
    return {
      ...row,
      record,
      attributes: { label: row.type, kind: row.type, visibility: String(row.props.visibility ?? "PUBLIC"), ...flatten(rest, {}) },
    };
  });
  if (view) {
    // Degree as the explorer counts it: the ties the view draws.
    const degree = new Map<string, number>();
    for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    for (const node of nodes) node.attributes.metric_degree = degree.get(node.id) ?? 0;
  }
  const cited = [
    ...new Set([...nodes, ...edges].flatMap((r) => ((r.record.citations as Citation[] | undefined) ?? []).map((c) => c.source))),
  ];
  const sources = (await db.read(QUERIES.exportCitedSources, { ids: cited })).map((row) =>
    sourceRecordOf({ kind: "source", id: row.id, props: row.props as Props }),
  );
  const who = viewer ? `as ${viewer.role} ${viewer.username} may see it` : "as the public may see it";
  // Collapsed networks named only if the viewer may see them (the browser's list is not trusted).
  const collapsed = view ? nodes.filter((n) => view.collapsed.includes(n.id)).map((n) => `${n.attributes.label} (${n.id})`) : [];
  const what = view
    ? `the explorer's view (${[
        view.summary,
        collapsed.length ? `collapsed networks: ${collapsed.join(", ")}` : "no network collapsed",
        ...(view.link ? [`view ${view.link}`] : []),
      ].join("; ")})`
    : "the whole atlas";
  const date = new Date().toISOString();
  return { nodes, edges, sources, date, description: `Coalition Atlas: ${what}, ${who}, exported ${date}` };
}

function gexf(view: View): string {
  const graph = new MultiDirectedGraph();
  graph.updateAttributes(() => ({ creator: "Coalition Atlas", description: view.description, lastModifiedDate: view.date.slice(0, 10) }));
  // viz:color as r, g, b: GEXF 1.3 also allows `hex`, but networkx (3.x) reads only r, g, b.
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
  for (const node of view.nodes) {
    const { color, ...rest } = node.attributes;
    graph.addNode(node.id, typeof color === "string" ? { ...rest, color: rgb(color) } : rest);
  }
  for (const edge of view.edges) graph.addEdgeWithKey(edge.id, edge.source, edge.target, edge.attributes);
  // Without the writer's xsi:schemaLocation: it points at the published XSD, which puts the viz:*
  // elements in the wrong namespace (test/_gexf-schema.ts), and the RelaxNG the spec is written in
  // does not allow it; without it the file is valid GEXF 1.3 (test/integration/import-export.test.ts).
  return writeGexf(graph, { version: "1.3", pretty: true }).replace(/ xmlns:xsi="[^"]*" xsi:schemaLocation="[^"]*"/, "");
}

function graphml(view: View): string {
  // A key's type: boolean or int when every value is one, double when a number has a fraction, else string.
  const keys = (items: { attributes: Flat }[]) => {
    const types = new Map<string, string>();
    const typeOf = (value: string | number | boolean) =>
      typeof value === "boolean" ? "boolean" : typeof value === "string" ? "string" : Number.isInteger(value) ? "int" : "double";
    for (const item of items)
      for (const [name, value] of Object.entries(item.attributes)) {
        const seen = types.get(name);
        const type = typeOf(value);
        if (seen === undefined || seen === type) types.set(name, type);
        else if ((seen === "int" && type === "double") || (seen === "double" && type === "int")) types.set(name, "double");
        else types.set(name, "string");
      }
    return types;
  };
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("graphml", { xmlns: "http://graphml.graphdrawing.org/xmlns" });
  root.com(` ${view.description} `);
  const nodeKeys = keys(view.nodes);
  const edgeKeys = keys(view.edges);
  for (const [name, type] of nodeKeys) root.ele("key", { id: `n_${name}`, for: "node", "attr.name": name, "attr.type": type });
  for (const [name, type] of edgeKeys) root.ele("key", { id: `e_${name}`, for: "edge", "attr.name": name, "attr.type": type });
  const graph = root.ele("graph", { id: "atlas", edgedefault: "directed" });
  for (const node of view.nodes) {
    const element = graph.ele("node", { id: node.id });
    for (const [name, value] of Object.entries(node.attributes)) element.ele("data", { key: `n_${name}` }).txt(String(value));
  }
  for (const edge of view.edges) {
    const element = graph.ele("edge", { id: edge.id, source: edge.source, target: edge.target });
    for (const [name, value] of Object.entries(edge.attributes)) element.ele("data", { key: `e_${name}` }).txt(String(value));
  }
  return root.end({ prettyPrint: true });
}

const BOM = "\uFEFF";
/** Columns after the leading ones: every attribute some row has, in first-seen order. */
const restOf = (items: { attributes: Flat }[], leading: readonly string[]) => [
  ...new Set(items.flatMap((i) => Object.keys(i.attributes)).filter((k) => !leading.includes(k))),
];

/**
 * Gephi's spreadsheet import (Data Laboratory): nodes Id, Label; edges Source, Target, Type (which
 * Gephi reads as the edge's direction: Directed), Id, Label and Kind (the relationship type).
 * Kumu reads `Type` as the relationship type instead, so Kumu gets the workbook (xlsx below).
 */
function csvFiles(view: View): ExportFile[] {
  const nodeRest = restOf(view.nodes, ["label"]);
  const nodes = stringify(
    view.nodes.map((n) => [n.id, n.attributes.label, ...nodeRest.map((c) => n.attributes[c] ?? "")]),
    { header: true, columns: ["Id", "Label", ...nodeRest] },
  );
  const nameOf = new Map(view.nodes.map((n) => [n.id, String(n.attributes.label)]));
  const edgeRest = restOf(view.edges, ["label", "kind"]);
  const edges = stringify(
    view.edges.map((e) => [
      e.source,
      e.target,
      "Directed",
      e.id,
      e.type,
      e.type,
      nameOf.get(e.source),
      nameOf.get(e.target),
      ...edgeRest.map((c) => e.attributes[c] ?? ""),
    ]),
    { header: true, columns: ["Source", "Target", "Type", "Id", "Label", "Kind", "Source Label", "Target Label", ...edgeRest] },
  );
  return [
    { name: "atlas-nodes.csv", mimeType: "text/csv; charset=utf-8", encoding: "TEXT", content: BOM + nodes },
    { name: "atlas-edges.csv", mimeType: "text/csv; charset=utf-8", encoding: "TEXT", content: BOM + edges },
  ];
}

/**
 * Kumu's layout, with ids (Kumu's way to keep two elements of the same name apart): Elements (ID,
 * Label, Type = the organisation type, …) and Connections (ID, From, To = element ids, Type = the
 * relationship type, Direction). The atlas's own importer reads it back as it is.
 */
async function xlsx(view: View): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Coalition Atlas";
  workbook.description = view.description;
  const sheet = (name: string, header: string[], rows: (string | number | boolean)[][]) => {
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow(header);
    worksheet.addRows(rows);
  };
  const nodeRest = restOf(view.nodes, ["label", "org_type"]);
  sheet(
    "Elements",
    ["ID", "Label", "Type", ...nodeRest],
    view.nodes.map((n) => [n.id, n.attributes.label, n.attributes.org_type ?? "", ...nodeRest.map((c) => n.attributes[c] ?? "")]),
  );
  const nameOf = new Map(view.nodes.map((n) => [n.id, String(n.attributes.label)]));
  const edgeRest = restOf(view.edges, ["label", "kind"]);
  sheet(
    "Connections",
    ["ID", "From", "To", "Type", "Direction", "From Label", "To Label", ...edgeRest],
    view.edges.map((e) => [
      e.id,
      e.source,
      e.target,
      e.type,
      "directed",
      nameOf.get(e.source) ?? "",
      nameOf.get(e.target) ?? "",
      ...edgeRest.map((c) => e.attributes[c] ?? ""),
    ]),
  );
  sheet("About (ignore)", ["Coalition Atlas export"], [[view.description]]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

const FILE_OF_KIND: Record<string, string> = {
  ORGANISATION: "organisations",
  FORUM: "forums",
  CAMPAIGN: "campaigns",
  INSTRUMENT: "instruments",
  PERSON: "people",
  ISSUE: "issues",
};

function json(view: View): string {
  const files: Record<string, unknown> = {
    // Which view this is; the atlas's importer skips it, and db:export's files have no such key.
    about: view.description,
    sources: view.sources,
    organisations: [],
    forums: [],
    campaigns: [],
    instruments: [],
    people: [],
    issues: [],
  };
  for (const node of view.nodes) (files[FILE_OF_KIND[node.kind]] as unknown[]).push(node.record);
  files.relationships = view.edges.map((e) => e.record);
  return JSON.stringify(files, null, 2) + "\n";
}

export async function exportAtlas(
  db: Database,
  viewer: Viewer | null,
  format: ExportFormat,
  view: ExportView | null = null,
): Promise<ExportFile[]> {
  const read = await readView(db, viewer, view);
  const text = (name: string, mimeType: string, content: string): ExportFile[] => [{ name, mimeType, encoding: "TEXT", content }];
  switch (format) {
    case "GEXF":
      return text("atlas.gexf", "application/gexf+xml", gexf(read));
    case "GRAPHML":
      return text("atlas.graphml", "application/graphml+xml", graphml(read));
    case "CSV":
      return csvFiles(read);
    case "XLSX":
      return [
        {
          name: "atlas.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          encoding: "BASE64",
          content: await xlsx(read),
        },
      ];
    case "JSON":
      return text("atlas.json", "application/json", json(read));
  }
}
