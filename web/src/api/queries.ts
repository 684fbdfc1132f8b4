/** The GraphQL operations the web app sends, with their result types written once here. */
import { request } from "./client";

export type NodeKind = "ORGANISATION" | "FORUM" | "CAMPAIGN" | "INSTRUMENT" | "PERSON" | "ISSUE";

export interface NetworkNode {
  id: string;
  name: string;
  kind: NodeKind;
  acronym?: string | null;
  type?: string | null;
  sector?: string | null;
  year?: number | null;
}

export interface NetworkEdge {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface NetworkData {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

const NETWORK = /* GraphQL */ `
  query Network {
    network {
      nodes {
        id
        name
        kind
        ... on Organisation { acronym type sector }
        ... on Forum { year }
      }
      edges { id type source target }
    }
  }
`;

export async function fetchNetwork(signal?: AbortSignal): Promise<NetworkData> {
  return (await request<{ network: NetworkData }>(NETWORK, {}, signal)).network;
}

export interface SearchHit {
  node: { id: string; name: string; kind: NodeKind; acronym?: string | null };
  score: number;
}

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $limit: Int) {
    search(text: $text, limit: $limit) {
      score
      node { id name kind ... on Organisation { acronym } }
    }
  }
`;

export async function searchNodes(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await request<{ search: SearchHit[] }>(SEARCH, { text, limit: 8 }, signal)).search;
}

export interface Citation {
  locator: string;
  evidence: string;
  source: { id: string; title: string; year?: number | null };
}

export interface NodeRelationship {
  id: string;
  type: string;
  direction: "OUT" | "IN";
  role?: string | null;
  since?: number | null;
  until?: number | null;
  year?: number | null;
  note?: string | null;
  other: { id: string; name: string; kind: NodeKind };
  citations: Citation[];
}

export interface Figure {
  metric: string;
  value: number;
  year?: number | null;
  note: string;
  citations: Citation[];
}

export interface NodeDetails {
  id: string;
  name: string;
  kind: NodeKind;
  aliases: string[];
  description?: string | null;
  citations: Citation[];
  relationships: NodeRelationship[];
  acronym?: string | null;
  type?: string | null;
  sector?: string | null;
  scope?: string | null;
  country?: string | null;
  region?: string | null;
  founded?: number | null;
  figures?: Figure[];
  series?: string | null;
  year?: number | null;
  city?: string | null;
  start?: number | null;
  end?: number | null;
  goal?: string | null;
  outcome?: string | null;
  shortName?: string | null;
  adopted?: number | null;
}

const CITATION = `locator evidence source { id title year }`;

const NODE = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) {
      id name kind aliases description
      citations { ${CITATION} }
      relationships {
        id type direction role since until year note
        other { id name kind }
        citations { ${CITATION} }
      }
      ... on Organisation {
        acronym type sector scope country region founded
        figures { metric value year note citations { ${CITATION} } }
      }
      ... on Forum { series year city country figures { metric value year note citations { ${CITATION} } } }
      ... on Campaign { start end goal outcome }
      ... on Instrument { shortName adopted }
    }
  }
`;

export async function fetchNode(id: string, signal?: AbortSignal): Promise<NodeDetails | null> {
  return (await request<{ node: NodeDetails | null }>(NODE, { id }, signal)).node;
}
