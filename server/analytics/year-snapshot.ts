/**
 * What is on the map in a given year, by the explorer's own rules (core/dataset.ts
 * `deriveStarts` and view.ts), so the change between two years and the metrics of a year describe
 * the network the timeline shows. Pure.
 *
 * - A record starts at its own first year (`activeFrom`: founded, since, year, start, adopted).
 *   An undated body whose every tie has a start first appears with its earliest tie; a tie with no
 *   date of its own starts when its later-dated end does. Anything else undated is there every year.
 * - A record ends after its last year (`activeTo`: dissolved, until, end), except one-off events (a
 *   forum, an appearance: first year = last year), which stay on the map as history.
 * - A tie is there only while both its ends are.
 * The rule is core/timeline.ts, shared with the explorer (which draws undated records faded).
 *
 * Each start and end knows which record dates it (`Dating`), so every change between two years can
 * cite the node or relationship its year comes from.
 */
import { lastYear, presenceIn } from "../../core/timeline.js";
import type { SubgraphColumns } from "../read/columns.js";
import { type ColumnGraph, edgeId, indexColumns, isTie } from "./column-graph.js";

export interface Dating {
  year: number;
  /** The record whose date this is. */
  recordKind: "NODE" | "RELATIONSHIP";
  recordId: string;
}

/**
 * Years as numbers (NaN: undated, or never ending) and the record behind each (`by`: node position
 * i as i, relationship j as -1 - j), in typed arrays: a 10k-organisation graph has 56k relationships.
 */
export interface Lifespans {
  nodeStart: Float64Array;
  nodeStartBy: Int32Array;
  /** A node's end is always its own dissolution or end. */
  nodeEnd: Float64Array;
  /** A tie's own dates (its ends' dates are applied by `tieStart`/`tieEnd`). */
  edgeStart: Float64Array;
  edgeEnd: Float64Array;
  /**
   * A tie's first year as the explorer dates it (core/dataset.ts `edgeStartOf`): its own, else its
   * later-dated end's own start; NaN only when neither it nor its ends say. Decides whether the tie
   * is undated, which matters when undated records are left out.
   */
  edgeDated: Float64Array;
}

const yearOf = (value: unknown) => (typeof value === "number" ? value : NaN);
const orNull = (value: unknown) => (typeof value === "number" && !Number.isNaN(value) ? value : null);
const edgeRecord = (j: number) => -1 - j;

/** Start and end of every node and relationship of the graph. */
export function lifespans(graph: ColumnGraph): Lifespans {
  const { nodes, edges } = graph.columns;
  const n = nodes.id.length;
  const m = edges.type.length;
  const endYear = (from: unknown, to: unknown) => lastYear(orNull(from), orNull(to)) ?? NaN;
  const nodeStart = Float64Array.from(nodes.activeFrom, yearOf);
  const nodeStartBy = Int32Array.from({ length: n }, (_, i) => i);
  const nodeEnd = Float64Array.from({ length: n }, (_, i) => endYear(nodes.activeFrom[i], nodes.activeTo[i]));
  const edgeStart = new Float64Array(m).fill(NaN);
  const edgeEnd = new Float64Array(m).fill(NaN);
  const edgeDated = new Float64Array(m).fill(NaN);

  // An undated node's first tie: the earliest start among its ties (a tie's own, else its later
  // dated end's); undated for good if any tie has no start at all. Equal years: smaller record id.
  const ownStart = Float64Array.from(nodeStart);
  const undatedTie = new Uint8Array(n);
  const ids = createRecordIds(graph);
  for (let j = 0; j < m; j++) {
    const s = graph.source[j];
    const t = graph.target[j];
    if (s < 0 || t < 0) continue;
    edgeStart[j] = yearOf(edges.activeFrom[j]);
    edgeEnd[j] = endYear(edges.activeFrom[j], edges.activeTo[j]);
    let year = edgeStart[j];
    let by = edgeRecord(j);
    if (Number.isNaN(year)) {
      // The later of the two ends' own starts (the source on equal years).
      const later = Number.isNaN(ownStart[s]) || ownStart[t] > ownStart[s] ? t : s;
      year = ownStart[later];
      by = later;
    }
    edgeDated[j] = year;
    for (const end of s === t ? [s] : [s, t]) {
      if (!Number.isNaN(ownStart[end])) continue;
      if (Number.isNaN(year)) undatedTie[end] = 1;
      else if (
        Number.isNaN(nodeStart[end]) ||
        year < nodeStart[end] ||
        (year === nodeStart[end] && ids.of(by) < ids.of(nodeStartBy[end]))
      ) {
        nodeStart[end] = year;
        nodeStartBy[end] = by;
      }
    }
  }
  for (let i = 0; i < n; i++) if (undatedTie[i]) nodeStart[i] = NaN;
  return { nodeStart, nodeStartBy, nodeEnd, edgeStart, edgeEnd, edgeDated };
}

/** Record ids by `by` code, relationship ids built once each when first asked for. */
function createRecordIds(graph: ColumnGraph) {
  const edgeIds: string[] = [];
  return { of: (by: number) => (by >= 0 ? graph.ids[by] : (edgeIds[-1 - by] ??= edgeId(graph, -1 - by))) };
}

