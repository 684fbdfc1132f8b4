/**
 * An adjacency index over a graph read as columns, for breadth-first neighbourhoods in memory.
 * Pure. Built once per cached whole-graph read (see resolvers/neighbourhood.ts) and then reused.
 */
export interface Adjacency {
  /** Node ids, in column order, and their positions. */
  ids: readonly string[];
  index: Map<string, number>;
  /** Relationships touching each node (both directions, like Cypher's `COUNT { (n)--() }`). */
  degree: Int32Array;
  /** Distinct neighbours of each node, either direction. */
  neighbours: Int32Array[];
  /** Positions (in the edge columns) of the relationships leaving each node. */
  outgoing: Int32Array[];
  /** Target node of every relationship (-1 when it is outside the nodes). */
  targets: Int32Array;
  /** Each node's rank in id order, and the node of each rank, so ranking never compares strings. */
  idRank: Int32Array;
  byRank: Int32Array;
}

export function buildAdjacency(ids: readonly string[], sources: readonly string[], targets: readonly string[]): Adjacency {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const degree = new Int32Array(ids.length);
  const near: Set<number>[] = ids.map(() => new Set());
  const out: number[][] = ids.map(() => []);
  const target = new Int32Array(sources.length);
  for (let j = 0; j < sources.length; j++) {
    const s = index.get(sources[j]);
    const t = index.get(targets[j]);
    target[j] = t ?? -1;
    if (s === undefined || t === undefined) continue;
    degree[s] += 1;
    degree[t] += 1;
    near[s].add(t);
    near[t].add(s);
    out[s].push(j);
  }
  const byRank = Int32Array.from([...ids.keys()].sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0)));
  const idRank = new Int32Array(ids.length);
  byRank.forEach((i, rank) => (idRank[i] = rank));
  return {
    ids,
    index,
    degree,
    neighbours: near.map((set) => Int32Array.from(set)),
    outgoing: out.map((list) => Int32Array.from(list)),
    targets: target,
    idRank,
    byRank,
  };
}

export interface Neighbourhood {
  /** Node positions, ranked: distance, then degree (most first), then id. */
  nodes: number[];
  /** Edge positions among the kept nodes, by the kept node they leave. */
  edges: number[];
  truncated: boolean;
}

/** Keys (degree, id rank) stay exact doubles up to a million nodes and a million relationships per node. */
const SPAN = 2 ** 20;

/** A ring's nodes, most connected first, then by id. */
function rankRing(adjacency: Adjacency, ring: number[]): number[] {
  const { ids, degree, idRank, byRank } = adjacency;
  if (ids.length > SPAN) return ring.sort((a, b) => degree[b] - degree[a] || idRank[a] - idRank[b]);
  // One exact numeric key per node sorts a ring of tens of thousands (a hub's members) natively.
  const keys = new Float64Array(ring.length);
  for (let k = 0; k < ring.length; k++) keys[k] = (SPAN - 1 - Math.min(degree[ring[k]], SPAN - 1)) * SPAN + idRank[ring[k]];
  keys.sort();
  return Array.from(keys, (key) => byRank[key % SPAN]);
}

/**
 * The nodes within `depth` steps of `centre` (itself included), cut at `limit` after ranking by
 * distance, then degree, then id; and the relationships among those kept. A ring is only explored
 * while the nodes found so far fit in `limit` (farther ones could not be kept anyway).
 */
export function neighbourhoodOf(adjacency: Adjacency, centre: number, depth: number, limit: number): Neighbourhood {
  const { neighbours, outgoing, targets } = adjacency;
  const seen = new Set<number>([centre]);
  const rings: number[][] = [[centre]];
  for (let d = 1; d <= depth && seen.size <= limit; d++) {
    const ring: number[] = [];
    for (const at of rings[d - 1]) {
      for (const n of neighbours[at]) {
        if (!seen.has(n)) {
          seen.add(n);
          ring.push(n);
        }
      }
    }
    rings.push(ring);
  }
  const nodes: number[] = [];
  for (const ring of rings) {
    if (nodes.length >= limit) break;
    for (const n of rankRing(adjacency, ring)) {
      if (nodes.length >= limit) break;
      nodes.push(n);
    }
  }
  const kept = new Set(nodes);
  const edges: number[] = [];
  for (const a of nodes) for (const j of outgoing[a]) if (kept.has(targets[j])) edges.push(j);
  return { nodes, edges, truncated: seen.size > limit };
}
