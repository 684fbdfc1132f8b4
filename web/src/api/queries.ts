/** The GraphQL operations the web app sends, with their result types written once here. */
import type { CompactNetwork, NodeGroup } from "../graph/types";
import type { NodeKind, RelationshipType, Scope } from "../graph/vocabulary";
import { type ApiStory, type StoryFile, storyFromApi } from "../state/story";
import { request } from "./client";
import { NETWORK_QUERY, PREFETCH_GLOBAL } from "./network-query";

export interface NodeRef {
  id: string;
  name: string;
  kind: NodeKind;
  acronym?: string | null;
}

const NODE_REF = "id name kind ... on Organisation { acronym }";

// ── network ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The whole graph, columnar: all the first frame needs. The page's inline script has usually sent
 * this request already (see network-query.ts); its answer is used once, and anything unexpected in
 * it falls back to a normal request, which reports errors properly.
 */
export async function fetchNetwork(signal?: AbortSignal): Promise<CompactNetwork> {
  const holder = window as unknown as Record<string, Promise<{ data?: { networkCompact?: CompactNetwork } } | null> | undefined>;
  const early = holder[PREFETCH_GLOBAL];
  holder[PREFETCH_GLOBAL] = undefined;
  const body = early ? await early : null;
  if (body?.data?.networkCompact) return body.data.networkCompact;
  return (await request<{ networkCompact: CompactNetwork }>(NETWORK_QUERY, {}, signal)).networkCompact;
}

/**
 * What the first frame can do without, asked for right after it in one round trip: the membership
 * groups (networks that can stand for their members; only collapsing needs them) and organisation
 * scopes (the compact encoding has no scope column; the scope filter and label priority use them).
 */
const EXTRAS = /* GraphQL */ `
  query Extras {
    networkCompact(groupBy: MEMBERSHIP) {
      groups { id memberCount memberIds }
    }
    network(filter: { kinds: [ORGANISATION] }) {
      nodes { id ... on Organisation { scope } }
    }
  }
`;

export interface NetworkExtras {
  groups: NodeGroup[];
  scopes: Map<string, Scope>;
}

export async function fetchExtras(signal?: AbortSignal): Promise<NetworkExtras> {
  const data = await request<{ networkCompact: { groups: NodeGroup[] }; network: { nodes: { id: string; scope?: Scope | null }[] } }>(EXTRAS, {}, signal);
  return {
    groups: data.networkCompact.groups,
    scopes: new Map(data.network.nodes.filter((n) => n.scope).map((n) => [n.id, n.scope!])),
  };
}

// ── search ──────────────────────────────────────────────────────────────────────────────────────

export interface SearchHit {
  node: NodeRef;
  score: number;
}

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $limit: Int, $kinds: [NodeKind!]) {
    search(text: $text, limit: $limit, kinds: $kinds) {
      score
      node { ${NODE_REF} }
    }
  }
`;

/**
 * Hits whose name or acronym is exactly what was typed come first ("ITUC" before "ITUC Africa");
 * otherwise the API's relevance order stands.
 */
export function exactFirst(hits: SearchHit[], text: string): SearchHit[] {
  const wanted = text.trim().toLocaleLowerCase();
  const exact = (hit: SearchHit) => hit.node.name.toLocaleLowerCase() === wanted || hit.node.acronym?.toLocaleLowerCase() === wanted;
  return [...hits.filter(exact), ...hits.filter((hit) => !exact(hit))];
}

export async function searchNodes(text: string, signal?: AbortSignal, kinds?: NodeKind[]): Promise<SearchHit[]> {
  return exactFirst((await request<{ search: SearchHit[] }>(SEARCH, { text, limit: 8, kinds }, signal)).search, text);
}

// ── node details ────────────────────────────────────────────────────────────────────────────────

export interface Citation {
  locator: string;
  evidence: string;
  source: { id: string; title: string; year?: number | null };
}

export interface NodeRelationship {
  id: string;
  type: RelationshipType;
  direction: "OUT" | "IN";
  role?: string | null;
  since?: number | null;
  until?: number | null;
  year?: number | null;
  note?: string | null;
  other: NodeRef;
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
  dissolved?: number | null;
  memberCount?: number;
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
        other { ${NODE_REF} }
        citations { ${CITATION} }
      }
      ... on Organisation {
        acronym type sector scope country region founded dissolved memberCount
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

// ── paths ───────────────────────────────────────────────────────────────────────────────────────

export interface PathEdge {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  role?: string | null;
  since?: number | null;
  until?: number | null;
  year?: number | null;
  citations: Citation[];
}

export interface Path {
  length: number;
  nodes: NodeRef[];
  edges: PathEdge[];
}

const PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxLength: Int, $limit: Int) {
    paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit) {
      length
      nodes { ${NODE_REF} }
      edges { id type source target role since until year citations { ${CITATION} } }
    }
  }
`;

