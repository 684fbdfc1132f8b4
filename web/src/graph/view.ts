/**
 * Which nodes and ties the view shows: filters, the timeline year, expanded neighbourhoods and
 * collapsed networks, applied to the dataset. Pure: the renderer binding turns the result into
 * `hidden` attributes, so nothing moves when the view changes.
 */
import { type FiltersState, passesNodeFacets, passesRelationshipFacets } from "../../../core/facets";
import { type Folding, foldMembers } from "../../../core/folding";
import { lastYear, presenceIn } from "../../../core/timeline";
import type { AtlasDataset, AtlasNode } from "./types";
import type { RelationshipType } from "./vocabulary";

// The facets, and how a node or tie passes each, are declared once in core/facets.ts.
export type { FiltersState } from "../../../core/facets";

export interface ViewInput {
  filters: FiltersState;
  year: number | null;
  /** With a year: leave out what has no year at all (undated bodies and ties). */
  datedOnly?: boolean;
  collapsed: readonly string[];
  revealed: readonly string[];
}

/** A tie of a collapsed network's members, re-pointed to the network and merged per type. */
export interface ProxyEdge {
  key: string;
  type: RelationshipType;
  source: string;
  target: string;
  weight: number;
}

export interface VisibleView {
  nodeVisible: Uint8Array;
  /** Undated in a year view (core/timeline.ts): drawn faded, since the documents do not say it was there. */
  nodeFaded: Uint8Array;
  edgeVisible: Uint8Array;
  edgeFaded: Uint8Array;
  /** Networks drawn collapsed (visible, with members folded into them). */
  collapsed: Set<string>;
  /** Which members fold where and which are shared (core/folding.ts, the API's rule too). */
  folding: Folding;
  proxies: ProxyEdge[];
  nodeCount: number;
  edgeCount: number;
}

/** Whether a node passes the facet filters (organisation facets leave other kinds alone). */
export function passesFilters(node: AtlasNode, filters: FiltersState, dataset: Pick<AtlasDataset, "scopes">): boolean {
  return passesNodeFacets(node, filters, dataset);
}

