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
  return { ids, index, degree, neighbours: near.map((set) => Int32Array.from(set)), outgoing: out.map((list) => Int32Array.from(list)), targets: target };
}

export interface Neighbourhood {
  /** Node positions, ranked: distance, then degree (most first), then id. */
  nodes: number[];
  /** Edge positions among the kept nodes, by the kept node they leave. */
  edges: number[];
  truncated: boolean;
}

/**
 * The nodes within `depth` steps of `centre` (itself included), cut at `limit` after ranking by
 * distance, then degree, then id; and the relationships among those kept.
 */
export function neighbourhoodOf(adjacency: Adjacency, centre: number, depth: number, limit: number): Neighbourhood {
  const { ids, degree, neighbours, outgoing, targets } = adjacency;
  const distance = new Map<number, number>([[centre, 0]]);
  let frontier = [centre];
  for (let d = 1; d <= depth && distance.size <= limit; d++) {
    const next: number[] = [];
    for (const at of frontier) {
      for (const n of neighbours[at]) {
        if (!distance.has(n)) {
          distance.set(n, d);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  const ranked = [...distance.keys()].sort(
    (a, b) => distance.get(a)! - distance.get(b)! || degree[b] - degree[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  );
  const nodes = ranked.slice(0, limit);
  const kept = new Set(nodes);
  const edges: number[] = [];
  for (const a of nodes) for (const j of outgoing[a]) if (kept.has(targets[j])) edges.push(j);
  return { nodes, edges, truncated: ranked.length > limit };
}
