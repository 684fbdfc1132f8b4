/**
 * Incremental updates of the whole-graph read models after a write: the records a Change touched
 * (before and after) are applied to a copy of the cached `networkColumns` of one visibility level,
 * and the opening layout keeps every position it had. A rebuild from Neo4j costs about a second at
 * 10k organisations; applying a change costs milliseconds. The result must equal what the
 * `networkColumns` query would read (up to row order): nodes the level may see with their short
 * properties, and the relationships it may see that leave one of those nodes. Whatever this cannot
 * reproduce exactly (a node becoming visible to a level: its existing ties are not in the change)
 * answers undefined, and the caller lets the next read rebuild.
 */
import type { Visibility } from "../../core/access.js";
import { EDGE_COLUMN_FIELDS, edgeIdOf, LEAN_NODE_FIELDS, type SubgraphColumns } from "../read/columns.js";

type Props = Record<string, unknown>;

/** One record as a Change stores it (server/write/types.ts, RecordWrite halves): null is absent. */
export interface RecordState {
  kind: "node" | "relationship" | "source";
  id: string;
  type?: string;
  source?: string;
  target?: string;
  props: Props;
}

export interface RecordDelta {
  kind: RecordState["kind"];
  id: string;
  before: RecordState | null;
  after: RecordState | null;
}

/** The records of a Change from its JSON halves (`before`, `after`: lists of {kind, id, state}). */
export function deltasOfChange(change: { before: string; after: string }): RecordDelta[] {
  type Half = { kind: RecordState["kind"]; id: string; state: RecordState | null }[];
  const before = JSON.parse(change.before) as Half;
  const after = JSON.parse(change.after) as Half;
  return after.map((a, i) => ({ kind: a.kind, id: a.id, before: before[i]?.state ?? null, after: a.state }));
}

/** The visibility of a stored record (absent = PUBLIC; sources have none: they are public). */
export function visibilityOfState(state: RecordState): Visibility {
  const value = state.props.visibility;
  return value === "MEMBERS" || value === "EDITORS" ? value : "PUBLIC";
}

const seenBy = (state: RecordState | null, levels: readonly Visibility[]): RecordState | null =>
  state && levels.includes(visibilityOfState(state)) ? state : null;

/**
 * Copy-on-write columns: the cached columns may be serving other requests and are never mutated, so
 * a column is copied on its first change; an unchanged column stays the same array, which lets
 * whatever was derived from it (the compact answer's lists and their JSON) be reused.
 */
class ColumnWriter {
  readonly columns: Record<string, unknown[]>;
  private readonly copied = new Set<string>();
  constructor(from: object) {
    this.columns = { ...(from as Record<string, unknown[]>) };
  }
  private writable(field: string): unknown[] {
    if (!this.copied.has(field)) {
      this.columns[field] = this.columns[field].slice();
      this.copied.add(field);
    }
    return this.columns[field];
  }
  set(field: string, i: number, value: unknown): void {
    const column = this.columns[field];
    if (i < column.length && column[i] === value) return;
    this.writable(field)[i] = value;
  }
  /** Removes the entries at `indices` from every column. */
  removeAt(indices: number[]): void {
    if (!indices.length) return;
    const sorted = [...new Set(indices)].sort((a, b) => b - a);
    const drop = new Set(sorted);
    for (const field of Object.keys(this.columns)) {
      if (this.columns[field] === undefined) continue;
      // A few entries: spliced out of the copy (a memory move each); many: one filtering pass.
      if (sorted.length <= 64) for (const i of sorted) this.writable(field).splice(i, 1);
      else {
        this.columns[field] = this.columns[field].filter((_, i) => !drop.has(i));
        this.copied.add(field);
      }
    }
  }
}

function nodeValue(state: RecordState, field: string): unknown {
  return state.props[field] ?? null;
}

function edgeValue(state: RecordState, field: string): unknown {
  if (field === "type") return state.type;
  if (field === "source") return state.source;
  if (field === "target") return state.target;
  return state.props[field] ?? null;
}

/** Index of the edge of `state` (same type, ends and role) in the columns, or -1. */
function edgeIndex(c: SubgraphColumns, state: RecordState): number {
  const e = c.edges;
  const role = state.props.role ?? null;
  for (let j = 0; j < e.type.length; j++) {
    if (e.source[j] === state.source && e.target[j] === state.target && e.type[j] === state.type && (e.role[j] ?? null) === role) return j;
  }
  return -1;
}

/**
 * The columns of one visibility level after the records of a change, or undefined when the change
 * cannot be applied exactly. Order of work: nodes appear, relationships change, nodes disappear
 * (a deleted node's ties are deleted records of the same change).
 */
