/**
 * The camera controller: frames what the user (or a story step) emphasised, once the layout it is
 * shown in has settled, leaving room for the overlays on the graph pane. Kept apart from the session
 * because it is the only code that measures the DOM around the canvas.
 */
import type { AtlasGraph } from "../graph";
import type { Insets, Renderer } from "../render";
import type { AtlasState } from "../state";

type Emphasis = Exclude<AtlasState["emphasis"], { type: "none" }>;

export interface CameraController {
  /** Frames `emphasis` after `settled` (the pending layout), unless it is no longer current. */
  frame(emphasis: Emphasis, settled: Promise<void>): Promise<void>;
}

export function createCamera(
  container: HTMLElement,
  graph: AtlasGraph,
  renderer: Renderer,
  current: () => AtlasState["emphasis"] | null,
): CameraController {
  /** How far the overlays of the graph pane (marked data-overlay) cover the canvas from its top and bottom. */
  function overlayInsets(): Insets {
    const box = container.getBoundingClientRect();
    const insets = { top: 0, right: 0, bottom: 0, left: 0 };
    container.parentElement?.querySelectorAll<HTMLElement>("[data-overlay]").forEach((el) => {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || r.height > box.height / 2) return;
      if (r.top + r.height / 2 < box.top + box.height / 2) insets.top = Math.max(insets.top, r.bottom - box.top);
      else insets.bottom = Math.max(insets.bottom, box.bottom - r.top);
    });
    return insets;
  }

  return {
    /** A story step's own camera, or a fit of the emphasised nodes on screen (a story step's hidden nodes do not count). */
    async frame(emphasis, settled) {
      await settled;
      // Sigma reads the moved positions on its next frame.
      await new Promise((done) => requestAnimationFrame(done));
      if (current() !== emphasis) return;
      if (emphasis.type === "story" && emphasis.camera) renderer.setCamera(emphasis.camera, true);
      else {
        const ids =
          emphasis.type === "story"
            ? emphasis.nodes.filter((id) => graph.hasNode(id) && !graph.getNodeAttribute(id, "hidden"))
            : emphasis.nodes;
        renderer.fitNodes(ids, overlayInsets());
      }
    },
  };
}