export async function fetchPaths(from: string, to: string, maxLength = 4, signal?: AbortSignal): Promise<Path[]> {
  return (await request<{ paths: Path[] }>(PATHS, { from, to, maxLength, limit: 5 }, signal)).paths;
}

// ── allies ──────────────────────────────────────────────────────────────────────────────────────

export interface AllySuggestion {
  node: NodeRef;
  score: number;
  reasons: string[];
  shared: NodeRef[];
}

const ALLIES = /* GraphQL */ `
  query Allies($id: ID!, $limit: Int) {
    allies(id: $id, limit: $limit) {
      score reasons
      node { ${NODE_REF} }
      shared { ${NODE_REF} }
    }
  }
`;

export async function fetchAllies(id: string, signal?: AbortSignal): Promise<AllySuggestion[]> {
  return (await request<{ allies: AllySuggestion[] }>(ALLIES, { id, limit: 10 }, signal)).allies;
}

// ── timeline ────────────────────────────────────────────────────────────────────────────────────

export interface TimelineEvent {
  year: number;
  kind: string;
  label: string;
  nodes: NodeRef[];
  relationshipId?: string | null;
  citations: Citation[];
}

const TIMELINE = /* GraphQL */ `
  query Timeline($filter: NetworkFilter) {
    timeline(filter: $filter) {
      year kind label relationshipId
      nodes { ${NODE_REF} }
      citations { ${CITATION} }
    }
  }
`;

export async function fetchTimeline(filter: Record<string, unknown>, signal?: AbortSignal): Promise<TimelineEvent[]> {
  return (await request<{ timeline: TimelineEvent[] }>(TIMELINE, { filter }, signal)).timeline;
}

// ── metrics ─────────────────────────────────────────────────────────────────────────────────────

export interface MetricsPayload {
  density: number;
  modularity: number;
  components: number;
  communities: number;
  betweennessMethod: string;
  nodes: { node: { id: string }; degree: number; betweenness: number; pagerank: number; community: number; bridgeScore: number }[];
}

const METRICS = /* GraphQL */ `
  query Metrics($filter: NetworkFilter) {
    metrics(filter: $filter) {
      density modularity components communities betweennessMethod
      nodes { node { id } degree betweenness pagerank community bridgeScore }
    }
  }
`;

export async function fetchMetrics(filter: Record<string, unknown>, signal?: AbortSignal): Promise<MetricsPayload> {
  return (await request<{ metrics: MetricsPayload }>(METRICS, { filter }, signal)).metrics;
}

// ── stories ─────────────────────────────────────────────────────────────────────────────────────

export interface SourceRef {
  id: string;
  title: string;
  year?: number | null;
  authors: string[];
}

const STORIES = /* GraphQL */ `
  query Stories {
    stories {
      id title summary
      steps {
        title body focus year
        view {
          filter { kinds types sectors scopes regions relationshipTypes }
          collapsed colorBy sizeBy layout camera { x y ratio angle }
        }
        citations { source { id } locator evidence }
        exercise { question answers explanation hint }
      }
    }
    sources { id title year authors }
  }
`;

/** Every story in the file format (see state/story.ts), and the sources stories cite. */
export async function fetchStories(signal?: AbortSignal): Promise<{ stories: StoryFile[]; sources: SourceRef[] }> {
  const data = await request<{ stories: ApiStory[]; sources: SourceRef[] }>(STORIES, {}, signal);
  return { stories: data.stories.map(storyFromApi), sources: data.sources };
}
