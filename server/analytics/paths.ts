/**
 * The k shortest simple paths between two nodes, in memory over an adjacency index. Pure.
 * Shortest first, then by the sequence of node ids (as the `paths` Cypher query orders them).
 */
import type { Adjacency } from "./adjacency.js";

/** Steps from every node to `to`, counted up to `maxLength` (-1 = farther or unreachable). */
export function distancesTo(adjacency: Adjacency, to: number, maxLength: number): Int32Array {
  const distance = new Int32Array(adjacency.ids.length).fill(-1);
  distance[to] = 0;
  let ring = [to];
  for (let d = 1; d <= maxLength && ring.length > 0; d++) {
    const next: number[] = [];
    for (const at of ring) {
      for (const n of adjacency.neighbours[at]) {
        if (distance[n] === -1) {
          distance[n] = d;
          next.push(n);
        }
      }
    }
    ring = next;
  }
  return distance;
}

export interface FoundPaths {
  /** Node positions of each path, `from` first. */
  paths: number[][];
  /** False when the walk ran out of budget: `paths` is then a prefix of the full answer. */
  complete: boolean;
}

/**
 * Up to `limit` simple paths of at most `maxLength` steps, shortest first and, within a length, in
 * id order. A depth-first walk in id order enumerates the paths of one length in exactly that
 * order; distances to `to` prune every step that could not arrive in time, so the shortest paths
 * come at once. Longer ones can need an exhaustive search around hubs, so the walk looks at no more
 * than `budget` neighbours: when that runs out, what it found is still the beginning of the answer,
 * in order, and `complete` says it stopped early.
 */
export function shortestSimplePaths(
  adjacency: Adjacency,
  from: number,
  to: number,
  maxLength: number,
  limit: number,
  budget = 2_000_000,
): FoundPaths {
  const { neighbours, idRank } = adjacency;
  const distance = distancesTo(adjacency, to, maxLength);
  const paths: number[][] = [];
  if (from === to || distance[from] === -1) return { paths, complete: true };
  const path = [from];
  const onPath = new Uint8Array(adjacency.ids.length);
  onPath[from] = 1;
  let looked = 0;

  // Walks on from `at` with exactly `left` steps to go; false when the budget ran out.
  const walk = (at: number, left: number): boolean => {
    if (left === 0) {
      if (at === to) paths.push([...path]);
      return true;
    }
    const around = neighbours[at];
    looked += around.length;
    if (looked > budget) return false;
    const next: number[] = [];
    for (const n of around) {
      // `to` may only be the last node; every other step must leave a way to arrive in time.
      if (onPath[n] || distance[n] === -1 || distance[n] > left - 1 || (n === to && left > 1)) continue;
      next.push(n);
    }
    next.sort((a, b) => idRank[a] - idRank[b]);
    for (const n of next) {
      if (paths.length >= limit) return true;
      path.push(n);
      onPath[n] = 1;
      const finished = walk(n, left - 1);
      onPath[n] = 0;
      path.pop();
      if (!finished) return false;
    }
    return true;
  };

  for (let length = distance[from]; length <= maxLength && paths.length < limit; length++) {
    if (!walk(from, length)) return { paths, complete: false };
  }
  return { paths, complete: true };
}
