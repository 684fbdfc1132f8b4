/**
 * The explorer's opening layout, computed on the server: the browser's own code (core/layout,
 * pure TypeScript) over the same columns the browser receives, so the positions are exactly the
 * ones a browser would compute, without every first visit paying for ForceAtlas2.
 */
import { createDataset } from "../../core/dataset.js";
import { computeInitialLayout } from "../../core/layout/initial.js";
import type { CompactNetwork } from "../../core/wire.js";

/**
 * x0, y0, x1, y1 … in node order, rounded to 0.01 (a hundredth of a pixel at the opening zoom).
 * Never -0: JSON writes it as 0, so the answer a client parses would differ from the one cached.
 */
export function openingLayout(network: CompactNetwork): number[] {
  const positions = computeInitialLayout(createDataset(network));
  return Array.from(positions, (v) => Math.round(v * 100) / 100 || 0);
}
