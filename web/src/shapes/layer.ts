/**
 * The coalition shapes: each coalition a soft, translucent region round its members, drawn on a
 * canvas layer Sigma keeps behind its edges and nodes, moved and redrawn with every frame.
 *
 * Why a 2D canvas rather than @sigma/layer-webgl's contour program: the contour program needs a
 * WebGL context per coalition (Chromium keeps at most 16 per page, Sigma already uses three) and a
 * full-screen fragment loop over every member of its coalition, per pixel, which under software
 * WebGL (the browser tests, many laptops' fallback) costs seconds per frame at 10k nodes. Here a
 * region is the union of discs round the members' positions, filled as one path (nonzero winding,
 * so a coalition's own discs never darken each other) in two tones for a soft edge; overlapping
 * coalitions mix their colours, which is what an analyst looks for. Cost: one arc per member on
 * screen per frame, one canvas whatever the number of coalitions.
 */
import type Sigma from "sigma";

import { type Coalition, DEFAULT_SHAPES_OPTIONS } from "./coalitions";

export const SHAPES_LAYER = "coalitions";

export interface ShapesLayer {
  setCoalitions(list: readonly Coalition[]): void;
  /** The region under a viewport point (the smallest, most specific, where several overlap), or null. */
  regionAt(x: number, y: number): Coalition | null;
  /** How many regions the last frame drew, and how many discs. */
  drawn(): { regions: number; discs: number };
  kill(): void;
}

function rgba(color: string, alpha: number): string {
  const v = parseInt(color.slice(1), 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
}

interface Drawn {
  coalition: Coalition;
  /** Screen x, y of the discs drawn last frame. */
  points: Float32Array;
  count: number;
  radius: number;
}

// Sigma's generics are invariant: the layer only reads positions and the camera.
type AnySigma = Sigma<never, never, never>;

export function createShapesLayer(sigma: AnySigma, options: Partial<typeof DEFAULT_SHAPES_OPTIONS> = {}): ShapesLayer {
  const o = { ...DEFAULT_SHAPES_OPTIONS, ...options };
  const graph = sigma.getGraph() as unknown as { hasNode(id: string): boolean; getNodeAttribute(id: string, name: "hidden"): boolean };
  // createCanvasContext hands its options on to createCanvas (which places the layer); only its typing is narrower.
  sigma.createCanvasContext(SHAPES_LAYER, { beforeLayer: "edges" } as { style?: Partial<CSSStyleDeclaration> });
  const canvas = sigma.getCanvases()[SHAPES_LAYER];
  const context = canvas.getContext("2d")!;
  let coalitions: readonly Coalition[] = [];
  let drawn: Drawn[] = [];
  let discs = 0;

  const draw = () => {
    const { width, height } = sigma.getDimensions();
    context.clearRect(0, 0, width, height);
    const radius = o.radius / Math.sqrt(sigma.getCamera().ratio);
    const next: Drawn[] = [];
    discs = 0;
    for (const coalition of coalitions) {
      const ids = [coalition.id, ...coalition.memberIds];
      const points = new Float32Array(ids.length * 2);
      let count = 0;
      context.beginPath();
      const core = new Path2D();
      for (const id of ids) {
        // Members hidden by the view (filters, a collapsed network) are not in the region; members the
        // semantic zoom leaves out still are: the region stands for them.
        if (!graph.hasNode(id) || graph.getNodeAttribute(id, "hidden")) continue;
        const display = sigma.getNodeDisplayData(id);
        if (!display) continue;
        const p = sigma.framedGraphToViewport(display);
        if (p.x < -radius || p.y < -radius || p.x > width + radius || p.y > height + radius) continue;
        points[2 * count] = p.x;
        points[2 * count + 1] = p.y;
        count++;
        context.moveTo(p.x + radius, p.y);
        context.arc(p.x, p.y, radius, 0, 2 * Math.PI);
        core.moveTo(p.x + radius * o.core, p.y);
        core.arc(p.x, p.y, radius * o.core, 0, 2 * Math.PI);
      }
      if (count === 0) continue;
      context.fillStyle = rgba(coalition.color, o.haloAlpha);
      context.fill();
      context.fillStyle = rgba(coalition.color, o.coreAlpha);
      context.fill(core);
      discs += count;
      next.push({ coalition, points, count, radius });
    }
    drawn = next;
  };

  sigma.on("afterRender", draw);
  sigma.resize(true);
  sigma.scheduleRender();

  return {
    setCoalitions(list) {
      coalitions = list;
      sigma.scheduleRender();
    },
    regionAt(x, y) {
      let best: Drawn | null = null;
      for (const d of drawn) {
        const r2 = d.radius * d.radius;
        let inside = false;
        for (let k = 0; k < d.count && !inside; k++) {
          const dx = d.points[2 * k] - x;
          const dy = d.points[2 * k + 1] - y;
          inside = dx * dx + dy * dy <= r2;
        }
        if (inside && (!best || d.coalition.memberIds.length < best.coalition.memberIds.length)) best = d;
      }
      return best?.coalition ?? null;
    },
    drawn: () => ({ regions: drawn.length, discs }),
    kill() {
      sigma.off("afterRender", draw);
      sigma.killLayer(SHAPES_LAYER);
    },
  };
}
