/**
 * The exports controller: what the Share menu downloads, always the current view. Data files (GEXF,
 * GraphML, CSV, XLSX, JSON) come from the server's one exporter (server/imports/export.ts), told
 * which view this is (filter, year, collapsed networks) and what the map draws (nodes, positions,
 * sizes, colours); it keeps only what the viewer may see. Pictures (SVG, and PNG at 2×) are drawn by
 * render/picture.ts from what the map shows, the coalition regions included when the shapes mode is
 * on. Kept apart from the session: it reads, never changes.
 */
import { type ExportedFile, type ExportFormat, type ExportViewInput, fetchExport } from "../api";
import type { AtlasDataset, AtlasGraph } from "../graph";
import { LABEL_FONT } from "../render/label-style";
import { drawPicture, type PictureInput, type Renderer, svgAtScale } from "../render";
import { type AtlasState, facetSpec, facetValueLabel, type FilterFacet, toNetworkFilter } from "../state";
import type { Store } from "../state/store";
import { downloadText } from "./download";
import type { SessionState } from "./view";

/** The PNG's pixels per CSS pixel. */
export const PNG_SCALE = 2;

export interface ExportsController {
  /** Downloads the server's export of the view; `file` picks one of several (CSV: 0 nodes, 1 ties). */
  exportData(format: ExportFormat, file?: number): Promise<void>;
  exportSVG(): void;
  exportPNG(): Promise<void>;
}

const hundredths = (v: number) => Math.round(v * 100) / 100;
const savedName = (name: string) => name.replace(/^atlas/, "coalition-atlas");

function save(file: ExportedFile): void {
  if (file.encoding === "TEXT") return downloadText(savedName(file.name), file.content, file.mimeType);
  const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
  downloadText(savedName(file.name), bytes.buffer, file.mimeType);
}

/** The view in words, as the panels name it: filters, year, collapsed networks (the picture's subtitle). */
export function describeView(s: AtlasState, dataset: AtlasDataset, collapsed: readonly string[]): string {
  const filter = toNetworkFilter(s.filters) as Partial<Record<FilterFacet, string[]>>;
  const facets = Object.entries(filter).map(
    ([key, values]) =>
      `${facetSpec(key as FilterFacet).label.toLowerCase()}: ${values.map((v) => facetValueLabel(key as FilterFacet, v)).join(", ")}`,
  );
  const nameOf = (id: string) => {
    const i = dataset.index.get(id);
    return i === undefined ? id : dataset.nodes[i].name;
  };
  return [
    facets.length ? `Filtered: ${facets.join("; ")}` : "Unfiltered",
    s.year === null ? "all years" : `as of ${s.year}${s.datedOnly ? " (dated records only)" : ""}`,
    collapsed.length ? `collapsed: ${collapsed.map(nameOf).join(", ")}` : "no network collapsed",
  ].join(" · ");
}

