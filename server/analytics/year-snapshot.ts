/**
 * What is on the map in a given year, by the explorer's own rules (web/src/graph/dataset.ts
 * `deriveStarts` and view.ts), so the change between two years and the metrics of a year describe
 * the network the timeline shows. Pure.
 *
 * - A record starts at its own first year (`activeFrom`: founded, since, year, start, adopted).
 *   An undated body whose every tie has a start first appears with its earliest tie; a tie with no
 *   date of its own starts when its later-dated end does. Anything else undated is there every year.
 * - A record ends after its last year (`activeTo`: dissolved, until, end), except one-off events (a
 *   forum, an appearance: first year = last year), which stay on the map as history.
 * - A tie is there only while both its ends are.
 * The explorer draws ended records faded; a snapshot leaves them out.
 *
 * Each start and end says which record dates it (`Dating`), so every change between two years can
 * cite the node or relationship its year comes from.
 */
import { type ColumnGraph, edgeId, isTie } from "./column-graph.js";

export interface Dating {
  year: number;
  /** The record whose date this is. */
  recordKind: "NODE" | "RELATIONSHIP";
  recordId: string;
}

export interface Lifespans {
  /** null: undated, on the map every year. */
  nodeStart: (Dating | null)[];
  /** null: never ends. */
  nodeEnd: (Dating | null)[];
  /** A tie's own dates (its ends' dates are applied in `tieStart`/`tieEnd`). */
  edgeStart: (Dating | null)[];
  edgeEnd: (Dating | null)[];
}

const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** Start and end of every node and relationship of the graph. */
export function lifespans(graph: ColumnGraph): Lifespans {
  const { nodes, edges } = graph.columns;
  const nodeDating = (i: number, year: number | null): Dating | null => (year === null ? null : { year, recordKind: "NODE", recordId: graph.ids[i] });
  const edgeDating = (j: number, year: number | null): Dating | null => (year === null ? null : { year, recordKind: "RELATIONSHIP", recordId: edgeId(graph, j) });
  const endYear = (from: unknown, to: unknown) => (num(to) !== null && num(to) !== num(from) ? num(to) : null);

  const ownNodeStart = nodes.id.map((_, i) => nodeDating(i, num(nodes.activeFrom[i])));
  const nodeEnd = nodes.id.map((_, i) => nodeDating(i, endYear(nodes.activeFrom[i], nodes.activeTo[i])));
  const edgeStart: (Dating | null)[] = new Array(edges.type.length).fill(null);
  const edgeEnd: (Dating | null)[] = new Array(edges.type.length).fill(null);

  // An undated node's first tie: the earliest start among its ties (a tie's own, else its later
  // dated end's); undated for good if any tie has no start at all. Ties in id order for equal years.
  const firstTie: (Dating | null | undefined)[] = nodes.id.map(() => undefined);
  const undatedTie = new Uint8Array(nodes.id.length);
  for (let j = 0; j < edges.type.length; j++) {
    const s = graph.source[j];
    const t = graph.target[j];
    if (s < 0 || t < 0) continue;
    edgeStart[j] = edgeDating(j, num(edges.activeFrom[j]));
    edgeEnd[j] = edgeDating(j, endYear(edges.activeFrom[j], edges.activeTo[j]));
    const start = edgeStart[j] ?? later(ownNodeStart[s], ownNodeStart[t]);
    for (const end of s === t ? [s] : [s, t]) {
      if (ownNodeStart[end] !== null) continue;
      if (start === null) undatedTie[end] = 1;
      else if (firstTie[end] === undefined || earlier(start, firstTie[end]!)) firstTie[end] = start;
    }
  }
  const nodeStart = ownNodeStart.map((own, i) => own ?? (undatedTie[i] ? null : (firstTie[i] ?? null)));
  return { nodeStart, nodeEnd, edgeStart, edgeEnd };
}

/** The later of two starts (null = undated counts as earliest); on a tie, the first. */
function later(a: Dating | null, b: Dating | null): Dating | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.year > a.year ? b : a;
}

/** Whether `a` comes strictly before `b`: earlier year, or the same year and a smaller record id. */
function earlier(a: Dating, b: Dating): boolean {
  return a.year < b.year || (a.year === b.year && a.recordId < b.recordId);
}

/**
 * When tie j is first on the map: the latest of its own start and its two ends' starts (null: from
 * the beginning). On equal years the tie's own date wins, then the source's, then the target's.
 */
export function tieStart(graph: ColumnGraph, spans: Lifespans, j: number): Dating | null {
  let best: Dating | null = spans.edgeStart[j];
  for (const start of [spans.nodeStart[graph.source[j]], spans.nodeStart[graph.target[j]]]) {
    if (start !== null && (best === null || start.year > best.year)) best = start;
  }
  return best;
}

/** The last year tie j is on the map: the earliest of its own end and its two ends' (null: never ends). */
export function tieEnd(graph: ColumnGraph, spans: Lifespans, j: number): Dating | null {
  let best: Dating | null = spans.edgeEnd[j];
  for (const end of [spans.nodeEnd[graph.source[j]], spans.nodeEnd[graph.target[j]]]) {
    if (end !== null && (best === null || end.year < best.year)) best = end;
  }
  return best;
}

const within = (start: Dating | null, end: Dating | null, year: number) => (start === null || start.year <= year) && (end === null || end.year >= year);

export interface Snapshot {
  year: number;
  /** 1 for each node and each relationship on the map that year. */
  nodes: Uint8Array;
  edges: Uint8Array;
}

/** The nodes and ties on the map in `year` (self-loops and ties to hidden nodes are never on it). */
export function snapshot(graph: ColumnGraph, spans: Lifespans, year: number): Snapshot {
  const nodes = new Uint8Array(graph.ids.length);
  for (let i = 0; i < nodes.length; i++) nodes[i] = within(spans.nodeStart[i], spans.nodeEnd[i], year) ? 1 : 0;
  const edges = new Uint8Array(graph.source.length);
  for (let j = 0; j < edges.length; j++) {
    edges[j] = isTie(graph, j) && nodes[graph.source[j]] && nodes[graph.target[j]] && within(spans.edgeStart[j], spans.edgeEnd[j], year) ? 1 : 0;
  }
  return { year, nodes, edges };
}

/** A snapshot as the node and edge lists `buildUndirectedGraph` takes, for the metrics of that year. */
export function snapshotTopology(graph: ColumnGraph, shot: Snapshot) {
  const { kind, sector } = graph.columns.nodes;
  const nodes: { id: string; kind: string; sector: string | null }[] = [];
  for (let i = 0; i < shot.nodes.length; i++) if (shot.nodes[i]) nodes.push({ id: graph.ids[i], kind: kind[i], sector: (sector[i] as string | null) ?? null });
  const edges: { source: string; target: string }[] = [];
  for (let j = 0; j < shot.edges.length; j++) if (shot.edges[j]) edges.push({ source: graph.ids[graph.source[j]], target: graph.ids[graph.target[j]] });
  return { nodes, edges };
}
