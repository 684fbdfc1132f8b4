/**
 * Forum co-presence: organisations linked when they were at the same forum occurrence (APPEARED_AT)
 * or in the same campaign (CAMPAIGNED_IN), weighted by how many such occurrences they shared, with
 * the occurrences behind every tie. Pure; computed over the already-filtered graph.
 *
 * An appearance counts when the organisation, the occurrence and the appearance tie are all in the
 * graph and both the tie and the occurrence pass the year range by the NetworkFilter's rule: active
 * in [yearFrom, yearTo] unless its dates fall outside it (an undated campaign stays in). Several
 * appearances of one organisation at one occurrence (e.g. as organiser and speaker) count once.
 * Counting pairs in typed arrays, as co-membership does, keeps big forums (thousands of delegates,
 * millions of pairs) cheap. With a `limit`, only the heaviest ties are explained (their shared
 * occurrences intersected, their labels and appearances looked up): the others are only counted,
 * which is what keeps 1.5 million ties at 10k organisations within the budget.
 */
import { type ColumnGraph, edgeId, isTie, nodeLabel } from "./column-graph.js";
import { tieSemantics } from "./tie-semantics.js";

export const CO_PRESENCE_KINDS = ["FORUM", "CAMPAIGN"] as const;
export type CoPresenceKind = (typeof CO_PRESENCE_KINDS)[number];

export interface CoPresenceOptions {
  yearFrom?: number | null;
  yearTo?: number | null;
  /** Ties need at least this many shared occurrences (default 1). */
  minShared?: number;
  /** Which occurrences count (default both). */
  kinds?: readonly CoPresenceKind[];
  /** How many ties to list and explain, the heaviest (default all; at least 1). */
  limit?: number;
}

export interface CoPresenceOccurrence {
  id: string;
  label: string;
  kind: CoPresenceKind;
  /** The occurrence's years (a forum's year twice; a campaign's start and end), null where undated. */
  yearFrom: number | null;
  yearTo: number | null;
  /** Who of the listed ties' organisations was there, by id, with the relationships that say so. */
  appearances: { organisation: string; relationshipIds: string[] }[];
}

export interface CoPresenceTie {
  /** The smaller id of the two. */
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  /** Shared occurrences. */
  weight: number;
  /** Their ids, earliest first (undated last), then by id. */
  occurrences: string[];
}

export interface CoPresenceResult {
  yearFrom: number | null;
  yearTo: number | null;
  minShared: number;
  /** The occurrences behind at least one listed tie, earliest first, then by id. */
  occurrences: CoPresenceOccurrence[];
  /** The `limit` heaviest ties (of equal weights, the first by source, then target), ordered by source, then target. */
  ties: CoPresenceTie[];
  /** Every tie that makes the minimum, listed or not. */
  tieCount: number;
  /** The occurrences behind at least one tie, listed or not. */
  occurrenceCount: number;
  /** Organisations with at least one tie. */
  organisations: number;
}

const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

