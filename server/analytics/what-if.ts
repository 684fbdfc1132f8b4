/**
 * What-if: remove some nodes and see what the network loses, without changing any data. Pure;
 * computed over the already-filtered graph, so nothing hidden counts.
 *
 * The network walked: every node of the graph (forums, campaigns and people carry organisations to
 * each other too), joined by the ties that connect organisations (TIE_SEMANTICS `connects`:
 * membership, support, partnership, founding, lineage, shared campaigns, forum occurrences and
 * people; not shared topics or instruments), in either direction. `tieTypes` can name other types.
 *
 * Removing a coalition removes its node: its members stay, with their other ties, which is the
 * question "what if this network did not exist". `withMembers` also removes its direct members
 * (the organisations with a membership tie to a removed node).
 *
 * - Components: connected parts that hold at least one organisation, before and after.
 * - Cut off: an organisation the removal separates from the largest surviving part (most
 *   organisations) of the component it was in. When parts tie for largest, none is the surviving
 *   core and the organisations of all of them are cut off.
 * - Average reach: how many of the other remaining organisations an organisation can reach at all,
 *   averaged over the remaining organisations, before and after (so the change is what the removal
 *   costs those who stay, not the loss of the removed ones themselves).
 * - Union–NGO pairs: pairs of a LABOUR and a CIVIL_SOCIETY organisation, both remaining and
 *   connected before, whose shortest route gets longer or disappears: exactly those whose every
 *   shortest route passes through a removed node. Found from each union's distances to every node
 *   (the index, computed once per graph and reused by every removal), by following from the removed
 *   nodes outwards the nodes all of whose shortest routes from that union pass through one.
 */
import { type ColumnGraph, isTie, nodeLabel, positionsById } from "./column-graph.js";
import { BRIDGE_SECTORS } from "./metrics.js";
import { tieSemantics } from "./tie-semantics.js";

export interface WhatIfIndexOptions {
  /** Relationship types that connect (default: TIE_SEMANTICS `connects`); "ALL" for every type. */
  tieTypes?: readonly string[] | "ALL";
  /** Most bytes the unions' distances may keep (default 64 MiB); past it they are recomputed per removal. */
  distanceBudgetBytes?: number;
}

export interface WhatIfOptions {
  /** Also remove the direct members of every node removed (default false). */
  withMembers?: boolean;
  /** How many lost pairs and most-affected organisations to list (all are counted; default 50). */
  listLimit?: number;
}

export interface WhatIfNode {
  id: string;
  label: string;
  kind: string;
}

/** An organisation with how many union–NGO pairs through it lose their shortest route. */
export type AffectedOrganisation = WhatIfNode & { lostPairs: number };

export interface LostPair {
  labour: string;
  labourLabel: string;
  civil: string;
  civilLabel: string;
  /** Steps before; after, or null when no route is left. */
  before: number;
  after: number | null;
}

export interface WhatIfResult {
  removed: WhatIfNode[];
  /** Ids asked for that are not in the (filtered) graph. */
  missing: string[];
  components: { before: number; after: number };
  /** Organisations in the largest component. */
  largestComponent: { before: number; after: number };
  /** Organisations cut off, by id. */
  cutOff: WhatIfNode[];
  averageReach: { before: number; after: number };
  unionNgoPairs: {
    /** Connected pairs of remaining organisations before the removal. */
    connectedBefore: number;
    /** Pairs whose shortest route got longer or disappeared (= lengthened + disconnected). */
    lost: number;
    lengthened: number;
    disconnected: number;
    /** The first lost pairs by union id, then NGO id. */
    examples: LostPair[];
    /** Organisations with most lost pairs, most first, then by id. */
    mostAffected: AffectedOrganisation[];
  };
}

export const DEFAULT_WHAT_IF_LIST_LIMIT = 50;

/** Unions per batch of the distance search: WORDS 32-bit words per node, a bit per union. */
const WORDS = 4;
const BATCH = 32 * WORDS;
/** No union yet: the stamp of a node in nobody's shadow. */
const NO_UNION = -1;

/**
 * What every removal from one graph shares: the network walked, its components, and each union's
 * distances to every node (mod 256 in a byte, which is exact between neighbours: their distances
 * differ by at most one; reachability comes from the components). A read model: build it once per
 * (filtered) graph and tie types, and pass it to every `whatIfRemove`.
 */
