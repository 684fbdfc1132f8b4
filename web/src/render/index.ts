export {
  createRenderer,
  FIRST_FRAME_MARK,
  type BandCaption,
  type Insets,
  type Renderer,
  type RendererCallbacks,
  type ShapesInfo,
  type ZoomInfo,
} from "./renderer";
export type { EmphasisInput } from "./reducers";
export { drawPicture, type Picture, type PictureInput, svgAtScale } from "./picture";
