/**
 * The exported picture of the view, as SVG: the visible nodes and ties where the map draws them, in
 * their colours and sizes, labelled by the map's own label picker, under a title and the view's
 * description, over a legend, the date of the view and a source line. The page is sized to what is
 * drawn (every disc and label, plus a margin), so nothing is cut at the edges. Pure: the PNG is this
 * SVG rasterised at 2× by the exports binding, and unit tests read it in Node.
 */
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT } from "./label-style";
import { type LabelCandidate, pickLabels } from "./labels";

export interface PictureNode {
  id: string;
  /** Where the map draws it (screen orientation, y down; any scale: the picture refits). */
  x: number;
  y: number;
  /** Radius in CSS pixels. */
  radius: number;
  color: string;
  /** The colour of a ring round the disc (a collapsed network, a shared member), as the map draws it. */
  ring?: string;
  label: string;
  /** As the map's label picker ranks them: 0 collapsed networks, 1 landmarks, 2 the rest. */
  tier: number;
  rank: number;
}

export interface PictureEdge {
  source: string;
  target: string;
  color: string;
  width: number;
}

export interface PictureInput {
  nodes: PictureNode[];
  edges: PictureEdge[];
  title: string;
  /** Which view this is: filters, year, collapsed networks. */
  subtitle: string;
  legend: { title: string; entries: { label: string; color: string; count: number }[]; notes: string[] };
  /** "As of 2010 · exported 2026-12-03" */
  date: string;
  source: string;
  /** The area the graph is fitted into (CSS pixels), like the map's canvas. */
  width: number;
  height: number;
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
  /** Nodes that got a label. */
  labelled: Set<string>;
}

const MARGIN = 24;
const LINE = 18;
const TITLE_SIZE = 20;
const TEXT_SIZE = 12;
const LABEL_GAP = 3;
const NORMAL = "400";
const BOLD = "700";

