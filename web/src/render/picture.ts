/**
 * The exported picture of the view, as SVG: the visible nodes and ties where the map draws them, in
 * their colours and sizes, labelled by the map's own label picker, under a title and the view's
 * description, over a legend, the date of the view and a source line. In the coalition shapes mode the
 * regions go in too, behind the ties, as the map shades them, and are named in the legend. The page is
 * sized to what is drawn (every disc, region and label, plus a margin), so nothing is cut at the
 * edges. Pure: the PNG is this SVG rasterised at 2× by the exports binding, and unit tests read it in Node.
 */
import { DEFAULT_SHAPES_OPTIONS } from "../shapes";
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

/** A coalition's region (the shapes mode), shaded round its members as the map shades it. */
export interface PictureRegion {
  id: string;
  label: string;
  color: string;
  /** Where its members and the coalition itself are, in the nodes' coordinates (members the map's zoom leaves out included). */
  points: { x: number; y: number }[];
  /** Its members, as the legend counts them. */
  members: number;
}

export interface LegendBlock {
  title: string;
  entries: { label: string; color: string; count: number }[];
  notes: string[];
}

export interface PictureInput {
  nodes: PictureNode[];
  edges: PictureEdge[];
  title: string;
  /** Which view this is: filters, year, collapsed networks. */
  subtitle: string;
  legend: LegendBlock;
  /** The coalition shapes, when the map shows them: drawn behind the ties and named in a legend of their own. */
  regions?: { shown: PictureRegion[]; legend: Omit<LegendBlock, "entries"> };
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
/** The legend's swatch of a region: its colour as translucent as the panel's (styles.css .region-swatch). */
const REGION_SWATCH_OPACITY = 0.6;

export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const round = (v: number) => Math.round(v * 100) / 100;

/** One path of discs round the points: filled with the nonzero rule, their union, as the map fills a region. */
function discs(points: { x: number; y: number }[], r: number): string {
  return points
    .map(
      ({ x, y }) =>
        `M${round(x + r)} ${round(y)}A${round(r)} ${round(r)} 0 1 0 ${round(x - r)} ${round(y)}A${round(r)} ${round(r)} 0 1 0 ${round(x + r)} ${round(y)}Z`,
    )
    .join("");
}

/** Lays the picture out; `measure(text, size, weight)` is a text's width in pixels in that font size and weight. */
export function drawPicture(input: PictureInput, measure: (text: string, size: number, weight: string) => number): Picture {
  // Fit the drawing's extent into the area (the map's own zoom does not matter).
  const regions = input.regions?.shown ?? [];
  const regionPoints = regions.flatMap((r) => r.points);
  const xs = [...input.nodes, ...regionPoints].map((n) => n.x);
  const ys = [...input.nodes, ...regionPoints].map((n) => n.y);
  const [minX, maxX, minY, maxY] = xs.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 0, 0, 0];
  const scale = Math.min(input.width / (maxX - minX || 1), input.height / (maxY - minY || 1));
  const fit = (p: { x: number; y: number }) => ({ x: (p.x - minX) * scale, y: (p.y - minY) * scale });
  const at = new Map(input.nodes.map((n) => [n.id, fit(n)]));
  // The picture shows the whole graph, as the map does at camera ratio 1: the regions' discs at that ratio's radius.
  const regionRadius = DEFAULT_SHAPES_OPTIONS.radius;
  const regionAt = regions.map((r) => r.points.map(fit));

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
  for (const p of regionAt.flat()) cover(p.x - regionRadius, p.y - regionRadius, p.x + regionRadius, p.y + regionRadius);
  if (!input.nodes.length && !regionPoints.length) [left, top, right, bottom] = [0, 0, 0, 0];

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

  // Legends (the colours, then the regions): swatches with their labels, wrapped to the page's width.
  const pageInner = Math.max(graphWidth, headerWidth, 320);
  const legends = [
    { ...input.legend, opacity: 1 },
    ...(input.regions
      ? [
          {
            ...input.regions.legend,
            entries: regions.map((r) => ({ label: r.label, color: r.color, count: r.members })),
            opacity: REGION_SWATCH_OPACITY,
          },
        ]
      : []),
  ].map((block) => {
    const entries = block.entries.map((e) => ({ ...e, text: `${e.label} (${e.count})` }));
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
    return { ...block, rows };
  });
  const footerLines = [input.date, input.source];
  const footerWidth = Math.max(
    ...legends.map((block) => measure(block.title, TEXT_SIZE, BOLD)),
    ...[...legends.flatMap((block) => block.notes), ...footerLines].map((line) => measure(line, TEXT_SIZE, NORMAL)),
  );
  const width = Math.ceil(Math.max(pageInner, footerWidth) + 2 * MARGIN);
  const legendTop = graphTop + graphHeight + LINE;
  // Lines after the first legend's title: each legend's rows and notes, a blank line and a title between legends.
  const legendLines = legends.reduce((n, block, k) => n + block.rows.length + block.notes.length + (k ? 2 : 0), 0);
  const height = Math.ceil(legendTop + LINE * (1 + legendLines + 1 + footerLines.length) + MARGIN);

  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const [size, content, extra] of header) {
    text(MARGIN, y, size, content, extra);
    y += LINE;
  }

  // The graph: regions first, then ties, discs and labels (the map's drawing order).
  const dx = MARGIN - left;
  const dy = graphTop - top;
  out.push(`<g transform="translate(${round(dx)} ${round(dy)})">`);
  if (regions.length) {
    const { core, haloAlpha, coreAlpha } = DEFAULT_SHAPES_OPTIONS;
    out.push('<g class="regions">');
    regions.forEach((region, k) => {
      const fill = xmlEscape(region.color);
      out.push(`<g class="region" data-coalition="${xmlEscape(region.id)}"><title>${xmlEscape(region.label)}</title>`);
      out.push(`<path d="${discs(regionAt[k], regionRadius)}" fill="${fill}" fill-opacity="${haloAlpha}"/>`);
      out.push(`<path d="${discs(regionAt[k], regionRadius * core)}" fill="${fill}" fill-opacity="${coreAlpha}"/>`);
      out.push("</g>");
    });
    out.push("</g>");
  }
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

  // Legends, their notes, date of the view and source line.
  y = legendTop + TEXT_SIZE - 2 * LINE;
  legends.forEach((block, k) => {
    y += 2 * LINE;
    out.push(`<g class="legend"${k ? ' data-legend="regions"' : ""}>`);
    text(MARGIN, y, TEXT_SIZE, block.title, ` font-weight="${BOLD}"`);
    const opacity = block.opacity === 1 ? "" : ` fill-opacity="${block.opacity}"`;
    for (const row of block.rows) {
      y += LINE;
      let x = MARGIN;
      for (const e of row) {
        out.push(`<rect x="${round(x)}" y="${round(y - 10)}" width="12" height="12" rx="2" fill="${xmlEscape(e.color)}"${opacity}/>`);
        text(x + 16, y, TEXT_SIZE, e.text);
        x += 16 + measure(e.text, TEXT_SIZE, NORMAL) + 16;
      }
    }
    for (const note of block.notes) {
      y += LINE;
      text(MARGIN, y, TEXT_SIZE, note, ' fill="#444"');
    }
    out.push("</g>");
  });
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
