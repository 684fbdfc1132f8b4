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

/**
 * Up to `limit` simple paths (node positions, `from` first) of at most `maxLength` steps, shortest
 * first and, within a length, in id order. A depth-first walk in id order enumerates the paths of
 * one length in exactly that order; distances to `to` prune every step that could not arrive in
 * time. Where hubs make the walk long, it gives up after `budget` steps and answers undefined, so
 * the caller can fall back to the database.
 */
export function shortestSimplePaths(
  adjacency: Adjacency,
  from: number,
  to: number,
  maxLength: number,
  limit: number,
  budget = 200_000,
): number[][] | undefined {
  const { neighbours, idRank } = adjacency;
  const distance = distancesTo(adjacency, to, maxLength);
  const paths: number[][] = [];
  if (from === to || distance[from] === -1) return paths;
  const path = [from];
  const onPath = new Uint8Array(adjacency.ids.length);
  onPath[from] = 1;
  let steps = 0;

  // Walks on from `at` with exactly `left` steps to go; false when the budget ran out.
  const walk = (at: number, left: number): boolean => {
    if (left === 0) {
      if (at === to) paths.push([...path]);
      return true;
    }
    const next: number[] = [];
    for (const n of neighbours[at]) {
      // `to` may only be the last node; every other step must leave a way to arrive in time.
      if (onPath[n] || distance[n] === -1 || distance[n] > left - 1 || (n === to && left > 1)) continue;
      next.push(n);
    }
    next.sort((a, b) => idRank[a] - idRank[b]);
    for (const n of next) {
      if (paths.length >= limit) return true;
      if (++steps > budget) return false;
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
    if (!walk(from, length)) return undefined;
  }
  return paths;
}
