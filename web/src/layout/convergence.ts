/**
 * When ForceAtlas2 has converged: the nodes' mean movement between two position updates, relative to
 * the size of the drawing, stays below `threshold` for `calm` updates in a row. Relative, so a graph
 * that spreads out (ForceAtlas2 keeps scaling it) and a small one stop alike.
 */
export interface Convergence {
  /** Feeds one update's positions (x, y interleaved); true once the layout has settled. */
  step(positions: Float32Array | Float64Array): boolean;
}

export function convergence(threshold = 0.002, calm = 5): Convergence {
  let previous: Float64Array | null = null;
  let still = 0;
  return {
    step(positions) {
      const n = positions.length / 2;
      if (n === 0) return true;
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      let moved = 0;
      for (let i = 0; i < n; i++) {
        const x = positions[2 * i];
        const y = positions[2 * i + 1];
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        if (previous) moved += Math.hypot(x - previous[2 * i], y - previous[2 * i + 1]);
      }
      const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
      const first = previous === null;
      previous = Float64Array.from(positions);
      if (first) return false;
      still = moved / n / extent < threshold ? still + 1 : 0;
      return still >= calm;
    },
  };
}
