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
 *   connected before, whose shortest route gets longer or disappears. Computed exactly by
 *   breadth-first search from every union the removal could affect, 128 at a time (a bit each).
 */
import { type ColumnGraph, isTie, nodeLabel, positionsById } from "./column-graph.js";
import { BRIDGE_SECTORS } from "./metrics.js";
import { tieSemantics } from "./tie-semantics.js";

export interface WhatIfOptions {
  /** Also remove the direct members of every node removed (default false). */
  withMembers?: boolean;
  /** Relationship types that connect (default: TIE_SEMANTICS `connects`); "ALL" for every type. */
  tieTypes?: readonly string[] | "ALL";
  /** How many lost pairs and most-affected organisations to list (all are counted; default 50). */
  listLimit?: number;
}

export interface WhatIfNode {
  id: string;
  label: string;
  kind: string;
}

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
    mostAffected: (WhatIfNode & { lostPairs: number })[];
  };
}

export const DEFAULT_WHAT_IF_LIST_LIMIT = 50;

/** Undirected simple adjacency over the connecting ties: neighbours of v are ends[offsets[v] … offsets[v + 1]). */
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

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Positions of the set bits of a 32-bit word, lowest first. */
function bitsOf(x: number): number[] {
  const out: number[] = [];
  for (let rest = x >>> 0; rest !== 0; rest = (rest & (rest - 1)) >>> 0) out.push(31 - Math.clz32(rest & -rest));
  return out;
}

export function whatIfRemove(graph: ColumnGraph, remove: readonly string[], options: WhatIfOptions = {}): WhatIfResult {
  const n = graph.ids.length;
  const { kind, sector } = graph.columns.nodes;
  const listLimit = options.listLimit ?? DEFAULT_WHAT_IF_LIST_LIMIT;
  const types = options.tieTypes;
  const connects = types === "ALL" ? () => true : types ? (t: string) => types.includes(t) : (t: string) => tieSemantics(t).connects;
  const { offsets, ends } = adjacency(graph, connects);

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
  const before = componentsOf(n, offsets, ends, new Uint8Array(n));
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
    unionNgoPairs: lostPairs(graph, { offsets, ends, removed, before, after, touched, remaining, listLimit, sector: sector as unknown[] }),
  };
}

interface PairSearch {
  offsets: Int32Array;
  ends: Int32Array;
  removed: Uint8Array;
  before: Int32Array;
  after: Int32Array;
  touched: Set<number>;
  remaining: number[];
  listLimit: number;
  sector: unknown[];
}

/** Sources per search batch: WORDS 32-bit words, a bit per source, for every node. */
const WORDS = 4;
const BATCH = 32 * WORDS;
/** Per node, one 64-byte block: reached (WORDS), reached this level (WORDS), of those by a route avoiding the removed nodes (WORDS), padding. */
const STRIDE = 4 * WORDS;
const NEXT = WORDS;
const NEXT_AVOIDING = 2 * WORDS;

/**
 * Union–NGO pairs whose distance grows. A pair's shortest route gets longer exactly when every
 * shortest route passes through a removed node. One breadth-first search per batch of unions (a
 * bit each) finds, level by level, the nodes first reached from each union, and carries a second
 * bit set: reached by a shortest route that avoids the removed nodes. An NGO reached without that
 * bit has lost its shortest route to that union. Only a union in a component that lost a node can
 * lose one. Pairs left with no route at all are those the removal put in different components.
 * Batches take unions close to each other (in breadth-first order of the network), so each batch
 * reaches a node at fewer distinct levels and the search scans fewer ties.
 */