export function computeView(dataset: AtlasDataset, input: ViewInput): VisibleView {
  const { nodes, edges, nodeStart, edgeStart } = dataset;
  const { filters, year } = input;
  const n = nodes.length;
  const m = edges.length;
  const nodeVisible = new Uint8Array(n);
  const nodeFaded = new Uint8Array(n);
  const edgeVisible = new Uint8Array(m);
  const edgeFaded = new Uint8Array(m);
  // core/timeline.ts decides, for the web and the server alike: a record is drawn from its first year
  // to its last; an undated one faded, or not at all when the reader leaves out what has no date.
  const nodePresence = nodes.map((node, i) => presenceIn(year, nodeStart[i], lastYear(node.activeFrom, node.activeTo)));
  const edgePresence = edges.map((e, j) => presenceIn(year, edgeStart[j], lastYear(e.activeFrom, e.activeTo)));
  const shownIn = (presence: string) => presence === "present" || (presence === "undated" && !input.datedOnly);
  const started = (i: number) => shownIn(nodePresence[i]);
  const tieStarted = (j: number) => shownIn(edgePresence[j]);

  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    if (started(i) && passesFilters(node, filters, dataset)) nodeVisible[i] = 1;
    if (nodePresence[i] === "undated") nodeFaded[i] = 1;
  }

  // Expanded neighbourhoods: the node, its neighbours and the ties between them, whatever the
  // filters; the timeline still applies (a body does not appear before it exists).
  const revealedEdges = new Uint8Array(m);
  for (const id of input.revealed) {
    const i = dataset.index.get(id);
    if (i === undefined || !started(i)) continue;
    nodeVisible[i] = 1;
    for (const j of dataset.incident[i]) {
      const e = edges[j];
      const other = e.source === i ? e.target : e.source;
      if (!tieStarted(j) || !started(other)) continue;
      nodeVisible[other] = 1;
      revealedEdges[j] = 1;
    }
  }

  const tieShown = (j: number) => revealedEdges[j] === 1 || (passesRelationshipFacets(edges[j], filters) && tieStarted(j));

  // Collapsed networks fold their visible members by the rule the API applies (core/folding.ts): a
  // member of one collapsed network folds into it, a member of several stays visible as shared, and a
  // member stays itself when it is a collapsed network of its own, was expanded into the view on
  // purpose, or is not shown at all.
  const rep = new Int32Array(n);
  for (let i = 0; i < n; i++) rep[i] = i;
  const members = new Map<string, readonly string[]>();
  for (const [id, group] of dataset.groups) members.set(id, group.directMemberIds);
  const shown = input.collapsed.filter((id) => {
    const g = dataset.index.get(id);
    return g !== undefined && nodeVisible[g] === 1;
  });
  const folding = foldMembers(members, shown, (id) => {
    const i = dataset.index.get(id);
    return i === undefined || nodeVisible[i] === 0 || input.revealed.includes(id);
  });
  const collapsed = new Set(folding.byGroup.keys());
  for (const [member, group] of folding.foldInto) rep[dataset.index.get(member)!] = dataset.index.get(group)!;

  const proxies = new Map<string, ProxyEdge>();
  let edgeCount = 0;
  for (let j = 0; j < m; j++) {
    const e = edges[j];
    if (edgePresence[j] === "undated") edgeFaded[j] = 1;
    if (!nodeVisible[e.source] || !nodeVisible[e.target] || !tieShown(j)) continue;
    const a = rep[e.source];
    const b = rep[e.target];
    if (a === e.source && b === e.target) {
      edgeVisible[j] = 1;
      edgeCount++;
      continue;
    }
    if (a === b) continue; // a tie inside a collapsed network
    const source = nodes[a].id;
    const target = nodes[b].id;
    const key = `group:${e.type}:${source}:${target}`;
    const proxy = proxies.get(key);
    if (proxy) proxy.weight++;
    else proxies.set(key, { key, type: e.type, source, target, weight: 1 });
  }

  let nodeCount = 0;
  for (let i = 0; i < n; i++) {
    if (rep[i] !== i) nodeVisible[i] = 0;
    nodeCount += nodeVisible[i];
  }
  return {
    nodeVisible,
    nodeFaded,
    edgeVisible,
    edgeFaded,
    collapsed,
    folding,
    proxies: [...proxies.values()],
    nodeCount,
    edgeCount: edgeCount + proxies.size,
  };
}

/**
 * The ties a view shows among a set of nodes (a story step's focus): visible relationships with
 * both ends in the set, and the merged ties of collapsed networks between two of them.
 */
export function tiesAmong(dataset: AtlasDataset, view: VisibleView, ids: readonly string[]): string[] {
  const wanted = new Set<number>();
  for (const id of ids) {
    const i = dataset.index.get(id);
    if (i !== undefined) wanted.add(i);
  }
  const out: string[] = [];
  dataset.edges.forEach((e, j) => {
    if (view.edgeVisible[j] && wanted.has(e.source) && wanted.has(e.target)) out.push(e.id);
  });
  const set = new Set(ids);
  for (const p of view.proxies) if (set.has(p.source) && set.has(p.target)) out.push(p.key);
  return out;
}

/** How a network's members are drawn in a view: folded into it, shared with another collapsed network, or apart. */
export interface FoldSummary {
  /** Direct members in the data (filters aside). */
  members: number;
  folded: number;
  shared: number;
}

/** The counts the legend and Details give for a network; null when it has no members. */
export function foldSummary(dataset: AtlasDataset, view: VisibleView, id: string): FoldSummary | null {
  const group = dataset.groups.get(id);
  if (!group || group.directMemberIds.length === 0) return null;
  const fold = view.folding.byGroup.get(id);
  return { members: group.directMemberIds.length, folded: fold?.folded.length ?? 0, shared: fold?.shared.length ?? 0 };
}

/** "5 members: 1 folded in, 3 shared with other collapsed networks" (or just "5 members" when open). */
export function describeFold(summary: FoldSummary, collapsed: boolean): string {
  const members = `${summary.members} member${summary.members === 1 ? "" : "s"}`;
  if (!collapsed) return members;
  const parts = [`${summary.folded} folded in`];
  if (summary.shared) parts.push(`${summary.shared} shared with other collapsed networks`);
  return `${members}: ${parts.join(", ")}`;
}