export function applyToColumns(
  columns: SubgraphColumns,
  deltas: readonly RecordDelta[],
  levels: readonly Visibility[],
): SubgraphColumns | undefined {
  const touched = deltas.filter((d) => d.kind !== "source");
  if (!touched.length) return columns;
  const nodes = new ColumnWriter(columns.nodes);
  const edges = new ColumnWriter(columns.edges);
  const next = { nodes: nodes.columns, edges: edges.columns } as unknown as SubgraphColumns;
  const index = new Map<string, number>();
  columns.nodes.id.forEach((id, i) => index.set(id, i));

  const gone: string[] = [];
  for (const d of touched.filter((d) => d.kind === "node")) {
    const before = seenBy(d.before, levels);
    const after = seenBy(d.after, levels);
    const at = index.get(d.id);
    if (before && at === undefined) return undefined; // the cache does not hold what it should: rebuild
    if (after && !before && d.before) return undefined; // newly visible to this level: its ties are unknown here
    if (after) {
      const i = at ?? next.nodes.id.length;
      for (const field of LEAN_NODE_FIELDS) nodes.set(field, i, nodeValue(after, field));
      index.set(d.id, i);
    } else if (before) gone.push(d.id);
  }

  const dropEdges: number[] = [];
  for (const d of touched.filter((d) => d.kind === "relationship")) {
    const before = seenBy(d.before, levels);
    const after = seenBy(d.after, levels);
    // Cypher reads the relationships that leave a node the level may see.
    const keptBefore = before && index.has(before.source!) ? before : null;
    const keptAfter = after && index.has(after.source!) && !gone.includes(after.source!) ? after : null;
    let at = keptBefore ? edgeIndex(next, keptBefore) : -1;
    if (keptBefore && at < 0) return undefined;
    if (keptAfter) {
      if (at < 0) at = next.edges.type.length;
      for (const field of EDGE_COLUMN_FIELDS) edges.set(field, at, edgeValue(keptAfter, field));
      // The ids built for the earlier columns come along (copied and cut like every column).
      if (next.edges.id)
        edges.set("id", at, edgeIdOf(keptAfter.type!, keptAfter.source!, keptAfter.target!, keptAfter.props.role as string | null));
    } else if (at >= 0) dropEdges.push(at);
  }

  // A node that disappears takes the relationships leaving it along (they are still in Neo4j when
  // only its visibility changed); those arriving at it stay, as in the query, and readers drop them.
  if (gone.length) {
    const goneSet = new Set(gone);
    next.edges.source.forEach((source, j) => {
      if (goneSet.has(source)) dropEdges.push(j);
    });
    nodes.removeAt(gone.map((id) => index.get(id)!));
  }
  edges.removeAt(dropEdges);
  return next;
}

/**
 * The opening layout of a compact network (ids, and edges as node indices) from the previous one:
 * every node keeps its position, a new node starts at the mean of its positioned neighbours (or
 * beside the first node), so the explorer's picture does not jump after an edit. `previous` holds
 * x, y per node of `previousIds`.
 */
export function carryLayout(
  previousIds: readonly string[],
  previous: readonly number[],
  next: { ids: readonly string[]; sources: readonly number[]; targets: readonly number[] },
): number[] {
  // Nothing moved (a change that added or removed no node): the same positions, the same array.
  if (previousIds === next.ids) return previous as number[];
  const at = new Map<string, number>();
  previousIds.forEach((id, i) => at.set(id, i));
  const { ids, sources, targets } = next;
  const xy = new Array<number>(ids.length * 2);
  const placed = new Uint8Array(ids.length);
  const missing: number[] = [];
  ids.forEach((id, i) => {
    const k = at.get(id);
    if (k === undefined) return void missing.push(i);
    xy[2 * i] = previous[2 * k];
    xy[2 * i + 1] = previous[2 * k + 1];
    placed[i] = 1;
  });
  if (!missing.length) return xy;
  const sum = new Map<number, { x: number; y: number; n: number }>(missing.map((i) => [i, { x: 0, y: 0, n: 0 }]));
  const add = (a: number, b: number) => {
    const acc = sum.get(a);
    if (!acc || !placed[b]) return;
    acc.x += xy[2 * b];
    acc.y += xy[2 * b + 1];
    acc.n += 1;
  };
  for (let j = 0; j < sources.length; j++) {
    add(sources[j], targets[j]);
    add(targets[j], sources[j]);
  }
  const anchor = placed.indexOf(1);
  missing.forEach((i, k) => {
    const acc = sum.get(i)!;
    // A small offset per new node, so two new nodes with the same neighbours do not overlap.
    const offset = 1 + k;
    xy[2 * i] = (acc.n ? acc.x / acc.n : anchor >= 0 ? xy[2 * anchor] : 0) + offset;
    xy[2 * i + 1] = (acc.n ? acc.y / acc.n : anchor >= 0 ? xy[2 * anchor + 1] : 0) + offset;
  });
  return xy;
}