/** The Dating of a year and its record code. */
export function dating(graph: ColumnGraph, year: number, by: number): Dating {
  return by >= 0
    ? { year, recordKind: "NODE", recordId: graph.ids[by] }
    : { year, recordKind: "RELATIONSHIP", recordId: edgeId(graph, -1 - by) };
}

/** When node i is first on the map (null: every year). */
export function nodeStart(graph: ColumnGraph, spans: Lifespans, i: number): Dating | null {
  return Number.isNaN(spans.nodeStart[i]) ? null : dating(graph, spans.nodeStart[i], spans.nodeStartBy[i]);
}

/** The last year node i is on the map (null: it never ends). */
export function nodeEnd(graph: ColumnGraph, spans: Lifespans, i: number): Dating | null {
  return Number.isNaN(spans.nodeEnd[i]) ? null : dating(graph, spans.nodeEnd[i], i);
}

/**
 * When tie j is first on the map: the latest of its own start and its two ends' starts (null: from
 * the beginning). On equal years the tie's own date wins, then the source's, then the target's.
 */
export function tieStart(graph: ColumnGraph, spans: Lifespans, j: number): Dating | null {
  let year = spans.edgeStart[j];
  let by = edgeRecord(j);
  for (const end of [graph.source[j], graph.target[j]]) {
    const start = spans.nodeStart[end];
    if (!Number.isNaN(start) && (Number.isNaN(year) || start > year)) {
      year = start;
      by = spans.nodeStartBy[end];
    }
  }
  return Number.isNaN(year) ? null : dating(graph, year, by);
}

/** The last year tie j is on the map: the earliest of its own end and its two ends' (null: never ends). */
export function tieEnd(graph: ColumnGraph, spans: Lifespans, j: number): Dating | null {
  let year = spans.edgeEnd[j];
  let by = edgeRecord(j);
  for (const end of [graph.source[j], graph.target[j]]) {
    const last = spans.nodeEnd[end];
    if (!Number.isNaN(last) && (Number.isNaN(year) || last < year)) {
      year = last;
      by = end;
    }
  }
  return Number.isNaN(year) ? null : dating(graph, year, by);
}

/**
 * On the map in `year` by core/timeline.ts (NaN is no year): present, or undated (drawn faded)
 * unless only dated records are kept.
 */
const within = (start: number, end: number, year: number, datedOnly: boolean) => {
  const presence = presenceIn(year, orNull(start), orNull(end));
  return presence === "present" || (presence === "undated" && !datedOnly);
};

export interface Snapshot {
  year: number;
  /** 1 for each node and each relationship on the map that year. */
  nodes: Uint8Array;
  edges: Uint8Array;
}

/**
 * The nodes and ties on the map in `year` (self-loops and ties to hidden nodes are never on it);
 * `datedOnly`: without the undated ones, as the explorer's "leave out what has no date".
 */
export function snapshot(graph: ColumnGraph, spans: Lifespans, year: number, datedOnly = false): Snapshot {
  const nodes = new Uint8Array(graph.ids.length);
  for (let i = 0; i < nodes.length; i++) nodes[i] = within(spans.nodeStart[i], spans.nodeEnd[i], year, datedOnly) ? 1 : 0;
  const edges = new Uint8Array(graph.source.length);
  for (let j = 0; j < edges.length; j++) {
    edges[j] =
      isTie(graph, j) && nodes[graph.source[j]] && nodes[graph.target[j]] && within(spans.edgeDated[j], spans.edgeEnd[j], year, datedOnly)
        ? 1
        : 0;
  }
  return { year, nodes, edges };
}

/** A snapshot as the node and edge lists `buildUndirectedGraph` takes, for the metrics of that year. */
export function snapshotTopology(graph: ColumnGraph, shot: Snapshot) {
  const { kind, sector } = graph.columns.nodes;
  const nodes: { id: string; kind: string; sector: string | null }[] = [];
  for (let i = 0; i < shot.nodes.length; i++)
    if (shot.nodes[i]) nodes.push({ id: graph.ids[i], kind: kind[i], sector: (sector[i] as string | null) ?? null });
  const edges: { source: string; target: string }[] = [];
  for (let j = 0; j < shot.edges.length; j++)
    if (shot.edges[j]) edges.push({ source: graph.ids[graph.source[j]], target: graph.ids[graph.target[j]] });
  return { nodes, edges };
}

/** The columns of what is on the map in `year` (the snapshot's nodes and ties), for the metrics of that year. */
export function snapshotColumns(columns: SubgraphColumns, year: number, datedOnly = false): SubgraphColumns {
  const graph = indexColumns(columns);
  const shot = snapshot(graph, lifespans(graph), year, datedOnly);
  const keep = <C extends object>(of: C, kept: Uint8Array): C =>
    Object.fromEntries(Object.entries(of).map(([field, values]) => [field, (values as unknown[]).filter((_, i) => kept[i] === 1)])) as C;
  return { nodes: keep(columns.nodes, shot.nodes), edges: keep(columns.edges, shot.edges) };
}
