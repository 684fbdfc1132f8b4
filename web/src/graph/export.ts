/**
 * Exports of what the view shows: CSV tables of the visible nodes and ties, and GEXF 1.3 (with
 * positions, sizes and colours) that Gephi opens. Pure string builders over the rendered graph.
 */
import type { AtlasDataset, AtlasGraph } from "./types";

export interface ExportNode {
  id: string;
  name: string;
  label: string;
  kind: string;
  type: string;
  sector: string;
  region: string;
  firstYear: number | null;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Members folded into this node (a collapsed network), else 0. */
  members: number;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
}

export interface VisibleGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** Visible nodes and ties (a tie shows when it and both its ends are visible), in graph order. */
export function visibleGraph(graph: AtlasGraph, dataset: AtlasDataset): VisibleGraph {
  const nodes: ExportNode[] = [];
  graph.forEachNode((id, attr) => {
    if (attr.hidden) return;
    const i = dataset.index.get(id)!;
    const node = dataset.nodes[i];
    nodes.push({
      id,
      name: node.name,
      label: attr.label,
      kind: node.kind,
      type: node.type ?? "",
      sector: node.sector ?? "",
      region: node.region ?? "",
      firstYear: dataset.nodeStart[i],
      x: attr.x,
      y: attr.y,
      size: attr.size,
      color: attr.color,
      members: attr.collapsed ? (dataset.groups.get(id)?.memberCount ?? 0) : 0,
    });
  });
  const edges: ExportEdge[] = [];
  graph.forEachEdge((id, attr, source, target, sourceAttr, targetAttr) => {
    if (attr.hidden || sourceAttr.hidden || targetAttr.hidden) return;
    edges.push({ id, source, target, type: attr.relType, weight: attr.weight });
  });
  return { nodes, edges };
}

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

export function nodesCSV(visible: VisibleGraph): string {
  return toCSV(visible.nodes, [
    { header: "id", value: (n) => n.id },
    { header: "name", value: (n) => n.name },
    { header: "label", value: (n) => n.label },
    { header: "kind", value: (n) => n.kind },
    { header: "type", value: (n) => n.type },
    { header: "sector", value: (n) => n.sector },
    { header: "region", value: (n) => n.region },
    { header: "first_year", value: (n) => n.firstYear },
    { header: "members_folded", value: (n) => n.members },
    { header: "x", value: (n) => Number(n.x.toFixed(3)) },
    { header: "y", value: (n) => Number(n.y.toFixed(3)) },
  ]);
}

export function edgesCSV(visible: VisibleGraph): string {
  return toCSV(visible.edges, [
    { header: "id", value: (e) => e.id },
    { header: "source", value: (e) => e.source },
    { header: "target", value: (e) => e.target },
    { header: "type", value: (e) => e.type },
    { header: "weight", value: (e) => e.weight },
  ]);
}

export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

function rgb(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  const v = m ? parseInt(m[1], 16) : 0x999999;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

const NODE_ATTRIBUTES = [
  ["kind", "string"],
  ["type", "string"],
  ["sector", "string"],
  ["region", "string"],
  ["first_year", "integer"],
  ["members_folded", "integer"],
] as const;

export function toGEXF(visible: VisibleGraph, meta: { description: string; date?: string }): string {
  const a = xmlEscape;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
  out.push(
    `  <meta${meta.date ? ` lastmodifieddate="${a(meta.date)}"` : ""}><creator>Coalition Atlas</creator><description>${a(meta.description)}</description></meta>`,
  );
  out.push('  <graph defaultedgetype="directed" mode="static">');
  out.push('    <attributes class="node">');
  NODE_ATTRIBUTES.forEach(([title, type], k) => out.push(`      <attribute id="${k}" title="${title}" type="${type}"/>`));
  out.push("    </attributes>");
  out.push('    <attributes class="edge">');
  out.push('      <attribute id="0" title="relationship" type="string"/>');
  out.push("    </attributes>");
  out.push("    <nodes>");
  for (const n of visible.nodes) {
    const values: [number, string | number | null][] = [
      [0, n.kind],
      [1, n.type],
      [2, n.sector],
      [3, n.region],
      [4, n.firstYear],
      [5, n.members],
    ];
    const [r, g, b] = rgb(n.color);
    out.push(`      <node id="${a(n.id)}" label="${a(n.name)}">`);
    out.push(
      `        <attvalues>${values
        .filter(([, v]) => v !== null && v !== "")
        .map(([k, v]) => `<attvalue for="${k}" value="${a(String(v))}"/>`)
        .join("")}</attvalues>`,
    );
    out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    out.push(`        <viz:position x="${n.x.toFixed(3)}" y="${n.y.toFixed(3)}" z="0"/>`);
    out.push(`        <viz:size value="${n.size.toFixed(2)}"/>`);
    out.push("      </node>");
  }
  out.push("    </nodes>");
  out.push("    <edges>");
  for (const e of visible.edges) {
    out.push(
      `      <edge id="${a(e.id)}" source="${a(e.source)}" target="${a(e.target)}" label="${a(e.type)}" weight="${e.weight}"><attvalues><attvalue for="0" value="${a(e.type)}"/></attvalues></edge>`,
    );
  }
  out.push("    </edges>");
  out.push("  </graph>");
  out.push("</gexf>");
  return `${out.join("\n")}\n`;
}
