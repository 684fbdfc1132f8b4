/**
 * The GraphQL operations the web app sends. Their documents live in operations.graphql and are typed
 * by codegen from the schema; the result types below are what the panels use, and each fetch
 * checks that the generated result is assignable to them.
 */
import { METRIC_KEYS, type MetricKey } from "../../../core/metrics";
import type { NodeMetrics } from "../graph/appearance";
import type { CompactNetwork, NodeGroup } from "../graph/types";
import type { NodeKind, RelationshipType, Scope } from "../graph/vocabulary";
import { type StoryFile, storyFromApi } from "../state/story";
import { request, requestText } from "./client";
import {
  AlliesDocument,
  BrokerageDocument,
  ExportAtlasDocument,
  type ExportAtlasQueryVariables,
  type BrokerageQuery,
  type BrokerageQueryVariables,
  CoPresenceDocument,
  type CoPresenceQuery,
  ExtrasDocument,
  MetricsDocument,
  NodeDocument,
  PathsDocument,
  SearchDocument,
  StoriesDocument,
  TimelineDocument,
  WhatIfDocument,
  type WhatIfQuery,
  YearChangeDocument,
  type YearChangeQuery,
} from "./gql/graphql";
import { NETWORK_QUERY, PREFETCH_GLOBAL } from "./network-query";

declare global {
  interface Window {
    /** The opening request index.html's inline script sent (network-query.ts), answered once. */
    [PREFETCH_GLOBAL]?: Promise<{ data?: { networkCompact?: CompactNetwork } } | null>;
  }
}

export interface NodeRef {
  id: string;
  name: string;
  kind: NodeKind;
  acronym?: string | null;
}

// ── network ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The whole graph, columnar: all the first frame needs. The page's inline script has usually sent
 * this request already (see network-query.ts); its answer is used once, and anything unexpected in
 * it falls back to a normal request, which reports errors properly.
 */
export async function fetchNetwork(signal?: AbortSignal): Promise<CompactNetwork> {
  const early = window[PREFETCH_GLOBAL];
  window[PREFETCH_GLOBAL] = undefined;
  const body = early ? await early : null;
  if (body?.data?.networkCompact) return body.data.networkCompact;
  return (await requestText<{ networkCompact: CompactNetwork }>(NETWORK_QUERY, {}, signal)).networkCompact;
}

/**
 * What the first frame can do without, asked for right after it in one round trip: the membership
 * groups (networks that can stand for their members; only collapsing needs them) and organisation
 * scopes (the compact encoding has no scope column; the scope filter and label priority use them).
 */
export interface NetworkExtras {
  groups: NodeGroup[];
  scopes: Map<string, Scope>;
}

export async function fetchExtras(signal?: AbortSignal): Promise<NetworkExtras> {
  const data = await request(ExtrasDocument, {}, signal);
  return {
    groups: data.networkCompact.groups,
    scopes: new Map(data.network.nodes.flatMap((n) => ("scope" in n && n.scope ? [[n.id, n.scope] as const] : []))),
  };
}

// ── search ──────────────────────────────────────────────────────────────────────────────────────

/** What tells apart hits with similar names (years, city, country, short name); absent when unknown. */
export interface SearchHitDetail {
  year?: number | null;
  city?: string | null;
  country?: string | null;
  founded?: number | null;
  start?: number | null;
  shortName?: string | null;
  adopted?: number | null;
}

export interface SearchHit {
  node: NodeRef & SearchHitDetail;
  score: number;
}

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
  return exactFirst((await request(SearchDocument, { text, limit: 8, kinds }, signal)).search, text);
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

