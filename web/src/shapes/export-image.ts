/**
 * The coalition shapes in an image export. @sigma/export-image draws the graph again in a temporary
 * Sigma and copies the canvases named in `layers`; the regions are a canvas of the on-screen Sigma
 * only, so this gives the options that draw them in the temporary one too (same coalitions, same
 * camera) and name their layer first, behind the edges and nodes. Loaded with the export, never
 * in the first frame.
 */
import type { ToImageOptions } from "@sigma/export-image";

import type { Coalition } from "./coalitions";
import { createShapesLayer, SHAPES_LAYER } from "./layer";

/**
 * Options for `drawOnCanvas` / `downloadAsPNG` that add the coalitions' regions behind `layers`;
 * with no coalitions (the shapes mode off), `layers` alone.
 */
export function coalitionShapesExport(
  coalitions: readonly Coalition[] | null,
  layers: readonly string[],
): Pick<ToImageOptions, "layers" | "withTempRenderer"> {
  if (!coalitions?.length) return { layers: [...layers], withTempRenderer: null };
  return {
    layers: [SHAPES_LAYER, ...layers],
    withTempRenderer: (temporary) => {
      const shapes = createShapesLayer(temporary as unknown as Parameters<typeof createShapesLayer>[0]);
      shapes.setCoalitions(coalitions);
      // Draw now: the export copies the canvases as soon as this returns (the temporary Sigma's kill removes the layer).
      temporary.refresh();
    },
  };
}
