/**
 * The exports controller: what the Share menu downloads, always the visible graph only (PNG of the
 * canvas, GEXF for Gephi, node and edge CSV). Kept apart from the session because it reads the
 * graph but never changes it.
 */
import { type AtlasDataset, type AtlasGraph, edgesCSV, nodesCSV, toGEXF, visibleGraph } from "../graph";
import type { Renderer } from "../render";

export interface ExportsController {
  exportPNG(): Promise<void>;
  exportGEXF(): string;
  exportNodesCSV(): string;
  exportEdgesCSV(): string;
}

export function createExports(graph: AtlasGraph, dataset: () => AtlasDataset, renderer: Renderer): ExportsController {
  const download = (name: string) => `coalition-atlas-${name}`;
  return {
    exportPNG: () => renderer.exportPNG(download("view")),
    exportGEXF: () =>
      toGEXF(visibleGraph(graph, dataset()), {
        description: `Coalition Atlas: the visible graph${location.search ? ` (${decodeURIComponent(location.search)})` : ""}`,
        date: new Date().toISOString().slice(0, 10),
      }),
    exportNodesCSV: () => nodesCSV(visibleGraph(graph, dataset())),
    exportEdgesCSV: () => edgesCSV(visibleGraph(graph, dataset())),
  };
}