function lostPairs(graph: ColumnGraph, search: PairSearch): WhatIfResult["unionNgoPairs"] {
  const { offsets, ends, removed, before, after, touched, remaining, listLimit, sector } = search;
  const n = graph.ids.length;
  const labour = remaining.filter((i) => sector[i] === BRIDGE_SECTORS.from);
  const civil = remaining.filter((i) => sector[i] === BRIDGE_SECTORS.to);
  const isCivil = new Uint8Array(n);
  for (const i of civil) isCivil[i] = 1;
  const rank = new Int32Array(n);
  positionsById(graph).forEach((i, r) => (rank[i] = r));

  const civilIn = (component: Int32Array) => {
    const counts = new Map<number, number>();
    for (const i of civil) counts.set(component[i], (counts.get(component[i]) ?? 0) + 1);
    return counts;
  };
  const civilBefore = civilIn(before);
  const civilAfter = civilIn(after);
  const connectedBefore = labour.reduce((sum, i) => sum + (civilBefore.get(before[i]) ?? 0), 0);

  const order = breadthFirstOrder(n, offsets, ends);
  const sources = labour.filter((i) => touched.has(before[i])).sort((a, b) => order[a] - order[b]);
  let disconnected = 0;
  for (const s of sources) disconnected += (civilBefore.get(before[s]) ?? 0) - (civilAfter.get(after[s]) ?? 0);
  const lostAt = new Float64Array(n);
  let lost = 0;
  const examples = createFirstPairs(listLimit, n, rank);

  // Int32 words: bitwise operators work on int32, which V8 keeps unboxed (uint32 above 2³¹ would not be).
  const state = new Int32Array(n * STRIDE);
  const current = new Int32Array(n * WORDS);
  const avoiding = new Int32Array(n * WORDS);
  const queued = new Uint8Array(n);

  for (let first = 0; first < sources.length; first += BATCH) {
    const batch = sources.slice(first, first + BATCH);
    state.fill(0);
    batch.forEach((s, k) => {
      const bit = 1 << (k & 31);
      state[s * STRIDE + (k >>> 5)] |= bit;
      current[s * WORDS + (k >>> 5)] |= bit;
      avoiding[s * WORDS + (k >>> 5)] |= bit;
    });
    let frontier = batch;
    for (let level = 1; frontier.length > 0; level++) {
      const reached: number[] = [];
      for (const u of frontier) {
        const from = u * WORDS;
        for (let x = offsets[u]; x < offsets[u + 1]; x++) {
          const v = ends[x];
          const to = v * STRIDE;
          // A route through a removed node does not avoid it.
          const keepsAvoiding = removed[v] === 0;
          let fresh = 0;
          for (let w = 0; w < WORDS; w++) {
            const bits = current[from + w] & ~state[to + w];
            if (bits === 0) continue;
            fresh = 1;
            state[to + NEXT + w] |= bits;
            if (keepsAvoiding) state[to + NEXT_AVOIDING + w] |= avoiding[from + w] & bits;
          }
          if (fresh && !queued[v]) {
            queued[v] = 1;
            reached.push(v);
          }
        }
      }
      for (const u of frontier) for (let w = u * WORDS; w < u * WORDS + WORDS; w++) current[w] = avoiding[w] = 0;
      for (const v of reached) {
        queued[v] = 0;
        const at = v * STRIDE;
        for (let w = 0; w < WORDS; w++) {
          const bits = state[at + NEXT + w];
          const kept = state[at + NEXT_AVOIDING + w];
          state[at + w] |= bits;
          current[v * WORDS + w] = bits;
          avoiding[v * WORDS + w] = kept;
          state[at + NEXT + w] = state[at + NEXT_AVOIDING + w] = 0;
          const gone = bits & ~kept;
          if (gone === 0 || !isCivil[v]) continue;
          const count = popcount(gone);
          lost += count;
          lostAt[v] += count;
          for (const k of bitsOf(gone)) {
            const s = batch[w * 32 + k];
            lostAt[s] += 1;
            examples.offer(s, v, level);
          }
        }
      }
      frontier = reached;
    }
  }

  // The first pairs by union id, then NGO id, with their distance after (one search from each union listed).
  const listed = examples.list();
  const afterFrom = new Map<number, Int32Array>();
  for (const { s } of listed) if (!afterFrom.has(s)) afterFrom.set(s, distancesAvoiding(s, offsets, ends, removed));
  const pairs = listed.map(({ s, t, level }) => {
    const distance = afterFrom.get(s)![t];
    return { labour: graph.ids[s], labourLabel: nodeLabel(graph, s), civil: graph.ids[t], civilLabel: nodeLabel(graph, t), before: level, after: distance < 0 ? null : distance };
  });

  const mostAffected = positionsById(graph, (i) => lostAt[i] > 0)
    .sort((a, b) => lostAt[b] - lostAt[a] || rank[a] - rank[b])
    .slice(0, listLimit)
    .map((i) => ({ id: graph.ids[i], label: nodeLabel(graph, i), kind: graph.columns.nodes.kind[i], lostPairs: lostAt[i] }));
  return { connectedBefore, lost, lengthened: lost - disconnected, disconnected, examples: pairs, mostAffected };
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

/** Keeps the `limit` pairs that come first by (union id, NGO id) among all offered, in that order. */
function createFirstPairs(limit: number, n: number, rank: Int32Array) {
  let kept: { s: number; t: number; level: number; key: number }[] = [];
  let worst = limit > 0 ? Infinity : -Infinity;
  const trim = () => {
    kept.sort((a, b) => a.key - b.key);
    kept = kept.slice(0, limit);
    if (limit > 0 && kept.length === limit) worst = kept[limit - 1].key;
  };
  return {
    offer(s: number, t: number, level: number) {
      const key = rank[s] * n + rank[t];
      if (key >= worst) return;
      kept.push({ s, t, level, key });
      if (kept.length >= 2 * limit) trim();
    },
    list() {
      trim();
      return kept;
    },
  };
}

/** Steps from `source` to every node without passing through a removed one (-1: unreachable). */
function distancesAvoiding(source: number, offsets: Int32Array, ends: Int32Array, removed: Uint8Array): Int32Array {
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
  const who = names.length === 0 ? "nothing" : names.length <= 3 ? names.join(names.length === 2 ? " and " : ", ").replace(/, ([^,]*)$/, " and $1") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
  const { lost, disconnected } = result.unionNgoPairs;
  const cut = result.cutOff.length === 0 ? "cuts no organisation off" : `leaves ${plural(result.cutOff.length, "organisation")} cut off`;
  const pairs =
    lost === 0
      ? "no union–NGO pair loses its shortest route"
      : `${plural(lost, "union–NGO pair")} lose${lost === 1 ? "s" : ""} ${lost === 1 ? "its" : "their"} shortest route` + (disconnected > 0 ? ` (${disconnected} of them every route)` : "");
  const reach = result.averageReach;
  const reachText = reach.after < reach.before ? `; average reach falls from ${reach.before.toFixed(1)} to ${reach.after.toFixed(1)} organisations` : "";
  return `Removing ${who} ${cut}; ${pairs}${reachText}.`;
}