export async function fetchNode(id: string, signal?: AbortSignal): Promise<NodeDetails | null> {
  return (await request(NodeDocument, { id }, signal)).node;
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

/** Paths over organisational ties; `throughTopics` also walks shared issues and instruments. */
export async function fetchPaths(from: string, to: string, maxLength = 4, signal?: AbortSignal, throughTopics = false): Promise<Path[]> {
  return (await request(PathsDocument, { from, to, maxLength, limit: 5, throughTopics }, signal)).paths;
}

// ── allies ──────────────────────────────────────────────────────────────────────────────────────

export interface AllySuggestion {
  node: NodeRef;
  score: number;
  organisationalScore: number;
  reasons: string[];
  /** One cited reason per shared thing, organisational ties first. */
  ties: { reason: string; organisational: boolean; edges: { id: string; citations: Citation[] }[] }[];
  shared: NodeRef[];
}

/** Allies ranked by shared coalitions, campaigns and forums first; states only with `includeStates`. */
export async function fetchAllies(id: string, signal?: AbortSignal, includeStates = false): Promise<AllySuggestion[]> {
  return (await request(AlliesDocument, { id, limit: 10, includeStates }, signal)).allies;
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

export async function fetchTimeline(filter: Record<string, unknown>, signal?: AbortSignal): Promise<TimelineEvent[]> {
  return (await request(TimelineDocument, { filter }, signal)).timeline;
}

// ── metrics ─────────────────────────────────────────────────────────────────────────────────────

export interface MetricsPayload {
  density: number;
  modularity: number;
  components: number;
  communities: number;
  betweennessMethod: string;
  nodes: ({ node: { id: string } } & NodeMetrics)[];
}

export type ExportFormat = ExportAtlasQueryVariables["format"];
export type ExportViewInput = NonNullable<ExportAtlasQueryVariables["view"]>;
export type ExportedFile = { name: string; mimeType: string; encoding: "TEXT" | "BASE64"; content: string };

/** The server's export of the explorer's view (it keeps only what the viewer may see). */
export async function fetchExport(format: ExportFormat, view: ExportViewInput): Promise<ExportedFile[]> {
  return (await request(ExportAtlasDocument, { format, view })).exportAtlas;
}

/**
 * Reads each node's metrics from the registry-keyed `values` list, so a new metric needs no change
 * here. `asOf`: the network as the timeline shows it in that year (state/filters.ts toMetricsRequest).
 */
export async function fetchMetrics(
  { filter, asOf, datedOnly }: { filter: Record<string, unknown>; asOf: number | null; datedOnly: boolean },
  signal?: AbortSignal,
): Promise<MetricsPayload> {
  const { nodes, ...graph } = (await request(MetricsDocument, { filter, asOf, datedOnly }, signal)).metrics;
  return {
    ...graph,
    nodes: nodes.map(({ node, community, values }) => {
      const byKey = new Map(values.map((v) => [v.key, v.value]));
      const metrics = Object.fromEntries(METRIC_KEYS.map((key) => [key, byKey.get(key) ?? 0])) as Record<MetricKey, number>;
      return { node, community, ...metrics };
    }),
  };
}

// ── stories ─────────────────────────────────────────────────────────────────────────────────────

export interface SourceRef {
  id: string;
  title: string;
  year?: number | null;
  authors: string[];
}

/** Every story in the file format (see state/story.ts), and the sources stories cite. */
export async function fetchStories(signal?: AbortSignal): Promise<{ stories: StoryFile[]; sources: SourceRef[] }> {
  const data = await request(StoriesDocument, {}, signal);
  return { stories: data.stories.map(storyFromApi), sources: data.sources };
}

// ── structural analyses ─────────────────────────────────────────────────────────────────────────

export type BrokerageAnswer = BrokerageQuery["brokerage"];
export type YearChangeAnswer = YearChangeQuery["diff"];
export type CoPresenceAnswer = CoPresenceQuery["coPresence"];
export type WhatIfAnswer = WhatIfQuery["whatIf"];
export type BrokeragePartition = BrokerageQueryVariables["partition"];

export async function fetchBrokerage(partition: BrokeragePartition, filter: Record<string, unknown>, signal?: AbortSignal) {
  return (await request(BrokerageDocument, { partition, filter }, signal)).brokerage;
}

export async function fetchYearChange(from: number, to: number, filter: Record<string, unknown>, signal?: AbortSignal) {
  return (await request(YearChangeDocument, { from, to, filter }, signal)).diff;
}

export async function fetchCoPresence(
  range: { from: number | null; to: number | null; minShared: number },
  filter: Record<string, unknown>,
  signal?: AbortSignal,
) {
  return (await request(CoPresenceDocument, { ...range, filter }, signal)).coPresence;
}

export async function fetchWhatIf(remove: string[], withMembers: boolean, filter: Record<string, unknown>, signal?: AbortSignal) {
  return (await request(WhatIfDocument, { remove, withMembers, filter }, signal)).whatIf;
}
