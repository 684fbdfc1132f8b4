/**
 * API payload → AtlasDataset: checks the columnar encoding once at the edge (equal column lengths,
 * edge ends in range, known enum values), indexes it, and derives the years the timeline uses.
 */
import type { AtlasDataset, AtlasEdge, AtlasNode, CompactNetwork, NodeGroup } from "./wire.js";
import { isOneOf } from "./labels.js";
import {
  NODE_KINDS,
  ORGANISATION_TYPES,
  REGIONS,
  RELATIONSHIP_TYPE_NAMES as RELATIONSHIP_TYPES,
  type Scope,
  SECTORS,
} from "./vocabulary.js";

export class DatasetError extends Error {
  constructor(message: string) {
    super(`Invalid network data: ${message}`);
    this.name = "DatasetError";
  }
}

const NODE_COLUMNS = ["names", "labels", "kinds", "types", "sectors", "regions", "activeFrom", "activeTo"] as const;
const EDGE_COLUMNS = ["targets", "edgeIds", "edgeTypes", "edgeActiveFrom", "edgeActiveTo"] as const;

function checkEnum(column: string, values: readonly string[], value: unknown, i: number, nullable: boolean) {
  if (value === null && nullable) return;
  if (!isOneOf(values, value)) throw new DatasetError(`${column}[${i}] is ${JSON.stringify(value)}, not one of ${values.join(", ")}`);
}

function checkYear(column: string, value: unknown, i: number) {
  if (value !== null && !Number.isInteger(value)) throw new DatasetError(`${column}[${i}] is ${JSON.stringify(value)}, not a year`);
}

/** Throws a DatasetError naming the first column or entry that does not fit the contract. */
export function validateCompact(data: CompactNetwork): void {
  const n = data.ids.length;
  for (const column of NODE_COLUMNS) {
    if (data[column]?.length !== n) throw new DatasetError(`${column} has ${data[column]?.length ?? "no"} entries for ${n} ids`);
  }
  const m = data.sources.length;
  for (const column of EDGE_COLUMNS) {
    if (data[column]?.length !== m) throw new DatasetError(`${column} has ${data[column]?.length ?? "no"} entries for ${m} edges`);
  }
  for (let i = 0; i < n; i++) {
    checkEnum("kinds", NODE_KINDS, data.kinds[i], i, false);
    checkEnum("types", ORGANISATION_TYPES, data.types[i], i, true);
    checkEnum("sectors", SECTORS, data.sectors[i], i, true);
    checkEnum("regions", REGIONS, data.regions[i], i, true);
    checkYear("activeFrom", data.activeFrom[i], i);
    checkYear("activeTo", data.activeTo[i], i);
  }
  for (let j = 0; j < m; j++) {
    const s = data.sources[j];
    const t = data.targets[j];
    if (!Number.isInteger(s) || s < 0 || s >= n) throw new DatasetError(`sources[${j}] is ${s}, not a node index`);
    if (!Number.isInteger(t) || t < 0 || t >= n) throw new DatasetError(`targets[${j}] is ${t}, not a node index`);
    checkEnum("edgeTypes", RELATIONSHIP_TYPES, data.edgeTypes[j], j, false);
    checkYear("edgeActiveFrom", data.edgeActiveFrom[j], j);
    checkYear("edgeActiveTo", data.edgeActiveTo[j], j);
  }
  if (data.layout != null) {
    if (data.layout.length !== 2 * n)
      throw new DatasetError(`layout has ${data.layout.length} entries for ${n} ids (want x and y for each)`);
    const bad = data.layout.findIndex((v) => !Number.isFinite(v));
    if (bad !== -1) throw new DatasetError(`layout[${bad}] is ${JSON.stringify(data.layout[bad])}, not a coordinate`);
  }
}

const laterOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** A tie's first year on the timeline: its own, or (undated) when its later-dated end starts. */
export const edgeStartOf = (activeFrom: number | null, sourceFrom: number | null, targetFrom: number | null) =>
  activeFrom ?? laterOf(sourceFrom, targetFrom);

/**
 * Timeline years. A tie cannot predate its ends, so an undated tie starts when its later-dated end
 * does; an undated body whose every tie is dated first appears with its earliest tie (the first time
 * the documents show it active). Bodies with an undated tie to an undated body stay undated.
 */
export function deriveStarts(nodes: AtlasNode[], edges: AtlasEdge[], incident: number[][]) {
  const edgeStart = edges.map((e) => edgeStartOf(e.activeFrom, nodes[e.source].activeFrom, nodes[e.target].activeFrom));
  const nodeStart = nodes.map((node, i) => {
    if (node.activeFrom !== null) return node.activeFrom;
    const ties = incident[i];
    if (ties.length === 0) return null;
    let first = Infinity;
    for (const j of ties) {
      const start = edgeStart[j];
      if (start === null) return null;
      first = Math.min(first, start);
    }
    return first;
  });
  return { nodeStart, edgeStart };
}

