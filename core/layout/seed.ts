/**
 * Deterministic starting positions: a golden-angle spiral with the best connected nodes at the
 * centre, and each folded member of a network beside its network, so a layout starts from a sane
 * picture and the same data always gives the same positions.
 */
import type { AtlasDataset } from "../wire.js";

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function seedPositions(dataset: AtlasDataset): Float64Array {
  const n = dataset.nodes.length;
  const positions = new Float64Array(2 * n);
  const order = dataset.nodes
    .map((_, i) => i)
    .sort((a, b) => dataset.degree[b] - dataset.degree[a] || dataset.nodes[a].id.localeCompare(dataset.nodes[b].id));
  order.forEach((i, rank) => {
    const radius = 10 * Math.sqrt(rank + 1);
    positions[2 * i] = radius * Math.cos(rank * GOLDEN_ANGLE);
    positions[2 * i + 1] = radius * Math.sin(rank * GOLDEN_ANGLE);
  });
  return positions;
}

/** A small deterministic offset per node id, so nodes placed on the same spot do not overlap. */
export function jitter(id: string, scale: number): [number, number] {
  let h = 2166136261;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 16777619);
  const angle = ((h >>> 0) % 3600) * (Math.PI / 1800);
  const r = scale * (0.5 + (((h >>> 12) % 1000) / 1000) * 0.5);
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

/**
 * Puts every node not in `placed` at the mean position of its placed neighbours (plus a jitter),
 * sweeping until nothing changes; nodes with no placed neighbour at all keep their seed position.
 */
export function placeAroundNeighbours(dataset: AtlasDataset, positions: Float64Array, placed: Uint8Array, spacing: number): void {
  const done = placed.slice();
  let changed = true;
  while (changed) {
    changed = false;
    const next: [number, number, number][] = [];
    dataset.nodes.forEach((node, i) => {
      if (done[i]) return;
      let sx = 0;
      let sy = 0;
      let k = 0;
      for (const j of dataset.incident[i]) {
        const e = dataset.edges[j];
        const other = e.source === i ? e.target : e.source;
        if (!done[other]) continue;
        sx += positions[2 * other];
        sy += positions[2 * other + 1];
        k++;
      }
      if (k === 0) return;
      const [dx, dy] = jitter(node.id, spacing);
      next.push([i, sx / k + dx, sy / k + dy]);
    });
    for (const [i, x, y] of next) {
      positions[2 * i] = x;
      positions[2 * i + 1] = y;
      done[i] = 1;
      changed = true;
    }
  }
}
