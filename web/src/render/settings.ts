/** Sigma settings, in one place (one owner per setting): programs, labels, interaction. */
import { createNodeBorderProgram } from "@sigma/node-border";
import { NodeCircleProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";

import type { AtlasEdgeAttributes, AtlasNodeAttributes } from "../graph/types";
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT } from "./label-style";

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
    // Labels: the renderer picks them (render/labels.ts, no overlaps) and forces them; Sigma's own
    // grid is switched off with an unreachable size threshold.
    labelFont: LABEL_FONT,
    labelSize: LABEL_SIZE,
    labelWeight: LABEL_WEIGHT,
    labelColor: { color: "#1d1d1f" },
    labelRenderedSizeThreshold: Number.POSITIVE_INFINITY,
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
