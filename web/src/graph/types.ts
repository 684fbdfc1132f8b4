/** Shapes of the explorer's data model (what the API sent) and of the rendered graph derived from it. */
import type { MultiDirectedGraph } from "graphology";

import type { RelationshipType } from "./vocabulary";

// The wire format and the decoded dataset are core's (core/wire.ts), shared with the server.
export type { AtlasDataset, AtlasEdge, AtlasNode, CompactNetwork, NodeGroup } from "../../../core/wire";

export interface AtlasNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  hidden: boolean;
  /** Ended before the timeline year (dissolved body, finished campaign): drawn faded. */
  faded: boolean;
  /** A collapsed network standing for its members. */
  collapsed: boolean;
  /** A member two or more collapsed networks share: kept visible, ringed, tied to each. */
  shared?: boolean;
  /** Rank among the networks of networks whose labels come first (0 = first), or −1. */
  landmark: number;
  type?: string;
  borderColor?: string;
  zIndex?: number;
  forceLabel?: boolean;
}

export interface AtlasEdgeAttributes {
  relType: RelationshipType;
  size: number;
  color: string;
  hidden: boolean;
  faded: boolean;
  /** Ties a LABOUR organisation to a CIVIL_SOCIETY one: a union–NGO bridge. */
  bridge: boolean;
  /** Relationships an aggregated edge stands for (edges re-pointed to a collapsed network). */
  weight: number;
  /** Set on edges standing for a collapsed network's members' ties. */
  proxy: boolean;
  zIndex?: number;
  type?: string;
}

export type AtlasGraph = MultiDirectedGraph<AtlasNodeAttributes, AtlasEdgeAttributes>;
