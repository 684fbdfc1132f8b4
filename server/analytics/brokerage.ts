/**
 * Brokerage roles (Gould & Fernandez 1989) and the E–I index (Krackhardt & Stern 1988) of the
 * organisations, for one partition of them (sector, region, scope or organisation type). Pure and
 * deterministic; computed over the already-filtered graph, so nothing hidden counts.
 *
 * Ties. Only ties between two organisations count, read by TIE_SEMANTICS (tie-semantics.ts):
 * - directed as written: MEMBER_OF (member → network), PART_OF (part → whole), SUPPORTS
 *   (supporter → supported), FOUNDED_BY (body → founder);
 * - undirected, so two arcs, one each way: PARTNERS_WITH and, when passed in, forum co-presence;
 * - not counted: lineage (EMERGED_FROM, FORMED_IN_RESPONSE_TO) and ties to topics, instruments,
 *   forums, campaigns and people.
 * Parallel ties between the same two organisations make one arc; self-loops none.
 *
 * Roles. Organisation b brokers when a → b → c and there is no arc a → c (a ≠ c). By the groups of
 * a, b and c (every organisation in the graph is in one; no value, e.g. no region, is a group of its own):
 * - coordinator: all three in one group;
 * - itinerant (Gould–Fernandez's consultant): a and c in one group, b in another;
 * - representative: a and b in one group, c in another;
 * - gatekeeper: b and c in one group, a in another;
 * - liaison: three different groups.
 * An undirected tie gives both a → b → c and c → b → a, so between partners alone a representative
 * count comes with an equal gatekeeper count.
 *
 * Normalised counts. Gould and Fernandez's expectation for a broker given its own group and its total:
 * if the other organisations' groups were shuffled (group sizes as observed), the two ends (a, c) of
 * each of its brokered pairs would be an ordered pair of distinct organisations drawn from the
 * N − 1 others, so the expected count of a role is total × (pairs of the others fitting the role) /
 * ((N − 1)(N − 2)). Normalised = raw / expected: above 1, the organisation plays that role more than
 * its position alone would make it; null where nothing is expected (no brokerage, or a role its
 * group cannot play, such as coordinator in a group of two).
 *
 * E–I index. Over dyads (pairs of organisations joined by at least one counted tie, in either
 * direction): (external − internal) / (external + internal), from −1 (all ties inside groups) to +1
 * (all across). Per group: the dyads with both ends in it (internal) and with one end in it (external).
 * The expected value is the same index over every possible dyad, what ties placed at random would give.
 */
import { type ColumnGraph, isTie, nodeLabel } from "./column-graph.js";
import { tieSemantics } from "./tie-semantics.js";

export const BROKERAGE_PARTITIONS = ["SECTOR", "REGION", "SCOPE", "TYPE"] as const;
export type BrokeragePartition = (typeof BROKERAGE_PARTITIONS)[number];

/** The node column holding each partition's group. */
const PARTITION_FIELD = { SECTOR: "sector", REGION: "region", SCOPE: "scope", TYPE: "type" } as const satisfies Record<
  BrokeragePartition,
  string
>;

export const BROKERAGE_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export type RoleCounts = Record<BrokerageRole, number>;
export type RoleRatios = Record<BrokerageRole, number | null>;

/** One plain sentence per role, for people who are not network analysts. */
export const BROKERAGE_ROLE_EXPLANATIONS: Record<BrokerageRole, string> = {
  coordinator: "Connects two organisations of its own group that have no tie of their own: a go-between inside its camp.",
  itinerant: "Connects two organisations of another group that have no tie of their own: an outside go-between.",
  representative: "Passes ties from its own group on to an organisation of another group: it speaks for its group.",
  gatekeeper: "Lets ties from an organisation of another group into its own group: it decides who gets in.",
  liaison: "Connects organisations of two different groups, belonging to neither.",
};

/** An extra tie between organisations (e.g. co-presence), read by its type like a stored one. */
export interface ExtraTie {
  source: string;
  target: string;
  type: string;
}

export interface BrokerageOptions {
  extraTies?: readonly ExtraTie[];
}

export interface BrokerageNode {
  id: string;
  label: string;
  group: string | null;
  raw: RoleCounts;
  /** Brokered pairs in all roles. */
  total: number;
  expected: RoleCounts;
  normalised: RoleRatios;
}

export interface EiIndex {
  internalTies: number;
  externalTies: number;
  /** Null without ties. */
  ei: number | null;
  expectedEi: number | null;
}