export interface WhatIfIndex {
  graph: ColumnGraph;
  /** Undirected simple adjacency: the neighbours of v are ends[offsets[v] … offsets[v + 1]). */
  offsets: Int32Array;
  ends: Int32Array;
  /** Component of every node. */
  components: Int32Array;
  /** LABOUR organisations, in breadth-first order of the network (close ones share a batch). */
  unions: Int32Array;
  /** Per batch of BATCH unions, distance (mod 256) from union k of the batch to node v at [k·n + v]; null when over the budget. */
  distances: Uint8Array[] | null;
  /** Bytes held, for a cache's budget. */
  bytes: number;
}

export const DEFAULT_DISTANCE_BUDGET_BYTES = 64 * 2 ** 20;

export function whatIfIndex(graph: ColumnGraph, options: WhatIfIndexOptions = {}): WhatIfIndex {
  const n = graph.ids.length;
  const types = options.tieTypes;
  const connects = types === "ALL" ? () => true : types ? (t: string) => types.includes(t) : (t: string) => tieSemantics(t).connects;
  const { offsets, ends } = adjacency(graph, connects);
  const components = componentsOf(n, offsets, ends, new Uint8Array(n));
  const order = breadthFirstOrder(n, offsets, ends);
  const { kind, sector } = graph.columns.nodes;
  const unions = Int32Array.from(positionsById(graph, (i) => kind[i] === "ORGANISATION" && sector[i] === BRIDGE_SECTORS.from)).sort(
    (a, b) => order[a] - order[b],
  );
  const keep = unions.length * n <= (options.distanceBudgetBytes ?? DEFAULT_DISTANCE_BUDGET_BYTES);
  const index: WhatIfIndex = { graph, offsets, ends, components, unions, distances: null, bytes: 0 };
  if (keep) index.distances = Array.from({ length: Math.ceil(unions.length / BATCH) }, (_, b) => batchDistances(index, b));
  index.bytes =
    offsets.byteLength +
    ends.byteLength +
    components.byteLength +
    unions.byteLength +
    (index.distances?.reduce((sum, d) => sum + d.byteLength, 0) ?? 0);
  return index;
}

/** Undirected simple adjacency over the connecting ties. */
function adjacency(graph: ColumnGraph, connects: (type: string) => boolean) {
  const n = graph.ids.length;
  const keys: number[] = [];
  for (let j = 0; j < graph.source.length; j++) {
    if (!isTie(graph, j) || !connects(graph.columns.edges.type[j])) continue;
    const s = graph.source[j];
    const t = graph.target[j];
    keys.push(s * n + t, t * n + s);
  }
  const sorted = Float64Array.from(keys).sort();
  const offsets = new Int32Array(n + 1);
  const ends: number[] = [];
  let previous = -1;
  for (const key of sorted) {
    if (key === previous) continue;
    previous = key;
    offsets[Math.floor(key / n) + 1] += 1;
    ends.push(key % n);
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  return { offsets, ends: Int32Array.from(ends) };
}

/** Component number of every node (-1 for removed ones), numbered in node order. */
function componentsOf(n: number, offsets: Int32Array, ends: Int32Array, removed: Uint8Array): Int32Array {
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (removed[start] || component[start] >= 0) continue;
    component[start] = next;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const v = queue[head++];
      for (let x = offsets[v]; x < offsets[v + 1]; x++) {
        const w = ends[x];
        if (!removed[w] && component[w] < 0) {
          component[w] = next;
          queue[tail++] = w;
        }
      }
    }
    next++;
  }
  return component;
}

/** Position of every node in a breadth-first walk of the network (from each unreached node in column order). */
function breadthFirstOrder(n: number, offsets: Int32Array, ends: Int32Array): Int32Array {
  const order = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let position = 0;
  for (let start = 0; start < n; start++) {
    if (order[start] >= 0) continue;
    let head = position;
    queue[position] = start;
    order[start] = position++;
    while (head < position) {
      const v = queue[head++];
      for (let x = offsets[v]; x < offsets[v + 1]; x++) {
        if (order[ends[x]] < 0) {
          queue[position] = ends[x];
          order[ends[x]] = position++;
        }
      }
    }
  }
  return order;
}

/**
 * Distances (mod 256) from the unions of batch b to every node: one breadth-first search for the
 * whole batch, a bit per union in WORDS words per node (Int32: V8 keeps int32 unboxed, where uint32
 * above 2³¹ would not be), writing each node's level for the unions that first reach it there.
 */
