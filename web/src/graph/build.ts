/**
 * The rendered graph: every node and tie of the dataset, once, with positions; the view decides
 * what is `hidden`. Keeping hidden items in place is what keeps the layout still when filters,
 * the timeline year or collapsed networks change.
 */
import { MultiDirectedGraph } from "graphology";

import { type ColorScale, groupSize, labelOf, type SizeScale } from "./appearance";
import type { AtlasDataset, AtlasEdgeAttributes, AtlasGraph, AtlasNodeAttributes } from "./types";
import type { VisibleView } from "./view";

export const EDGE_COLOR = "#c4c4c4";
export const PROXY_EDGE_COLOR = "#8f8f8f";
export const GROUP_BORDER_COLOR = "#1d1d1f";
/** The ring of a member two collapsed networks share (kept visible, tied to both). */
export const SHARED_BORDER_COLOR = "#8a8a8a";

const isBridge = (a: string | null, b: string | null) =>
  (a === "LABOUR" && b === "CIVIL_SOCIETY") || (a === "CIVIL_SOCIETY" && b === "LABOUR");

/** positions: x0, y0, x1, y1 … in dataset node order. */
export function buildGraph(dataset: AtlasDataset, positions: Float32Array | Float64Array): AtlasGraph {
  const graph: AtlasGraph = new MultiDirectedGraph<AtlasNodeAttributes, AtlasEdgeAttributes>();
  dataset.nodes.forEach((node, i) => {
    graph.addNode(node.id, {
      x: positions[2 * i],
      y: positions[2 * i + 1],
      size: 3,
      color: "#999999",
      label: labelOf(node),
      hidden: true,
      faded: false,
      collapsed: false,
      landmark: -1,
    });
  });
  for (const e of dataset.edges) {
    const source = dataset.nodes[e.source];
    const target = dataset.nodes[e.target];
    graph.addDirectedEdgeWithKey(e.id, source.id, target.id, {
      relType: e.type,
      size: 1,
      color: EDGE_COLOR,
      hidden: true,
      faded: false,
      bridge: isBridge(source.sector, target.sector),
      weight: 1,
      proxy: false,
    });
  }
  return graph;
}

export interface Appearance {
  color: ColorScale;
  size: SizeScale;
  /** Landmark ids, in priority order. */
  landmarks: Set<string>;
}

/**
 * Writes the view and the appearance into node and edge attributes, in place and without graph
 * events (the caller refreshes the renderer once; bulk events would make Sigma re-run its reducers
 * over every item twice), and adds or drops the proxy edges of collapsed networks. Returns whether
 * the structure changed (edges added or dropped, node programs switched), which needs a full refresh.
 */
export function applyView(
  graph: AtlasGraph,
  dataset: AtlasDataset,
  view: VisibleView,
  appearance: Appearance,
): { structureChanged: boolean } {
  const { index } = dataset;
  const landmarkRank = new Map([...appearance.landmarks].map((id, rank) => [id, rank]));
  let structureChanged = false;
  graph.forEachNode((id, attr) => {
    const i = index.get(id)!;
    const node = dataset.nodes[i];
    const collapsed = view.collapsed.has(id);
    const group = collapsed ? dataset.groups.get(id) : undefined;
    if (attr.collapsed !== collapsed) structureChanged = true;
    attr.hidden = view.nodeVisible[i] === 0;
    attr.faded = view.nodeFaded[i] === 1;
    attr.collapsed = collapsed;
    attr.landmark = landmarkRank.get(id) ?? -1;
    attr.color = appearance.color.colorOf(i);
    attr.size = group ? groupSize(group.memberCount) : appearance.size.sizeOf(i);
    attr.label = group ? `${labelOf(node)} (${group.memberCount})` : labelOf(node);
    const shared = view.folding.shared.has(id);
    if (attr.shared !== shared) structureChanged = true;
    attr.shared = shared;
    attr.type = collapsed || shared ? "bordered" : undefined;
    attr.borderColor = collapsed ? GROUP_BORDER_COLOR : shared ? SHARED_BORDER_COLOR : undefined;
  });

  graph.forEachEdge((key, attr) => {
    if (attr.proxy) return;
    const j = dataset.edgeIndex.get(key)!;
    attr.hidden = view.edgeVisible[j] === 0;
    attr.faded = view.edgeFaded[j] === 1;
  });

  const wanted = new Map(view.proxies.map((p) => [p.key, p]));
  const stale: string[] = [];
  graph.forEachEdge((key, attr) => {
    if (attr.proxy && !wanted.has(key)) stale.push(key);
  });
  for (const key of stale) graph.dropEdge(key);
  for (const p of view.proxies) {
    const attributes = {
      relType: p.type,
      size: 1 + Math.log2(p.weight),
      color: PROXY_EDGE_COLOR,
      hidden: false,
      faded: false,
      bridge: isBridge(dataset.nodes[index.get(p.source)!].sector, dataset.nodes[index.get(p.target)!].sector),
      weight: p.weight,
      proxy: true,
    };
    if (graph.hasEdge(p.key)) Object.assign(graph.getEdgeAttributes(p.key), attributes);
    else {
      graph.addDirectedEdgeWithKey(p.key, p.source, p.target, attributes);
      structureChanged = true;
    }
  }
  if (stale.length) structureChanged = true;
  return { structureChanged };
}