export interface BrokerageGroup extends EiIndex {
  value: string | null;
  size: number;
  /** Brokerage of the group's members, summed per role. */
  raw: RoleCounts;
}

export interface BrokerageResult {
  partition: BrokeragePartition;
  organisations: number;
  /** Arcs between organisations after reading the ties (undirected ties count two). */
  arcs: number;
  /** Every organisation: most brokerage first, then by id. */
  nodes: BrokerageNode[];
  /** Groups by value, the group without a value last. */
  groups: BrokerageGroup[];
  network: EiIndex;
}

const emptyCounts = (): RoleCounts => ({ coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0 });
const COORDINATOR = 0;
const ITINERANT = 1;
const REPRESENTATIVE = 2;
const GATEKEEPER = 3;
const LIAISON = 4;

/** Role index of a → b → c from the three groups. */
function roleOf(ga: number, gb: number, gc: number): number {
  if (ga === gb) return gb === gc ? COORDINATOR : REPRESENTATIVE;
  if (gb === gc) return GATEKEEPER;
  return ga === gc ? ITINERANT : LIAISON;
}

const ei = (external: number, internal: number) => (external + internal > 0 ? (external - internal) / (external + internal) : null);

export function brokerageRoles(graph: ColumnGraph, partition: BrokeragePartition, options: BrokerageOptions = {}): BrokerageResult {
  const { kind } = graph.columns.nodes;
  const groupColumn = graph.columns.nodes[PARTITION_FIELD[partition]] as unknown[];

  // Organisations, in id order, and their groups as small numbers (values sorted, no value last).
  const orgs: number[] = [];
  for (let i = 0; i < graph.ids.length; i++) if (kind[i] === "ORGANISATION") orgs.push(i);
  orgs.sort((a, b) => (graph.ids[a] < graph.ids[b] ? -1 : 1));
  const n = orgs.length;
  const local = new Int32Array(graph.ids.length).fill(-1);
  orgs.forEach((i, k) => (local[i] = k));
  const values = [...new Set(orgs.map((i) => (groupColumn[i] as string | null) ?? null))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const groupIndex = new Map(values.map((v, g) => [v, g]));
  const group = Int32Array.from(orgs, (i) => groupIndex.get((groupColumn[i] as string | null) ?? null)!);

  // Distinct arcs between organisations, as numbers a·n + c.
  const arcKeys = new Set<number>();
  const addTie = (s: number, t: number, tieType: string) => {
    const reading = tieSemantics(tieType).brokerage;
    if (reading === null || s < 0 || t < 0 || s === t) return;
    arcKeys.add(s * n + t);
    if (reading === "BOTH_WAYS") arcKeys.add(t * n + s);
  };
  for (let j = 0; j < graph.source.length; j++) {
    if (isTie(graph, j)) addTie(local[graph.source[j]], local[graph.target[j]], graph.columns.edges.type[j]);
  }
  for (const tie of options.extraTies ?? []) {
    const s = graph.index.get(tie.source);
    const t = graph.index.get(tie.target);
    if (s !== undefined && t !== undefined) addTie(local[s], local[t], tie.type);
  }
  const arcs = Float64Array.from(arcKeys).sort();
  const { offsets: outOffsets, ends: outEnds } = csr(
    n,
    arcs,
    (key) => Math.floor(key / n),
    (key) => key % n,
  );
  const { offsets: inOffsets, ends: inEnds } = csr(
    n,
    arcs,
    (key) => key % n,
    (key) => Math.floor(key / n),
  );

  // Brokered pairs per broker and role: for each a → b, mark a's out-neighbours, then every b → c
  // to an unmarked c ≠ a is a brokered pair.
  const counts = new Float64Array(n * 5);
  const mark = new Int32Array(n).fill(-1);
  let stamp = 0;
  for (let b = 0; b < n; b++) {
    for (let x = inOffsets[b]; x < inOffsets[b + 1]; x++) {
      const a = inEnds[x];
      stamp++;
      for (let y = outOffsets[a]; y < outOffsets[a + 1]; y++) mark[outEnds[y]] = stamp;
      for (let y = outOffsets[b]; y < outOffsets[b + 1]; y++) {
        const c = outEnds[y];
        if (c === a || mark[c] === stamp) continue;
        counts[b * 5 + roleOf(group[a], group[b], group[c])] += 1;
      }
    }
  }

  // Gould–Fernandez expectation: shares of the ordered pairs of the N − 1 other organisations.
  const sizes = values.map((_, g) => group.reduce((sum, h) => sum + (h === g ? 1 : 0), 0));
  const pairs = (n - 1) * (n - 2);
  const shares = sizes.map((ng) => {
    if (pairs <= 0) return [0, 0, 0, 0, 0];
    const others = sizes.reduce((sum, nh) => sum + nh, 0) - ng;
    const sameOther = sizes.reduce((sum, nh) => sum + nh * (nh - 1), 0) - ng * (ng - 1);
    const twoOthers = others * (others - 1) - sameOther;
    return [(ng - 1) * (ng - 2), sameOther, (ng - 1) * others, others * (ng - 1), twoOthers].map((p) => p / pairs);
  });

  const nodes: BrokerageNode[] = orgs.map((i, b) => {
    const raw = emptyCounts();
    const expected = emptyCounts();
    const normalised = {} as RoleRatios;
    let total = 0;
    BROKERAGE_ROLES.forEach((role, r) => (total += raw[role] = counts[b * 5 + r]));
    BROKERAGE_ROLES.forEach((role, r) => {
      expected[role] = total * shares[group[b]][r];
      normalised[role] = expected[role] > 0 ? raw[role] / expected[role] : null;
    });
    return { id: graph.ids[i], label: nodeLabel(graph, i), group: values[group[b]], raw, total, expected, normalised };
  });

  // E–I over dyads: each pair of organisations with an arc either way once.
  const internal = new Float64Array(values.length);
  const external = new Float64Array(values.length);
  let internalTies = 0;
  let externalTies = 0;
  for (const key of arcs) {
    const a = Math.floor(key / n);
    const c = key % n;
    if (a > c && arcKeys.has(c * n + a)) continue; // counted as c → a
    if (group[a] === group[c]) {
      internal[group[a]] += 1;
      internalTies += 1;
    } else {
      external[group[a]] += 1;
      external[group[c]] += 1;
      externalTies += 1;
    }
  }
  const possibleInternal = sizes.reduce((sum, ng) => sum + (ng * (ng - 1)) / 2, 0);
  const groups: BrokerageGroup[] = values.map((value, g) => {
    const raw = emptyCounts();
    nodes.forEach((node, b) => {
      if (group[b] === g) for (const role of BROKERAGE_ROLES) raw[role] += node.raw[role];
    });
    const ng = sizes[g];
    return {
      value,
      size: ng,
      raw,
      internalTies: internal[g],
      externalTies: external[g],
      ei: ei(external[g], internal[g]),
      expectedEi: ei(ng * (n - ng), (ng * (ng - 1)) / 2),
    };
  });

  return {
    partition,
    organisations: n,
    arcs: arcs.length,
    nodes: nodes.sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1)),
    groups,
    network: {
      internalTies,
      externalTies,
      ei: ei(externalTies, internalTies),
      expectedEi: ei((n * (n - 1)) / 2 - possibleInternal, possibleInternal),
    },
  };
}