function batchDistances(index: WhatIfIndex, b: number): Uint8Array {
  const { offsets, ends } = index;
  const n = index.graph.ids.length;
  const batch = index.unions.subarray(b * BATCH, (b + 1) * BATCH);
  const distances = new Uint8Array(batch.length * n);
  const visited = new Int32Array(n * WORDS);
  const current = new Int32Array(n * WORDS);
  const next = new Int32Array(n * WORDS);
  const queued = new Uint8Array(n);
  batch.forEach((s, k) => {
    visited[s * WORDS + (k >>> 5)] |= 1 << (k & 31);
    current[s * WORDS + (k >>> 5)] |= 1 << (k & 31);
  });
  let frontier = Array.from(new Set(batch));
  for (let level = 1; frontier.length > 0; level++) {
    const reached: number[] = [];
    for (const u of frontier) {
      const from = u * WORDS;
      for (let x = offsets[u]; x < offsets[u + 1]; x++) {
        const v = ends[x];
        const to = v * WORDS;
        let fresh = 0;
        for (let w = 0; w < WORDS; w++) {
          const bits = current[from + w] & ~visited[to + w];
          if (bits === 0) continue;
          fresh = 1;
          next[to + w] |= bits;
        }
        if (fresh && !queued[v]) {
          queued[v] = 1;
          reached.push(v);
        }
      }
    }
    for (const u of frontier) for (let w = u * WORDS; w < u * WORDS + WORDS; w++) current[w] = 0;
    for (const v of reached) {
      queued[v] = 0;
      for (let w = 0; w < WORDS; w++) {
        const bits = next[v * WORDS + w];
        next[v * WORDS + w] = 0;
        visited[v * WORDS + w] |= bits;
        current[v * WORDS + w] = bits;
        for (let rest = bits; rest !== 0; rest &= rest - 1) distances[(w * 32 + 31 - Math.clz32(rest & -rest)) * n + v] = level;
      }
    }
    frontier = reached;
  }
  return distances;
}

export function whatIfRemove(index: WhatIfIndex, remove: readonly string[], options: WhatIfOptions = {}): WhatIfResult {
  const { graph, offsets, ends, components: before } = index;
  const n = graph.ids.length;
  const { kind } = graph.columns.nodes;
  const listLimit = options.listLimit ?? DEFAULT_WHAT_IF_LIST_LIMIT;

  const removed = new Uint8Array(n);
  const missing: string[] = [];
  for (const id of new Set(remove)) {
    const i = graph.index.get(id);
    if (i === undefined) missing.push(id);
    else removed[i] = 1;
  }
  if (options.withMembers) {
    const chosen = Uint8Array.from(removed);
    for (let j = 0; j < graph.source.length; j++) {
      if (isTie(graph, j) && chosen[graph.target[j]] && tieSemantics(graph.columns.edges.type[j]).membership) removed[graph.source[j]] = 1;
    }
  }

  const isOrg = (i: number) => kind[i] === "ORGANISATION";
  const after = componentsOf(n, offsets, ends, removed);
  const countBy = (component: Int32Array, keep: (i: number) => boolean) => {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) if (component[i] >= 0 && keep(i)) counts.set(component[i], (counts.get(component[i]) ?? 0) + 1);
    return counts;
  };
  const orgsBefore = countBy(before, isOrg);
  const orgsAfter = countBy(after, isOrg);
  const largest = (counts: Map<number, number>) => [...counts.values()].reduce((most, c) => Math.max(most, c), 0);

  // Cut off: in each component that lost a node, organisations outside its largest surviving part.
  const touched = new Set<number>();
  for (let i = 0; i < n; i++) if (removed[i]) touched.add(before[i]);
  const homeOf = new Map<number, number>();
  for (let i = 0; i < n; i++) if (after[i] >= 0) homeOf.set(after[i], before[i]);
  const bestPart = new Map<number, { part: number; organisations: number; unique: boolean }>();
  for (const [part, organisations] of orgsAfter) {
    const home = homeOf.get(part)!;
    if (!touched.has(home)) continue;
    const best = bestPart.get(home);
    if (!best || organisations > best.organisations) bestPart.set(home, { part, organisations, unique: true });
    else if (organisations === best.organisations) best.unique = false;
  }
  const cutOffPositions = positionsById(graph, (i) => {
    if (!isOrg(i) || removed[i] || !touched.has(before[i])) return false;
    const best = bestPart.get(before[i]);
    return !best || !best.unique || best.part !== after[i];
  });

  const remaining = positionsById(graph, (i) => isOrg(i) && !removed[i]);
  const averageReach = (component: Int32Array) => {
    const counts = countBy(component, (i) => isOrg(i) && !removed[i]);
    return remaining.length === 0 ? 0 : remaining.reduce((sum, i) => sum + counts.get(component[i])! - 1, 0) / remaining.length;
  };

  const node = (i: number): WhatIfNode => ({ id: graph.ids[i], label: nodeLabel(graph, i), kind: kind[i] });
  return {
    removed: positionsById(graph, (i) => removed[i] === 1).map(node),
    missing: missing.sort(),
    components: { before: orgsBefore.size, after: orgsAfter.size },
    largestComponent: { before: largest(orgsBefore), after: largest(orgsAfter) },
    cutOff: cutOffPositions.map(node),
    averageReach: { before: averageReach(before), after: averageReach(after) },
    unionNgoPairs: lostPairs(index, removed, after, touched, listLimit),
  };
}