export function createDataset(data: CompactNetwork, groups: NodeGroup[] = []): AtlasDataset {
  validateCompact(data);
  const nodes: AtlasNode[] = data.ids.map((id, i) => ({
    id,
    name: data.names[i],
    label: data.labels[i] || data.names[i],
    kind: data.kinds[i],
    type: data.types[i],
    sector: data.sectors[i],
    region: data.regions[i],
    activeFrom: data.activeFrom[i],
    activeTo: data.activeTo[i],
  }));
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (index.has(node.id)) throw new DatasetError(`ids[${i}] repeats '${node.id}'`);
    index.set(node.id, i);
  });
  const edges: AtlasEdge[] = data.edgeIds.map((id, j) => ({
    id,
    type: data.edgeTypes[j],
    source: data.sources[j],
    target: data.targets[j],
    activeFrom: data.edgeActiveFrom[j],
    activeTo: data.edgeActiveTo[j],
  }));
  // Edge ids are unique in the API; should two ever collide, the second gets a suffix rather than
  // taking the whole view down.
  const edgeIndex = new Map<string, number>();
  edges.forEach((e, j) => {
    if (edgeIndex.has(e.id)) e.id = `${e.id}#${j}`;
    edgeIndex.set(e.id, j);
  });
  const incident: number[][] = nodes.map(() => []);
  const degree = new Int32Array(nodes.length);
  edges.forEach((e, j) => {
    incident[e.source].push(j);
    degree[e.source]++;
    if (e.target !== e.source) {
      incident[e.target].push(j);
      degree[e.target]++;
    }
  });
  const { nodeStart, edgeStart } = deriveStarts(nodes, edges, incident);

  let min = Infinity;
  let max = -Infinity;
  const see = (year: number | null) => {
    if (year === null) return;
    if (year < min) min = year;
    if (year > max) max = year;
  };
  nodeStart.forEach(see);
  edgeStart.forEach(see);
  nodes.forEach((node) => see(node.activeTo));
  edges.forEach((edge) => see(edge.activeTo));

  return {
    nodes,
    edges,
    index,
    edgeIndex,
    incident,
    degree,
    nodeStart,
    edgeStart,
    ...indexGroups(index, groups),
    scopes: null,
    years: min <= max ? [min, max] : null,
    layout: data.layout ? Float64Array.from(data.layout) : null,
  };
}

function indexGroups(index: Map<string, number>, groups: NodeGroup[]): Pick<AtlasDataset, "groups" | "groupsOf"> {
  const groupMap = new Map<string, NodeGroup>();
  const groupsOf = new Map<string, string[]>();
  const known = (group: NodeGroup) => (id: string) => index.has(id) && id !== group.id;
  for (const group of groups) {
    if (!index.has(group.id)) continue;
    const directMemberIds = group.directMemberIds.filter(known(group));
    groupMap.set(group.id, {
      ...group,
      memberIds: group.memberIds.filter(known(group)),
      sharedIds: group.sharedIds.filter(known(group)),
      directMemberIds,
    });
    for (const member of directMemberIds) groupsOf.set(member, [...(groupsOf.get(member) ?? []), group.id]);
  }
  return { groups: groupMap, groupsOf };
}

/** A copy of the dataset with the membership groups attached (they arrive after the first frame). */
export function withGroups(dataset: AtlasDataset, groups: NodeGroup[]): AtlasDataset {
  return { ...dataset, ...indexGroups(dataset.index, groups) };
}

/** A copy of the dataset with organisation scopes attached (they arrive after the first frame). */
export function withScopes(dataset: AtlasDataset, scopes: Map<string, Scope>): AtlasDataset {
  return { ...dataset, scopes };
}

/** Ids of a node's neighbours in the whole dataset. */
export function neighbourIds(dataset: AtlasDataset, id: string): string[] {
  const i = dataset.index.get(id);
  if (i === undefined) return [];
  const out = new Set<string>();
  for (const j of dataset.incident[i]) {
    const e = dataset.edges[j];
    out.add(dataset.nodes[e.source === i ? e.target : e.source].id);
  }
  out.delete(id);
  return [...out];
}

/** Ties from either of two nodes to the items they share (what an ally suggestion rests on). */
export function sharedTies(dataset: AtlasDataset, a: string, b: string, shared: string[]): string[] {
  const ends = new Set([a, b]);
  const edges: string[] = [];
  for (const id of shared) {
    const i = dataset.index.get(id);
    if (i === undefined) continue;
    for (const j of dataset.incident[i]) {
      const e = dataset.edges[j];
      const other = dataset.nodes[e.source === i ? e.target : e.source].id;
      if (ends.has(other)) edges.push(e.id);
    }
  }
  return edges;
}
