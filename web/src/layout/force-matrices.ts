/**
 * graphology-layout-forceatlas2's flat matrices, built from plain arrays in the layout's worker
 * rather than through a graphology graph on the main thread: the same numbers its
 * `graphToByteArrays` writes for the simple undirected graph of the visible ties (parallel and
 * reverse ties merged into one of weight 1, loops dropped), in the same order.
 */

/** Numbers per node in graphology's node matrix (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
export const PPN = 10;
/** Numbers per edge (source offset, target offset, weight). */
export const PPE = 3;

/**
 * `positions`: x, y per node; `ends`: source, target node numbers per tie (any direction, repeats and
 * loops allowed). Mass is 1 + the node's degree in the merged graph, as graphology counts it.
 */
export function forceMatrices(positions: Float32Array, ends: Int32Array): { nodes: Float32Array; edges: Float32Array } {
  const n = positions.length / 2;
  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    nodes[i * PPN] = positions[2 * i];
    nodes[i * PPN + 1] = positions[2 * i + 1];
    nodes[i * PPN + 6] = 1; // mass
    nodes[i * PPN + 7] = 1; // convergence
    nodes[i * PPN + 8] = 1; // size
  }
  const seen = new Set<number>();
  const kept: number[] = [];
  for (let k = 0; k < ends.length; k += 2) {
    const s = ends[k];
    const t = ends[k + 1];
    if (s === t) continue;
    const key = s < t ? s * n + t : t * n + s;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(s, t);
  }
  const edges = new Float32Array((kept.length / 2) * PPE);
  for (let k = 0, j = 0; k < kept.length; k += 2, j += PPE) {
    const sj = kept[k] * PPN;
    const tj = kept[k + 1] * PPN;
    nodes[sj + 6] += 1;
    nodes[tj + 6] += 1;
    edges[j] = sj;
    edges[j + 1] = tj;
    edges[j + 2] = 1;
  }
  return { nodes, edges };
}