export function coPresence(graph: ColumnGraph, options: CoPresenceOptions = {}): CoPresenceResult {
  const yearFrom = options.yearFrom ?? null;
  const yearTo = options.yearTo ?? null;
  const minShared = Math.max(1, options.minShared ?? 1);
  const kinds = new Set<string>(options.kinds ?? CO_PRESENCE_KINDS);
  const { nodes, edges } = graph.columns;
  const active = (from: unknown, to: unknown) =>
    (yearTo === null || num(from) === null || num(from)! <= yearTo) && (yearFrom === null || num(to) === null || num(to)! >= yearFrom);

  // Appearances in range: each (organisation, occurrence) once, with the relationships behind it.
  const n = graph.ids.length;
  const byPair = new Map<number, number[]>();
  for (let j = 0; j < edges.type.length; j++) {
    const presence = tieSemantics(edges.type[j]).presence;
    if (presence === null || !kinds.has(presence) || !isTie(graph, j)) continue;
    const o = graph.source[j];
    const occurrence = graph.target[j];
    if (nodes.kind[occurrence] !== presence || nodes.kind[o] !== "ORGANISATION") continue;
    if (!active(edges.activeFrom[j], edges.activeTo[j]) || !active(nodes.activeFrom[occurrence], nodes.activeTo[occurrence])) continue;
    const key = o * n + occurrence;
    const relationships = byPair.get(key);
    if (relationships) relationships.push(j);
    else byPair.set(key, [j]);
  }

  // Organisations numbered in id order; occurrences earliest first (undated last), then by id, so
  // that every list of shared occurrences comes out in that order when sorted by number.
  const byId = (a: number, b: number) => (graph.ids[a] < graph.ids[b] ? -1 : 1);
  const start = (i: number) => num(nodes.activeFrom[i]) ?? Infinity;
  const orgSet = new Set<number>();
  const occurrenceSet = new Set<number>();
  for (const key of byPair.keys()) {
    orgSet.add(Math.floor(key / n));
    occurrenceSet.add(key % n);
  }
  const orgNodes = [...orgSet].sort(byId);
  const occurrenceNodes = [...occurrenceSet].sort((a, b) => start(a) - start(b) || byId(a, b));
  const orgIndex = new Int32Array(n);
  orgNodes.forEach((i, m) => (orgIndex[i] = m));
  const occurrenceIndex = new Int32Array(n);
  occurrenceNodes.forEach((i, k) => (occurrenceIndex[i] = k));

  // Who was at each occurrence, and where each organisation was, both as sorted compressed lists.
  const appearanceKeys = Float64Array.from(
    byPair.keys(),
    (key) => orgIndex[Math.floor(key / n)] * occurrenceNodes.length + occurrenceIndex[key % n],
  ).sort();
  const attended = compressed(
    orgNodes.length,
    appearanceKeys,
    (key) => Math.floor(key / occurrenceNodes.length),
    (key) => key % occurrenceNodes.length,
  );
  const attendedCount = (m: number) => attended.offsets[m + 1] - attended.offsets[m];
  // A pair can share minShared occurrences only if both were at that many: the others are left out.
  const byOccurrence = Float64Array.from(
    appearanceKeys.filter((key) => attendedCount(Math.floor(key / occurrenceNodes.length)) >= minShared),
    (key) => (key % occurrenceNodes.length) * orgNodes.length + Math.floor(key / occurrenceNodes.length),
  ).sort();
  const present = compressed(
    occurrenceNodes.length,
    byOccurrence,
    (key) => Math.floor(key / orgNodes.length),
    (key) => key % orgNodes.length,
  );

  // Pairs a < b: count, for each a, the occurrences it shares with every later b. Every tie is
  // counted and marks its organisations and occurrences; only the heaviest `limit` are kept (`kept`).
  const orgs = orgNodes.length;
  const count = new Int32Array(orgs);
  const partner = new Uint8Array(orgs);
  const tied = new Uint8Array(orgs);
  const used = new Uint8Array(occurrenceNodes.length);
  const kept = createHeaviest(Math.max(1, options.limit ?? Infinity), orgs);
  let tieCount = 0;
  const touched: number[] = [];
  const size = (k: number) => present.offsets[k + 1] - present.offsets[k];
  for (let a = 0; a < orgs; a++) {
    if (attendedCount(a) < minShared) continue;
    // A pair sharing minShared of a's occurrences shares one of all but its minShared − 1 biggest
    // (pigeonhole): only those are scanned for partners; the biggest then count for partners found.
    const mine = Array.from(attended.ends.subarray(attended.offsets[a], attended.offsets[a + 1])).sort(
      (x, y) => size(x) - size(y) || x - y,
    );
    const scanned = mine.length - minShared + 1;
    for (let x = 0; x < mine.length; x++) {
      const k = mine[x];
      if (x < scanned) {
        // Lists are ascending: the later organisations follow a.
        for (let y = after(present, k, a); y < present.offsets[k + 1]; y++) {
          const b = present.ends[y];
          if (count[b]++ === 0) touched.push(b);
        }
      } else {
        // Only partners already found can gain: look them up, or walk the list when that is cheaper.
        const from = after(present, k, a);
        if (touched.length * Math.log2(size(k) + 2) < present.offsets[k + 1] - from) {
          for (const b of touched) if (contains(present, k, b)) count[b] += 1;
        } else {
          for (let y = from; y < present.offsets[k + 1]; y++) if (count[present.ends[y]] > 0) count[present.ends[y]] += 1;
        }
      }
    }
    const partners = touched.filter((b) => count[b] >= minShared);
    for (const b of partners) {
      partner[b] = 1;
      tied[b] = 1;
      kept.offer(a, b, count[b]);
    }
    for (const b of touched) count[b] = 0;
    touched.length = 0;
    if (partners.length === 0) continue;
    tied[a] = 1;
    tieCount += partners.length;
    // An occurrence of a is behind a tie when one of a's partners was there too.
    for (const k of mine) {
      if (used[k]) continue;
      const from = after(present, k, a);
      if (partners.length * Math.log2(size(k) + 2) < present.offsets[k + 1] - from) {
        used[k] = partners.some((b) => contains(present, k, b)) ? 1 : 0;
      } else {
        for (let y = from; y < present.offsets[k + 1] && !used[k]; y++) used[k] = partner[present.ends[y]];
      }
    }
    for (const b of partners) partner[b] = 0;
  }

  // The listed ties, explained: their shared occurrences, and who of their organisations was where.
  const listedOrg = new Uint8Array(orgs);
  const listedOccurrence = new Uint8Array(occurrenceNodes.length);
  const label = (m: number) => nodeLabel(graph, orgNodes[m]);
  const ties: CoPresenceTie[] = kept.pairs().map(([a, b]) => {
    const shared = intersect(attended, a, b);
    for (const k of shared) listedOccurrence[k] = 1;
    listedOrg[a] = listedOrg[b] = 1;
    return {
      source: graph.ids[orgNodes[a]],
      target: graph.ids[orgNodes[b]],
      sourceLabel: label(a),
      targetLabel: label(b),
      weight: shared.length,
      occurrences: shared.map((k) => graph.ids[occurrenceNodes[k]]),
    };
  });
  const appearancesAt = (k: number) =>
    Array.from(present.ends.subarray(present.offsets[k], present.offsets[k + 1]))
      .filter((m) => listedOrg[m])
      .map((m) => ({
        organisation: graph.ids[orgNodes[m]],
        relationshipIds: byPair
          .get(orgNodes[m] * n + occurrenceNodes[k])!
          .map((j) => edgeId(graph, j))
          .sort(),
      }));
  return {
    yearFrom,
    yearTo,
    minShared,
    occurrences: occurrenceNodes.flatMap((i, k) =>
      listedOccurrence[k]
        ? [
            {
              id: graph.ids[i],
              label: nodeLabel(graph, i),
              kind: nodes.kind[i] as CoPresenceKind,
              yearFrom: num(nodes.activeFrom[i]),
              yearTo: num(nodes.activeTo[i]),
              appearances: appearancesAt(k),
            },
          ]
        : [],
    ),
    ties,
    tieCount,
    occurrenceCount: used.reduce((sum, u) => sum + u, 0),
    organisations: tied.reduce((sum, t) => sum + t, 0),
  };
}

