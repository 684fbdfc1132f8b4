/**
 * Coalition shapes and semantic zoom. The drawing layer (layer.ts) is not exported here: the
 * renderer imports it dynamically when the mode is turned on, so the first frame never loads it.
 */
export {
  type Coalition,
  COALITION_COLORS,
  type CoalitionList,
  DEFAULT_SHAPES_OPTIONS,
  findCoalitions,
  MAX_COALITION_SHAPES,
  type ShapeRole,
  shapeRoles,
} from "./coalitions";
export { plainZoomStage, SEMANTIC_ZOOM, sameStage, zoomEdge, zoomNode, zoomStage, type ZoomStage } from "./semantic-zoom";
