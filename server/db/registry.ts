/**
 * Every named Cypher query under cypher/, declared once with its parameters and the shape of its
 * rows. `db.read` / `db.write` take these declarations rather than a name and a row assertion, so a
 * caller cannot pass the wrong parameters or read a write query. `checkRegistry` runs at boot
 * (connect): every declared query must be in a file and every query in a file declared.
 * The row shapes are what the Cypher returns (after `disableLosslessIntegers`); keep them next to the
 * query's RETURN when either changes.
 */
import type { RecordShape } from "neo4j-driver";

import type { Visibility } from "../../core/access.js";
import type { LinkedItems } from "../analytics/compare.js";
import type { ApiTokenRow, CredentialsRow, UserRow, ViewerRow } from "../auth/types.js";
import type { GraphRows } from "../import/to-graph.js";
import type { SubgraphColumns } from "../read/columns.js";
import type { FilterParams } from "../read/filter.js";
import type { EdgeProps, NodeProps, RelationshipRow, SourceProps } from "../read/rows.js";
import type { MemberRow, MembersRequest } from "../read/members.js";
import type { QueryMap } from "./queries.js";
import type { ChangeProps, ProposalProps } from "../write/types.js";

export type Access = "read" | "write";

/** A declared query: its name in cypher/ and, as types only, its parameters and rows. */
export interface Query<P extends object, R extends RecordShape, A extends Access = Access> {
  readonly name: string;
  readonly access: A;
  /** Never set: carries P and R for the type checker. */
  readonly __types?: { params: P; row: R };
}

export type ParamsOf<Q> = Q extends Query<infer P, RecordShape> ? P : never;
export type RowOf<Q> = Q extends Query<object, infer R> ? R : never;
/** The parameters argument: optional when the query takes none. */
export type ParamsArg<P> = keyof P extends never ? [params?: P] : [params: P];

type NoParams = Record<never, never>;
type Spec<P extends object, R extends RecordShape, A extends Access> = { access: A; __types?: { params: P; row: R } };

const read = <P extends object = NoParams, R extends RecordShape = RecordShape>(): Spec<P, R, "read"> => ({ access: "read" });
const write = <P extends object = NoParams, R extends RecordShape = RecordShape>(): Spec<P, R, "write"> => ({ access: "write" });

/** Gives each spec its key as its name, so a query is named once. */
function named<T extends Record<string, Spec<object, RecordShape, Access>>>(
  specs: T,
): { readonly [K in keyof T]: T[K] & { readonly name: K } } {
  return Object.freeze(Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, Object.freeze({ ...spec, name })]))) as never;
}

// ── row shapes only these queries return ───────────────────────────────────────────────────────

export interface NodeDetailsRow {
  node: NodeProps;
  relationships: RelationshipRow[];
  memberCount: number;
  sources: SourceProps[];
}

export const SHARED_CATEGORIES = ["CAMPAIGN", "FORUM", "ISSUE", "INSTRUMENT", "MEMBERSHIP", "PARTNER"] as const;
export type SharedCategory = (typeof SHARED_CATEGORIES)[number];

export interface SharedItem {
  node: NodeProps;
  category: SharedCategory;
  /** This item's Adamic–Adar contribution, 1 / ln(organisations linked to it). */
  weight: number;
  /** The relationships tying the two organisations (or their people) to it. */
  edges: EdgeProps[];
  /** Names of the people through whom either organisation holds it. */
  via: string[];
}

export interface AllyRow {
  node: NodeProps;
  score: number;
  /** The score over coalitions, campaigns, forum occurrences and partners only (ranked first). */
  organisationalScore: number;
  shared: SharedItem[];
}

export interface NeighbourhoodRow extends SubgraphColumns {
  truncated: boolean;
  fullNodes: NodeProps[];
  fullEdges: EdgeProps[];
}

export interface PathRow {
  nodes: NodeProps[];
  edges: EdgeProps[];
  length: number;
}

export interface PathQueryRow extends PathRow {
  /** The documents the path's citations name (primed into the sources DataLoader). */
  sources: SourceProps[];
}

export interface CitationColumns {
  citationSources: (string[] | null)[];
  locators: (string[] | null)[];
  evidence: (string[] | null)[];
}

export interface TimelineFacts {
  nodes: CitationColumns & { id: string[]; city: (string | null)[] };
  relationships: CitationColumns & {
    type: string[];
    source: string[];
    target: string[];
    role: (string | null)[];
    since: (number | null)[];
    year: (number | null)[];
  };
}

export interface StoryRow {
  id: string;
  title: string;
  summary: string;
  steps: string;
}

type Count = { count: number };
/**
 * The viewer's visibility levels (core/access.ts visibleLevels), which every read of atlas records
 * takes (cypher/fragments/visible.cypher): a read cannot be declared or called without them.
 */
