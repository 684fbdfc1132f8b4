/**
 * The compact wire format of a network (columns, not objects: the first frame's payload) and the
 * dataset the browser and the server's layout decode it into (core/dataset.ts).
 */
import type { NodeKind, OrganisationType, Region, RelationshipType, Scope, Sector } from "./vocabulary.js";

/**
 * `networkCompact` as the API returns it: node i is the i-th entry of each node column; edges point
 * at nodes by index. The browser asks for these columns and decodes them with createDataset
 * (core/dataset.ts).
 */
export interface CompactNetwork {
  ids: string[];
  names: string[];
  labels: string[];
  kinds: NodeKind[];
  types: (OrganisationType | null)[];
  sectors: (Sector | null)[];
  regions: (Region | null)[];
  activeFrom: (number | null)[];
  activeTo: (number | null)[];
  sources: number[];
  targets: number[];
  edgeIds: string[];
  edgeTypes: RelationshipType[];
  edgeActiveFrom: (number | null)[];
  edgeActiveTo: (number | null)[];
  /** The opening layout computed by the server: x, y of node i at 2i, 2i + 1. */
  layout?: number[] | null;
}

/**
 * Everything the server encodes (server/read/compact.ts): the columns above, the edges' roles and
 * weights (relationships an aggregated edge stands for) and the membership groups.
 */
export interface CompactSubgraph extends Omit<CompactNetwork, "layout"> {
  edgeRoles: (string | null)[];
  edgeWeights: number[];
  groups: NodeGroup[];
}

/**
 * A network with members (`networkCompact(groupBy: MEMBERSHIP).groups`). Which members fold where
 * is core/folding.ts: `memberIds` and `sharedIds` are its answer with every group collapsed (or
 * those the query named); a client collapsing other sets folds `directMemberIds` itself.
 */
export interface NodeGroup {
  id: string;
  memberCount: number;
  /** Members that fold into this group (members of no other collapsed group). */
  memberIds: string[];
  /** Members that another collapsed group holds too: they stay visible, tied to both. */
  sharedIds: string[];
  /** Every direct member (MEMBER_OF source) in the graph, sorted. */
  directMemberIds: string[];
  /** Whether the group is collapsed in this answer. */
  collapsed: boolean;
}

export interface AtlasNode {
  id: string;
  name: string;
  label: string;
  kind: NodeKind;
  type: OrganisationType | null;
  sector: Sector | null;
  region: Region | null;
  activeFrom: number | null;
  activeTo: number | null;
}

export interface AtlasEdge {
  id: string;
  type: RelationshipType;
  /** Index of the source node in `AtlasDataset.nodes`. */
  source: number;
  target: number;
  activeFrom: number | null;
  activeTo: number | null;
}

/**
 * Everything the API sent, indexed: immutable once built. Positions and view state live elsewhere;
 * the rendered graph is derived from this plus the view.
 */
export interface AtlasDataset {
  nodes: AtlasNode[];
  edges: AtlasEdge[];
  index: Map<string, number>;
  edgeIndex: Map<string, number>;
  /** Edge indexes incident to each node. */
  incident: number[][];
  /** Degree in the whole graph. */
  degree: Int32Array;
  /**
   * First year each node is on the map: its own start, else (for undated nodes whose every tie is
   * dated) the year of its first tie; null = undated, always shown.
   */
  nodeStart: (number | null)[];
  /** First year each edge is on the map: its own start, else the later start of its two ends. */
  edgeStart: (number | null)[];
  groups: Map<string, NodeGroup>;
  /** For each member, the groups it is a direct member of (in the order of `groups`). */
  groupsOf: Map<string, string[]>;
  /** Organisation scopes, loaded on demand (the compact encoding has no scope column). */
  scopes: Map<string, Scope> | null;
  /** Earliest and latest year of any dated item, for the timeline. */
  years: [number, number] | null;
  /** The opening layout the server sent (x, y per node), if it sent one. */
  layout: Float64Array | null;
}
