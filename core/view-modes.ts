/**
 * The explorer's view modes: how nodes are coloured, sized and laid out. The URL parser, the View
 * panel and the story format (core/story.ts) all read these lists.
 */
import { METRIC_KEYS, type MetricKey } from "./metrics.js";

export const COLOR_MODES = ["category", "kind", "type", "sector", "community"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** Nodes are sized by one of the metrics (core/metrics.ts). */
export const SIZE_MODES: readonly [MetricKey, ...MetricKey[]] = METRIC_KEYS;
export type SizeMode = MetricKey;

export const LAYOUT_MODES = ["force", "sectors"] as const;
export type LayoutMode = (typeof LAYOUT_MODES)[number];

/** What is drawn behind the nodes: nothing, or each coalition as a shaded region round its members (web/src/shapes). */
export const SHAPE_MODES = ["none", "coalitions"] as const;
export type ShapeMode = (typeof SHAPE_MODES)[number];