async function rasterise(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("2d")!.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the picture could not be encoded as PNG"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function createExports(
  graph: AtlasGraph,
  dataset: () => AtlasDataset,
  renderer: Renderer,
  store: Store<AtlasState>,
  session: Store<SessionState>,
): ExportsController {
  const collapsed = () => [...session.get().view.collapsed].sort();

  /** What the map draws, in graph coordinates with the appearance's colours and sizes. */
  const view = (): ExportViewInput => {
    const s = store.get();
    const nodes: ExportViewInput["nodes"] = [];
    graph.forEachNode((id, attr) => {
      // Hundredths are finer than any screen shows, and keep the request small (10k nodes: ~0.8 MB).
      if (!attr.hidden) nodes.push({ id, x: hundredths(attr.x), y: hundredths(attr.y), size: hundredths(attr.size), color: attr.color });
    });
    // The filter the map's metrics are fetched with (bindings/metrics.ts), so the exported metric values are the map's.
    const filter = toNetworkFilter(s.filters, s.year) as ExportViewInput["filter"];
    return { filter, year: s.year, datedOnly: s.datedOnly, collapsed: collapsed(), link: location.href, nodes };
  };

  let measureContext: CanvasRenderingContext2D | null = null;
  const measure = (text: string, size: number, weight: string) => {
    measureContext ??= document.createElement("canvas").getContext("2d");
    if (!measureContext) return text.length * size * 0.6;
    measureContext.font = `${weight} ${size}px ${LABEL_FONT}`;
    return measureContext.measureText(text).width;
  };

  /** The picture of what the map shows now (emphasis included), fitted whole. */
  const picture = () => {
    const s = store.get();
    const published = session.get();
    const nodes: PictureInput["nodes"] = [];
    graph.forEachNode((id, attr) => {
      const display = renderer.displayData(id);
      const at = renderer.viewportPosition(id);
      if (attr.hidden || !display || display.hidden || !at) return;
      nodes.push({
        id,
        x: at.x,
        y: at.y,
        radius: Number(display.size ?? attr.size),
        color: String(display.color ?? attr.color),
        ring: attr.borderColor,
        label: attr.label,
        tier: attr.collapsed ? 0 : attr.landmark >= 0 ? 1 : 2,
        rank: Math.max(0, attr.landmark),
      });
    });
    const edges: PictureInput["edges"] = [];
    graph.forEachEdge((id, attr, source, target, sourceAttr, targetAttr) => {
      if (attr.hidden || sourceAttr.hidden || targetAttr.hidden) return;
      const display = renderer.edgeDisplayData(id);
      if (!display || display.hidden) return;
      edges.push({ source, target, color: String(display.color ?? attr.color), width: Number(display.size ?? 1) });
    });
    // The coalition regions, when on the map: round the members the view shows, wherever they are (the
    // picture shows the whole graph), and those the zoom leaves out, for whom the regions stand.
    const coalitions = published.coalitions;
    const regions: PictureInput["regions"] = coalitions
      ? {
          shown: coalitions.shown.map((c) => ({
            id: c.id,
            label: c.label,
            color: c.color,
            members: c.memberIds.length,
            points: [c.id, ...c.memberIds].flatMap((id) => {
              const at = graph.hasNode(id) && !graph.getNodeAttribute(id, "hidden") ? renderer.viewportPosition(id) : null;
              return at ? [{ x: at.x, y: at.y }] : [];
            }),
          })),
          legend: {
            title: "Coalitions (shaded regions round their members)",
            notes:
              coalitions.total > coalitions.shown.length
                ? [`${coalitions.total - coalitions.shown.length} smaller coalitions are not shaded.`]
                : [],
          },
        }
      : undefined;
    const { width, height } = renderer.dimensions();
    const notes: string[] = [];
    notes.push(published.size.title);
    if (published.view.collapsed.size) notes.push("Ringed: a collapsed network, sized by its members");
    if (s.year !== null) notes.push("Pale: date unknown (the documents give no year)");
    const today = new Date().toISOString().slice(0, 10);
    return drawPicture(
      {
        nodes,
        edges,
        title: "Coalition Atlas: the migrant-rights movement as a network of networks",
        subtitle: describeView(s, dataset(), collapsed()),
        legend: { title: published.colorTitle, entries: published.legend, notes },
        regions,
        date: `${s.year === null ? "All years" : `As of ${s.year}`} · exported ${today}`,
        source: `Source: Coalition Atlas, ${location.origin}${location.pathname} (every node and tie cites its document)`,
        width,
        height,
      },
      measure,
    );
  };

  return {
    async exportData(format, file = 0) {
      const files = await fetchExport(format, view());
      save(format === "CSV" ? files[file] : files[0]);
    },
    exportSVG() {
      downloadText("coalition-atlas-view.svg", picture().svg, "image/svg+xml");
    },
    async exportPNG() {
      const p = picture();
      const png = await rasterise(svgAtScale(p, PNG_SCALE), p.width * PNG_SCALE, p.height * PNG_SCALE);
      downloadText("coalition-atlas-view.png", png, "image/png");
    },
  };
}