/** Compressed adjacency of sorted keys: the ends of node v are ends[offsets[v] … offsets[v + 1]). */
function csr(n: number, keys: Float64Array, from: (key: number) => number, to: (key: number) => number) {
  const offsets = new Int32Array(n + 1);
  for (const key of keys) offsets[from(key) + 1] += 1;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const ends = new Int32Array(keys.length);
  for (const key of keys) ends[fill[from(key)]++] = to(key);
  return { offsets, ends };
}

const PARTITION_WORDS: Record<BrokeragePartition, string> = {
  SECTOR: "sectors",
  REGION: "regions",
  SCOPE: "scopes",
  TYPE: "organisation types",
};

/** One sentence on the result, for people and screen readers. */
export function brokerageSummary(result: BrokerageResult): string {
  const words = PARTITION_WORDS[result.partition];
  const top = result.nodes[0];
  const lead =
    top && top.total > 0
      ? (() => {
          const role = BROKERAGE_ROLES.reduce((best, r) => (top.raw[r] > top.raw[best] ? r : best), BROKERAGE_ROLES[0]);
          return `Across ${words}, ${top.label} brokers most: ${top.total} two-step link${top.total === 1 ? "" : "s"}, ${top.raw[role]} of them as ${role}.`;
        })()
      : `Across ${words}, no organisation brokers between two others.`;
  const { ei: index, expectedEi } = result.network;
  if (index === null) return lead;
  const leaning =
    index < 0
      ? `more ties within ${words} than across them`
      : index > 0
        ? `more ties across ${words} than within them`
        : `as many ties across ${words} as within them`;
  const chance = expectedEi === null ? "" : ` (${expectedEi.toFixed(2)} if ties fell at random)`;
  return `${lead} The E–I index is ${index.toFixed(2)}: ${leaning}${chance}.`;
}