export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Lays the picture out; `measure(text, size, weight)` is a text's width in pixels in that font size and weight. */
export function drawPicture(input: PictureInput, measure: (text: string, size: number, weight: string) => number): Picture {
  // Fit the drawing's extent into the area (the map's own zoom does not matter).
  const xs = input.nodes.map((n) => n.x);
  const ys = input.nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = xs.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 0, 0, 0];
  const scale = Math.min(input.width / (maxX - minX || 1), input.height / (maxY - minY || 1));
  const at = new Map(input.nodes.map((n) => [n.id, { x: (n.x - minX) * scale, y: (n.y - minY) * scale }]));

  const labelWidth = (text: string) => measure(text, LABEL_SIZE, LABEL_WEIGHT);
  const candidates: LabelCandidate[] = input.nodes.map((n) => ({
    ...at.get(n.id)!,
    id: n.id,
    radius: n.radius,
    text: n.label,
    tier: n.tier,
    rank: n.rank,
  }));
  const labelled = pickLabels(candidates, labelWidth, { width: input.width, height: input.height, lineHeight: LABEL_SIZE + 2 });

  // The extent of everything drawn: discs and label boxes.
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  const cover = (x0: number, y0: number, x1: number, y1: number) => {
    left = Math.min(left, x0);
    top = Math.min(top, y0);
    right = Math.max(right, x1);
    bottom = Math.max(bottom, y1);
  };
  for (const n of input.nodes) {
    const p = at.get(n.id)!;
    const r = n.radius + (n.ring ? 1 : 0); // half the ring's stroke lies outside the disc
    cover(p.x - r, p.y - r, p.x + r, p.y + r);
    if (labelled.has(n.id))
      cover(
        p.x + n.radius + LABEL_GAP,
        p.y - LABEL_SIZE / 2 - 2,
        p.x + n.radius + LABEL_GAP + labelWidth(n.label),
        p.y + LABEL_SIZE / 2 + 2,
      );
  }
  if (!input.nodes.length) [left, top, right, bottom] = [0, 0, 0, 0];

  const out: string[] = [];
  const text = (x: number, y: number, size: number, content: string, extra = "") =>
    out.push(`<text x="${round(x)}" y="${round(y)}" font-size="${size}"${extra}>${xmlEscape(content)}</text>`);

  // Header: title and the view's description.
  let y = MARGIN + TITLE_SIZE;
  const header: [number, string, string][] = [[TITLE_SIZE, input.title, ` font-weight="${BOLD}"`]];
  header.push([TEXT_SIZE, input.subtitle, ' fill="#444"']);
  const headerWidth = Math.max(...header.map(([size, content], i) => measure(content, size, i === 0 ? BOLD : NORMAL)));
  const graphTop = y + LINE;
  const graphWidth = right - left;
  const graphHeight = bottom - top;

  // Legend rows: swatches with their labels, wrapped to the page's width.
  const pageInner = Math.max(graphWidth, headerWidth, 320);
  const entries = input.legend.entries.map((e) => ({ ...e, text: `${e.label} (${e.count})` }));
  const rows: (typeof entries)[] = [[]];
  let rowWidth = 0;
  for (const e of entries) {
    const w = 16 + measure(e.text, TEXT_SIZE, NORMAL) + 16;
    if (rowWidth + w > pageInner && rows[rows.length - 1].length) {
      rows.push([]);
      rowWidth = 0;
    }
    rows[rows.length - 1].push(e);
    rowWidth += w;
  }
  const footerLines = [input.date, input.source];
  const footerWidth = Math.max(
    measure(input.legend.title, TEXT_SIZE, BOLD),
    ...[...input.legend.notes, ...footerLines].map((line) => measure(line, TEXT_SIZE, NORMAL)),
  );
  const width = Math.ceil(Math.max(pageInner, footerWidth) + 2 * MARGIN);
  const legendTop = graphTop + graphHeight + LINE;
  const height = Math.ceil(legendTop + LINE * (1 + rows.length + input.legend.notes.length + 1 + footerLines.length) + MARGIN);

  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const [size, content, extra] of header) {
    text(MARGIN, y, size, content, extra);
    y += LINE;
  }

  // The graph: ties first, then discs, then labels (the map's drawing order).
  const dx = MARGIN - left;
  const dy = graphTop - top;
  out.push(`<g transform="translate(${round(dx)} ${round(dy)})">`);
  out.push('<g class="edges" fill="none">');
  for (const e of input.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (!a || !b) continue;
    out.push(
      `<line x1="${round(a.x)}" y1="${round(a.y)}" x2="${round(b.x)}" y2="${round(b.y)}" stroke="${xmlEscape(e.color)}" stroke-width="${round(e.width)}"/>`,
    );
  }
  out.push("</g>");
  out.push('<g class="nodes">');
  for (const n of input.nodes) {
    const p = at.get(n.id)!;
    const ring = n.ring ? ` stroke="${xmlEscape(n.ring)}" stroke-width="2"` : "";
    out.push(
      `<circle cx="${round(p.x)}" cy="${round(p.y)}" r="${round(n.radius)}" fill="${xmlEscape(n.color)}"${ring}><title>${xmlEscape(n.label)}</title></circle>`,
    );
  }
  out.push("</g>");
  out.push(`<g class="labels" font-size="${LABEL_SIZE}" font-weight="${LABEL_WEIGHT}" dominant-baseline="central">`);
  for (const n of input.nodes) {
    if (!labelled.has(n.id)) continue;
    const p = at.get(n.id)!;
    out.push(`<text x="${round(p.x + n.radius + LABEL_GAP)}" y="${round(p.y)}">${xmlEscape(n.label)}</text>`);
  }
  out.push("</g></g>");

  // Legend, notes, date of the view and source line.
  y = legendTop + TEXT_SIZE;
  out.push('<g class="legend">');
  text(MARGIN, y, TEXT_SIZE, input.legend.title, ` font-weight="${BOLD}"`);
  for (const row of rows) {
    y += LINE;
    let x = MARGIN;
    for (const e of row) {
      out.push(`<rect x="${round(x)}" y="${round(y - 10)}" width="12" height="12" rx="2" fill="${xmlEscape(e.color)}"/>`);
      text(x + 16, y, TEXT_SIZE, e.text);
      x += 16 + measure(e.text, TEXT_SIZE, NORMAL) + 16;
    }
  }
  for (const note of input.legend.notes) {
    y += LINE;
    text(MARGIN, y, TEXT_SIZE, note, ' fill="#444"');
  }
  out.push("</g>");
  y += LINE;
  for (const line of footerLines) {
    y += LINE;
    text(MARGIN, y, TEXT_SIZE, line, ' fill="#444"');
  }

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(LABEL_FONT)}">`,
    ...out,
    "</svg>",
  ].join("\n");
  return { svg: `${svg}\n`, width, height, labelled };
}

/** The same picture with `k` times the pixels (its viewBox unchanged): what the PNG rasterises. */
export function svgAtScale(picture: Picture, k: number): string {
  return picture.svg.replace(
    `width="${picture.width}" height="${picture.height}"`,
    `width="${picture.width * k}" height="${picture.height * k}"`,
  );
}