/**
 * Union–NGO pairs whose every shortest route passes through a removed node. For each remaining
 * union in a component that lost a node, outwards from the removed nodes it can reach: a node is
 * "shadowed" when every neighbour one step nearer the union is removed or shadowed (by induction on
 * the distance, exactly when every shortest route from the union to it passes a removed node). A
 * shadowed NGO has lost its shortest route to the union; it has none left when the removal put the
 * two in different components.
 */
function lostPairs(
  index: WhatIfIndex,
  removed: Uint8Array,
  after: Int32Array,
  touched: Set<number>,
  listLimit: number,
): WhatIfResult["unionNgoPairs"] {
  const { graph, offsets, ends, components: before, unions } = index;
  const n = graph.ids.length;
  const sector = graph.columns.nodes.sector as unknown[];
  const isCivil = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    if (graph.columns.nodes.kind[i] === "ORGANISATION" && sector[i] === BRIDGE_SECTORS.to && !removed[i]) isCivil[i] = 1;
  const rank = new Int32Array(n);
  positionsById(graph).forEach((i, r) => (rank[i] = r));

  const civilIn = (component: Int32Array) => {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) if (isCivil[i]) counts.set(component[i], (counts.get(component[i]) ?? 0) + 1);
    return counts;
  };
  const civilBefore = civilIn(before);
  const civilAfter = civilIn(after);
  let connectedBefore = 0;
  let disconnected = 0;
  for (const s of unions) {
    if (removed[s]) continue;
    connectedBefore += civilBefore.get(before[s]) ?? 0;
    if (touched.has(before[s])) disconnected += (civilBefore.get(before[s]) ?? 0) - (civilAfter.get(after[s]) ?? 0);
  }

  const removedNodes: number[] = [];
  for (let i = 0; i < n; i++) if (removed[i]) removedNodes.push(i);
  const lostAt = new Float64Array(n);
  let lost = 0;
  const examples = createFirstPairs(listLimit, n, rank);
  // Nodes shadowed for the union being followed carry its number.
  const shadowed = new Int32Array(n).fill(NO_UNION);

  for (let b = 0; b * BATCH < unions.length; b++) {
    const batch = unions.subarray(b * BATCH, (b + 1) * BATCH);
    if (!batch.some((s) => !removed[s] && touched.has(before[s]))) continue;
    const distances = index.distances?.[b] ?? batchDistances(index, b);
    batch.forEach((s, k) => {
      if (removed[s] || !touched.has(before[s])) return;
      const stamp = b * BATCH + k;
      const level = distances.subarray(k * n, (k + 1) * n);
      // The shadow is the least set holding the removed nodes the union reaches and every node all
      // of whose nearer neighbours are in it; growing it in any order reaches that set, so a node
      // is looked at again each time one of its nearer neighbours joins.
      const queue = removedNodes.filter((r) => before[r] === before[s]);
      for (const r of queue) shadowed[r] = stamp;
      for (let head = 0; head < queue.length; head++) {
        const u = queue[head];
        for (let x = offsets[u]; x < offsets[u + 1]; x++) {
          const c = ends[x];
          if (shadowed[c] === stamp || ((level[c] - level[u]) & 255) !== 1) continue;
          let all = true;
          for (let y = offsets[c]; y < offsets[c + 1] && all; y++) {
            const p = ends[y];
            if (((level[c] - level[p]) & 255) === 1 && shadowed[p] !== stamp) all = false;
          }
          if (!all) continue;
          shadowed[c] = stamp;
          queue.push(c);
          if (!isCivil[c]) continue;
          lost += 1;
          lostAt[c] += 1;
          lostAt[s] += 1;
          examples.offer(s, c);
        }
      }
    });
  }

  // The first pairs by union id, then NGO id, with their distances (one search each way from each union listed).
  const listed = examples.list();
  const searches = new Map<number, { before: Int32Array; after: Int32Array }>();
  const none = new Uint8Array(n);
  for (const { s } of listed)
    if (!searches.has(s))
      searches.set(s, { before: distancesFrom(s, offsets, ends, none), after: distancesFrom(s, offsets, ends, removed) });
  const pairs = listed.map(({ s, t }) => {
    const { before: steps, after: stepsAfter } = searches.get(s)!;
    return {
      labour: graph.ids[s],
      labourLabel: nodeLabel(graph, s),
      civil: graph.ids[t],
      civilLabel: nodeLabel(graph, t),
      before: steps[t],
      after: stepsAfter[t] < 0 ? null : stepsAfter[t],
    };
  });

  const mostAffected = positionsById(graph, (i) => lostAt[i] > 0)
    .sort((a, b) => lostAt[b] - lostAt[a] || rank[a] - rank[b])
    .slice(0, listLimit)
    .map((i) => ({ id: graph.ids[i], label: nodeLabel(graph, i), kind: graph.columns.nodes.kind[i], lostPairs: lostAt[i] }));
  return { connectedBefore, lost, lengthened: lost - disconnected, disconnected, examples: pairs, mostAffected };
}

