/**
 * A small coalition graph in the API's compact encoding, for the web unit tests: a network with a
 * member (MFA ⊃ CARAM Asia), unions (ITUC emerged from the ICFTU), a federation (IDWF), a forum,
 * a campaign, an issue and an intergovernmental body, with dated and undated ties.
 */
import { createDataset } from "../../core/dataset.js";
import type { AtlasDataset, CompactNetwork, NodeGroup } from "../../web/src/graph/types.js";

type NodeSpec = [
  id: string,
  kind: string,
  type: string | null,
  sector: string | null,
  region: string | null,
  from: number | null,
  to: number | null,
];
type EdgeSpec = [type: string, source: string, target: string, from: number | null, to: number | null];

export const NODES: NodeSpec[] = [
  ["mfa", "ORGANISATION", "NETWORK", "CIVIL_SOCIETY", "ASIA_PACIFIC", null, null],
  ["caram-asia", "ORGANISATION", "NETWORK", "CIVIL_SOCIETY", "ASIA_PACIFIC", null, null],
  ["ituc", "ORGANISATION", "UNION_CONFEDERATION", "LABOUR", null, 2006, null],
  ["idwf", "ORGANISATION", "GLOBAL_UNION_FEDERATION", "LABOUR", null, 2013, null],
  ["gfmd-2007", "FORUM", null, null, "ASIA_PACIFIC", 2007, 2007],
  ["c189-campaign", "CAMPAIGN", null, null, null, 2008, 2011],
  ["domestic-work", "ISSUE", null, null, null, null, null],
  ["ilo", "ORGANISATION", "INTERGOVERNMENTAL", "INTERGOVERNMENTAL", "EUROPE", null, null],
  ["icftu", "ORGANISATION", "UNION_CONFEDERATION", "LABOUR", null, 1949, 2006],
];

export const EDGES: EdgeSpec[] = [
  ["MEMBER_OF", "caram-asia", "mfa", null, null],
  ["APPEARED_AT", "mfa", "gfmd-2007", 2007, 2007],
  ["APPEARED_AT", "ituc", "gfmd-2007", 2007, 2007],
  ["WORKS_ON", "idwf", "domestic-work", null, null],
  ["WORKS_ON", "mfa", "domestic-work", null, null],
  ["CAMPAIGNED_IN", "idwf", "c189-campaign", null, null],
  ["EMERGED_FROM", "ituc", "icftu", 2006, 2006],
  ["PARTNERS_WITH", "mfa", "ituc", 2010, 2015],
  ["SUPPORTS", "ilo", "c189-campaign", null, null],
  ["WORKS_ON", "caram-asia", "domestic-work", null, null],
];

export const GROUPS: NodeGroup[] = [
  { id: "mfa", memberCount: 1, memberIds: ["caram-asia"], sharedIds: [], directMemberIds: ["caram-asia"], collapsed: true },
];

export function compactFixture(): CompactNetwork {
  const index = new Map(NODES.map(([id], i) => [id, i]));
  return {
    ids: NODES.map((n) => n[0]),
    names: NODES.map((n) => `${n[0]} (name)`),
    labels: NODES.map((n) => n[0].toUpperCase()),
    kinds: NODES.map((n) => n[1]) as CompactNetwork["kinds"],
    types: NODES.map((n) => n[2]) as CompactNetwork["types"],
    sectors: NODES.map((n) => n[3]) as CompactNetwork["sectors"],
    regions: NODES.map((n) => n[4]) as CompactNetwork["regions"],
    activeFrom: NODES.map((n) => n[5]),
    activeTo: NODES.map((n) => n[6]),
    sources: EDGES.map((e) => index.get(e[1])!),
    targets: EDGES.map((e) => index.get(e[2])!),
    edgeIds: EDGES.map((e) => `${e[0].toLowerCase()}:${e[1]}:${e[2]}`),
    edgeTypes: EDGES.map((e) => e[0]) as CompactNetwork["edgeTypes"],
    edgeActiveFrom: EDGES.map((e) => e[3]),
    edgeActiveTo: EDGES.map((e) => e[4]),
  };
}

export function datasetFixture(): AtlasDataset {
  return createDataset(compactFixture(), GROUPS);
}

export const edgeId = (type: string, source: string, target: string) => `${type.toLowerCase()}:${source}:${target}`;
