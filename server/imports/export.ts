/**
 * Exports other tools read faithfully: GEXF 1.3 (graphology-gexf's writer), GraphML (xmlbuilder2),
 * CSV nodes + edges (csv-stringify, with a BOM for Excel) and JSON in the data/ format. Only what
 * the viewer may see is read (cypher/fragments/visible.cypher): a hidden record is never exported.
 * Every field is kept — years, role, visibility, citation count and text — under names that do not
 * clash with the tools' own: a node's organisation type is `org_type` (Sigma.js reads `type` as its
 * program), an edge's relationship type is its GEXF `kind` and label (so Gephi merges no parallel
 * ties), and the CSV's `Type` is Gephi's edge direction. Each export names its view and date.
 */
import { stringify } from "csv-stringify/sync";
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { create } from "xmlbuilder2";

import { visibleLevels } from "../../core/access.js";
import type { Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import type { Citation } from "../import/schema.js";
import { nodeRecordOf, relationshipRecordOf, sourceRecordOf } from "../write/records.js";
import type { Props } from "../write/types.js";

export const EXPORT_FORMATS = ["GEXF", "GRAPHML", "CSV", "JSON"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  name: string;
  mimeType: string;
  content: string;
}

type Flat = Record<string, string | number | boolean>;

interface View {
  nodes: { id: string; kind: string; attributes: Flat; record: Record<string, unknown> }[];
  edges: { id: string; type: string; source: string; target: string; attributes: Flat; record: Record<string, unknown> }[];
  sources: Record<string, unknown>[];
  /** Which view this is: the whole atlas as the viewer may see it, and when. */
  description: string;
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

async function readView(db: Database, viewer: Viewer | null): Promise<View> {
  const visible = visibleLevels(viewer?.role ?? null);
  const nodes = (await db.read(QUERIES.exportVisibleNodes, { visible })).map((row) => {
    const { kind, record } = nodeRecordOf({ kind: "node", ...row, props: row.props as Props });
    // data/ calls a forum's or instrument's own kind `kind`: exported under its own name.
    const own = kind === "FORUM" ? "forum_kind" : "instrument_kind";
    const { id: _id, ...fields } = record;
    const attributes = flatten(fields, { type: "org_type", kind: own });
    return {
      id: row.id,
      kind,
      record,
      attributes: { label: String(record.name), kind, visibility: String(row.props.visibility ?? "PUBLIC"), ...attributes },
    };
  });
  const edges = (await db.read(QUERIES.exportVisibleRelationships, { visible })).map((row) => {
    const record = relationshipRecordOf({ kind: "relationship", ...row, props: row.props as Props });
    const { type: _type, source: _source, target: _target, ...rest } = record;
    return {
      ...row,
      record,
      attributes: { label: row.type, kind: row.type, visibility: String(row.props.visibility ?? "PUBLIC"), ...flatten(rest, {}) },
    };
  });
  const cited = [
    ...new Set([...nodes, ...edges].flatMap((r) => ((r.record.citations as Citation[] | undefined) ?? []).map((c) => c.source))),
  ];
  const sources = (await db.read(QUERIES.exportCitedSources, { ids: cited })).map((row) =>
    sourceRecordOf({ kind: "source", id: row.id, props: row.props as Props }),
  );
  const who = viewer ? `as ${viewer.role} ${viewer.username} may see it` : "as the public may see it";
  return { nodes, edges, sources, description: `Coalition Atlas: the whole atlas ${who}, exported ${new Date().toISOString()}` };
}

function gexf(view: View): string {
  const graph = new MultiDirectedGraph();
  graph.updateAttributes(() => ({ description: view.description }));
  for (const node of view.nodes) graph.addNode(node.id, node.attributes);
  for (const edge of view.edges) graph.addEdgeWithKey(edge.id, edge.source, edge.target, edge.attributes);
  return writeGexf(graph, { version: "1.3", pretty: true });
}

function graphml(view: View): string {
  const keys = (items: { attributes: Flat }[]) => {
    const types = new Map<string, string>();
    for (const item of items)
      for (const [name, value] of Object.entries(item.attributes))
        if (!types.has(name) || (types.get(name) !== "string" && typeof value !== "number"))
          types.set(name, typeof value === "number" ? "int" : typeof value === "boolean" ? "boolean" : "string");
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

/** Columns Gephi's spreadsheet import and Kumu both take: Id/Label and Source/Target (Gephi), From/To (Kumu, by name). */
function csvFiles(view: View): ExportFile[] {
  const BOM = "\uFEFF";
  const nodeColumns = ["Id", "Label", ...new Set(view.nodes.flatMap((n) => Object.keys(n.attributes)).filter((k) => k !== "label"))];
  const nodes = stringify(
    view.nodes.map((n) => [n.id, n.attributes.label, ...nodeColumns.slice(2).map((c) => n.attributes[c] ?? "")]),
    { header: true, columns: nodeColumns },
  );
  const nameOf = new Map(view.nodes.map((n) => [n.id, String(n.attributes.label)]));
  const edgeExtra = [...new Set(view.edges.flatMap((e) => Object.keys(e.attributes)).filter((k) => k !== "label" && k !== "kind"))];
  const edgeColumns = ["Source", "Target", "Type", "Id", "Label", "Relationship", "From", "To", ...edgeExtra];
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
      ...edgeExtra.map((c) => e.attributes[c] ?? ""),
    ]),
    { header: true, columns: edgeColumns },
  );
  return [
    { name: "atlas-nodes.csv", mimeType: "text/csv; charset=utf-8", content: BOM + nodes },
    { name: "atlas-edges.csv", mimeType: "text/csv; charset=utf-8", content: BOM + edges },
  ];
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

export async function exportAtlas(db: Database, viewer: Viewer | null, format: ExportFormat): Promise<ExportFile[]> {
  const view = await readView(db, viewer);
  switch (format) {
    case "GEXF":
      return [{ name: "atlas.gexf", mimeType: "application/gexf+xml", content: gexf(view) }];
    case "GRAPHML":
      return [{ name: "atlas.graphml", mimeType: "application/graphml+xml", content: graphml(view) }];
    case "CSV":
      return csvFiles(view);
    case "JSON":
      return [{ name: "atlas.json", mimeType: "application/json", content: json(view) }];
  }
}