/** Keeps the `limit` pairs that come first by (union id, NGO id) among all offered, in that order. */
function createFirstPairs(limit: number, n: number, rank: Int32Array) {
  let kept: { s: number; t: number; key: number }[] = [];
  let worst = limit > 0 ? Infinity : -Infinity;
  const trim = () => {
    kept.sort((a, b) => a.key - b.key);
    kept = kept.slice(0, limit);
    if (limit > 0 && kept.length === limit) worst = kept[limit - 1].key;
  };
  return {
    offer(s: number, t: number) {
      const key = rank[s] * n + rank[t];
      if (key >= worst) return;
      kept.push({ s, t, key });
      if (kept.length >= 2 * limit) trim();
    },
    list() {
      trim();
      return kept;
    },
  };
}

/** Steps from `source` to every node without passing through a removed one (-1: unreachable). */
function distancesFrom(source: number, offsets: Int32Array, ends: Int32Array, removed: Uint8Array): Int32Array {
  const distance = new Int32Array(removed.length).fill(-1);
  const queue = new Int32Array(removed.length);
  distance[source] = 0;
  let head = 0;
  let tail = 0;
  queue[tail++] = source;
  while (head < tail) {
    const v = queue[head++];
    for (let x = offsets[v]; x < offsets[v + 1]; x++) {
      const w = ends[x];
      if (!removed[w] && distance[w] < 0) {
        distance[w] = distance[v] + 1;
        queue[tail++] = w;
      }
    }
  }
  return distance;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence on the result, for people and screen readers. */
export function whatIfSummary(result: WhatIfResult): string {
  const names = result.removed.map((r) => r.label);
  const who =
    names.length === 0
      ? "nothing"
      : names.length <= 3
        ? names.join(names.length === 2 ? " and " : ", ").replace(/, ([^,]*)$/, " and $1")
        : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
  const { lost, disconnected } = result.unionNgoPairs;
  const cut = result.cutOff.length === 0 ? "cuts no organisation off" : `leaves ${plural(result.cutOff.length, "organisation")} cut off`;
  const pairs =
    lost === 0
      ? "no union–NGO pair loses its shortest route"
      : `${plural(lost, "union–NGO pair")} lose${lost === 1 ? "s" : ""} ${lost === 1 ? "its" : "their"} shortest route` +
        (disconnected > 0 ? ` (${disconnected} of them every route)` : "");
  const reach = result.averageReach;
  const reachText =
    reach.after < reach.before ? `; average reach falls from ${reach.before.toFixed(1)} to ${reach.after.toFixed(1)} organisations` : "";
  return `Removing ${who} ${cut}; ${pairs}${reachText}.`;
}