/**
 * Keeps the `limit` heaviest of the pairs offered (a, b, weight), offered in (a, b) order, so that
 * of equal weights the earlier stay: a min-heap of one number per pair, weight first, then the
 * pair's place counted backwards. `pairs()` gives them in (a, b) order.
 */
function createHeaviest(limit: number, orgs: number) {
  const places = orgs * orgs;
  const heap: number[] = [];
  const key = (a: number, b: number, weight: number) => weight * places + (places - 1 - (a * orgs + b));
  const swap = (x: number, y: number) => ([heap[x], heap[y]] = [heap[y], heap[x]]);
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const least = left + 1 < heap.length && heap[left + 1] < heap[left] ? left + 1 : left;
      if (least >= heap.length || heap[at] <= heap[least]) return;
      swap(at, least);
      at = least;
    }
  };
  return {
    offer(a: number, b: number, weight: number) {
      const k = key(a, b, weight);
      if (heap.length < limit) {
        heap.push(k);
        for (let at = heap.length - 1; at > 0 && heap[(at - 1) >> 1] > heap[at]; at = (at - 1) >> 1) swap(at, (at - 1) >> 1);
      } else if (k > heap[0]) {
        heap[0] = k;
        down(0);
      }
    },
    pairs(): [number, number][] {
      return heap
        .map((k) => places - 1 - (k % places))
        .sort((x, y) => x - y)
        .map((place) => [Math.floor(place / orgs), place % orgs]);
    },
  };
}

