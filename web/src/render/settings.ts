/** Sigma settings, in one place (one owner per setting): programs, labels, interaction. */
import { createNodeBorderProgram } from "@sigma/node-border";
import { NodeCircleProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";

import type { AtlasEdgeAttributes, AtlasNodeAttributes } from "../graph/types";

/** Above this many ties, edges are drawn as plain lines (arrows cost twice the vertices). */
export const ARROW_EDGE_LIMIT = 5000;

export function sigmaSettings(edgeCount: number): Partial<Settings<AtlasNodeAttributes, AtlasEdgeAttributes>> {
  return {
    // Programs
    nodeProgramClasses: {
      circle: NodeCircleProgram,
      // A collapsed network: a dark ring round its colour says "this stands for members".
      bordered: createNodeBorderProgram({
        borders: [
          { size: { value: 0.18 }, color: { attribute: "borderColor", defaultValue: "#1d1d1f" } },
          { size: { fill: true }, color: { attribute: "color" } },
        ],
      }),
    },
    defaultNodeType: "circle",
    defaultEdgeType: edgeCount > ARROW_EDGE_LIMIT ? "line" : "arrow",
    // Labels: acronyms are short, so a fairly dense grid reads well; small nodes stay unlabelled
    // until zoomed in, and landmarks (networks of networks) force theirs.
    labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 12,
    labelWeight: "500",
    labelColor: { color: "#1d1d1f" },
    labelDensity: 0.5,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    renderEdgeLabels: false,
    // Interaction: while the camera moves, skip edges (the expensive layer) and labels.
    hideEdgesOnMove: true,
    hideLabelsOnMove: edgeCount > ARROW_EDGE_LIMIT,
    enableEdgeEvents: false,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 3,
    stagePadding: 40,
  };
}