export type Visible = { visible: readonly Visibility[] };
type Ids = { ids: readonly string[] };
type GraphCounts = { nodes: number; relationships: number };
type Hashed<T extends readonly object[]> = (T[number] & { hash: string })[];
type Conflicts = { conflicts: string[] };
type Upserted = Count & { written: number } & Conflicts;

// ── the queries, by file ───────────────────────────────────────────────────────────────────────

export const QUERIES = named({
  // load/dataset.cypher
  upsertSources: write<{ rows: GraphRows["sources"] }, Count>(),
  deleteStaleSources: write<Ids, Count>(),
  upsertStories: write<{ rows: GraphRows["stories"] }, Count>(),
  deleteStaleStories: write<Ids, Count>(),
  tombstoneIds: read<NoParams, { id: string }>(),
  upsertNodes: write<{ rows: Hashed<GraphRows["nodes"]> }, Upserted>(),
  deleteStaleNodes: write<Ids, Count & Conflicts>(),
  upsertRelationships: write<{ rows: Hashed<GraphRows["relationships"]> }, Upserted>(),
  deleteStaleRelationships: write<Ids, Count & Conflicts>(),
  recordDatasetMeta: write<{ hash: string; changed: boolean } & GraphCounts, { hash: string }>(),
  datasetMeta: read<NoParams, { hash: string | null; version: number } & GraphCounts>(),
  graphCounts: read<Visible, GraphCounts>(),
  // queries/users.cypher (accounts: server/auth)
  createUser: write<{ id: string; username: string; role: string; passwordHash: string }, UserRow>(),
  userCredentials: read<{ username: string }, CredentialsRow>(),
  userById: read<{ id: string }, UserRow>(),
  allUsers: read<NoParams, UserRow>(),
  setUserRole: write<{ username: string; role: string }, UserRow>(),
  setUserDisabled: write<{ username: string; disabled: boolean }, UserRow>(),
  setUserPassword: write<{ username: string; passwordHash: string }, UserRow>(),
  createSession: write<{ userId: string; tokenHash: string; now: number; expiresAt: number }, { expiresAt: number }>(),
  deleteSession: write<{ tokenHash: string }, Count>(),
  viewerBySession: read<{ tokenHash: string; now: number }, ViewerRow>(),
  viewerByApiToken: read<{ tokenHash: string }, ViewerRow>(),
  createApiToken: write<{ id: string; name: string; tokenHash: string; username: string }, ApiTokenRow>(),
  apiTokens: read<{ username: string | null }, ApiTokenRow>(),
  revokeApiToken: write<{ id: string; username: string | null }, Count>(),
  // write/records.cypher (server/write/)
  lockNodes: write<Ids, { id: string; label: string; props: Record<string, unknown> }>(),
  lockRelationships: write<Ids, { id: string; type: string; source: string; target: string; props: Record<string, unknown> }>(),
  lockSources: write<Ids, { id: string; props: Record<string, unknown> }>(),
  tiesOfNodes: read<Ids, { id: string }>(),
  citingRecords: read<Ids, { source: string; records: string[] }>(),
  deleteRelationshipsById: write<Ids, Count>(),
  deleteNodesById: write<Ids, Count>(),
  deleteSourcesById: write<Ids, Count>(),
  writeNodes: write<{ rows: GraphRows["nodes"] }, Count>(),
  writeRelationships: write<{ rows: GraphRows["relationships"] }, Count>(),
  createNodes: write<{ rows: GraphRows["nodes"] }, Count>(),
  createRelationships: write<{ rows: GraphRows["relationships"] }, Count>(),
  writeSources: write<{ rows: GraphRows["sources"] }, Count>(),
  addTombstones: write<Ids, Count>(),
  countTombstones: read<NoParams, Count>(),
  removeTombstones: write<Ids, Count>(),
  recordChange: write<{ change: Omit<ChangeProps, "seq"> }, { id: string; seq: number; at: string }>(),
  createProposal: write<{ proposal: ProposalProps }, { proposal: ProposalProps }>(),
  lockProposal: write<{ id: string }, { proposal: ProposalProps }>(),
  decideProposal: write<
    { id: string; status: string; reviewer: string; reviewerId: string; comment: string | null; at: string; changeId: string | null },
    { proposal: ProposalProps }
  >(),
  exportNodes: read<NoParams, { id: string; label: string; props: Record<string, unknown> }>(),
  exportRelationships: read<NoParams, { id: string; type: string; source: string; target: string; props: Record<string, unknown> }>(),
  exportSources: read<NoParams, { id: string; props: Record<string, unknown> }>(),
  exportStories: read<NoParams, { id: string; title: string; summary: string; steps: string }>(),
  // queries/history.cypher
  historyOf: read<{ id: string; levels: readonly string[] }, { change: ChangeProps }>(),
  changesPage: read<
    { after: number | null; actor: string | null; since: string | null; levels: readonly string[]; limit: number },
    { change: ChangeProps }
  >(),
  changeById: read<{ id: string; levels: readonly string[] }, { change: ChangeProps }>(),
  proposalsList: read<{ status: string | null; authorId: string | null }, { proposal: ProposalProps }>(),
  recordVisibility: read<{ id: string }, { visibility: string }>(),
  // imports/imports.cypher (server/imports/)
  importMatchIndex: read<
    Visible,
    { id: string; kind: string; name: string; acronym: string | null; shortName: string | null; aliases: string[]; version: number }
  >(),
  importNodeProps: read<Ids & Visible, { id: string; props: Record<string, unknown> }>(),
  importTakenIds: read<Ids, { id: string; isSource: boolean; url: string | null }>(),
  exportVisibleNodes: read<Visible, { id: string; label: string; props: Record<string, unknown> }>(),
  exportVisibleRelationships: read<Visible, { id: string; type: string; source: string; target: string; props: Record<string, unknown> }>(),
  exportCitedSources: read<Ids, { id: string; props: Record<string, unknown> }>(),
  // queries/nodes.cypher
  search: read<
    { query: string; kinds: readonly string[] | null; limit: number; fetch: number } & Visible,
    { node: NodeProps; city: string | null; score: number }
  >(),
  searchForumSeries: read<
    {
      series: readonly string[];
      years: readonly number[];
      words: readonly string[];
      kinds: readonly string[] | null;
      fetch: number;
    } & Visible,
    { node: NodeProps; score: number }
  >(),
  nodesByIds: read<Ids & Visible, { node: NodeProps }>(),
  nodeDetails: read<{ id: string } & Visible, NodeDetailsRow>(),
  relationshipsOfNodes: read<Ids & Visible, RelationshipRow & { id: string }>(),
  sourcesByIds: read<Ids & Visible, { source: SourceProps }>(),
  allSources: read<Visible, { source: SourceProps }>(),
  // queries/stories.cypher
  allStories: read<Visible, { story: StoryRow }>(),
  storyById: read<{ id: string } & Visible, { story: StoryRow }>(),
  // queries/members.cypher
  memberCounts: read<Ids & Visible, { id: string; count: number }>(),
  membersPages: read<{ requests: readonly (MembersRequest & { key: string })[] } & Visible, { key: string; page: MemberRow[] }>(),
  // queries/network.cypher
  network: read<FilterParams & Visible, { nodes: NodeProps[]; edges: EdgeProps[] }>(),
  networkColumns: read<FilterParams & Visible, SubgraphColumns>(),
  neighbourhood: read<FilterParams & { id: string; depth: number; limit: number; full: boolean } & Visible, NeighbourhoodRow>(),
  expand: read<FilterParams & { id: string } & Visible, { nodes: NodeProps[]; edges: EdgeProps[]; memberIds: string[]; id: string }>(),
  // queries/paths.cypher
  paths: read<
    FilterParams & {
      from: string;
      to: string;
      maxLength: number;
      limit: number;
      throughTopics: boolean;
      introducingTypes: readonly string[];
      topicKinds: readonly string[];
    } & Visible,
    PathQueryRow
  >(),
  pathEdges: read<
    { edges: readonly { id: string; source: string; target: string }[] } & Visible,
    { edges: EdgeProps[]; sources: SourceProps[] }
  >(),
  warmUpEdges: read<NoParams, { id: string; source: string; target: string }>(),
  // queries/allies.cypher
  allies: read<{ id: string; limit: number; includeStates: boolean } & Visible, AllyRow>(),
  // queries/compare.cypher
  compareItems: read<Ids & Visible, LinkedItems>(),
  coMemberships: read<FilterParams & Visible, { members: string[]; coalitions: string[] }>(),
  // queries/timeline.cypher
  timelineFacts: read<Visible, TimelineFacts>(),
});

/** Fails naming every declared query missing from cypher/ and every query there not declared. */
export function checkRegistry(loaded: QueryMap, declared: Record<string, { name: string }> = QUERIES): void {
  const missing = Object.keys(declared).filter((name) => !loaded[name]);
  const undeclared = Object.keys(loaded).filter((name) => !declared[name]);
  const problems = [
    ...missing.map((name) => `'${name}' is declared in server/db/registry.ts but no file under cypher/ defines it`),
    ...undeclared.map((name) => `'${name}' (${loaded[name].file}) is not declared in server/db/registry.ts`),
  ];
  if (problems.length) throw new Error(`Cypher queries and their declarations disagree:\n  ${problems.join("\n  ")}`);
}