interface Compressed {
  /** The entries of row r are ends[offsets[r] … offsets[r + 1]), ascending. */
  offsets: Int32Array;
  ends: Int32Array;
}

/** Rows of sorted keys (row and entry encoded in one number), as offsets and entries. */
function compressed(rows: number, keys: Float64Array, row: (key: number) => number, entry: (key: number) => number): Compressed {
  const offsets = new Int32Array(rows + 1);
  const ends = new Int32Array(keys.length);
  keys.forEach((key, x) => {
    offsets[row(key) + 1] += 1;
    ends[x] = entry(key);
  });
  for (let r = 0; r < rows; r++) offsets[r + 1] += offsets[r];
  return { offsets, ends };
}

/** Position of the first entry of row r greater than `value` (binary search). */
function after(c: Compressed, r: number, value: number): number {
  let low = c.offsets[r];
  let high = c.offsets[r + 1];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (c.ends[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether row r holds `value` (binary search). */
function contains(c: Compressed, r: number, value: number): boolean {
  const at = after(c, r, value - 1);
  return at < c.offsets[r + 1] && c.ends[at] === value;
}

/** Entries rows a and b have in common, ascending. */
function intersect(c: Compressed, a: number, b: number): number[] {
  const out: number[] = [];
  let x = c.offsets[a];
  let y = c.offsets[b];
  while (x < c.offsets[a + 1] && y < c.offsets[b + 1]) {
    if (c.ends[x] < c.ends[y]) x++;
    else if (c.ends[x] > c.ends[y]) y++;
    else {
      out.push(c.ends[x]);
      x++;
      y++;
    }
  }
  return out;
}

/** One sentence on the result, for people and screen readers. */
export function coPresenceSummary(result: CoPresenceResult): string {
  const span =
    result.yearFrom !== null && result.yearTo !== null
      ? `From ${result.yearFrom} to ${result.yearTo}`
      : result.yearFrom !== null
        ? `From ${result.yearFrom} on`
        : result.yearTo !== null
          ? `Up to ${result.yearTo}`
          : "Over all years";
  const shared = result.minShared > 1 ? ` at least ${result.minShared} times` : "";
  if (result.tieCount === 0) return `${span}, no two organisations met${shared} at the same forum or campaign.`;
  // The heaviest tie is always listed (of equal weights, the first by source, then target).
  const top = result.ties.reduce((best, t) => (t.weight > best.weight ? t : best), result.ties[0]);
  const places = result.occurrenceCount === 1 ? "1 forum or campaign" : `${result.occurrenceCount} forums and campaigns`;
  const strongest =
    top.weight > 1
      ? `${top.sourceLabel} and ${top.targetLabel} were together most often (${top.weight} times)`
      : "no two of them met more than once";
  return `${span}, ${result.organisations} organisations met${shared} at ${places}, forming ${result.tieCount} co-presence tie${result.tieCount === 1 ? "" : "s"}; ${strongest}.`;
}
