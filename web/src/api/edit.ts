/**
 * The editing operations the explorer sends: writes (which an editor's role applies and a
 * contributor's turns into a proposal), review, history and revert. Documents in operations.graphql.
 */
import { request } from "./client";
import {
  type ChangeFieldsFragment,
  CreateNodeDocument,
  type CreateNodeInput,
  CreateRelationshipDocument,
  type CreateRelationshipInput,
  CreateSourceDocument,
  type CreateSourceInput,
  DeleteNodeDocument,
  type DeleteNodeInput,
  DeleteRelationshipDocument,
  type DeleteRelationshipInput,
  MergeNodesDocument,
  type MergeNodesInput,
  NodeVersionsDocument,
  HistoryDocument,
  NodeVersionDocument,
  type ProposalFieldsFragment,
  ProposalsDocument,
  type ProposalStatus,
  RecentChangesDocument,
  RevertChangeDocument,
  type ReviewDecision,
  ReviewProposalDocument,
  SourceListDocument,
  UpdateNodeDocument,
  type UpdateNodeInput,
  UpdateRelationshipDocument,
  type UpdateRelationshipInput,
  type WriteResultFieldsFragment,
} from "./gql/graphql";

export type Change = ChangeFieldsFragment;
export type Proposal = ProposalFieldsFragment;
export type WriteResult = WriteResultFieldsFragment;
export type { CreateNodeInput, CreateRelationshipInput, CreateSourceInput, NodeFields, RelationshipFields } from "./gql/graphql";

export async function createNode(input: CreateNodeInput): Promise<WriteResult> {
  return (await request(CreateNodeDocument, { input })).createNode;
}

export async function updateNode(input: UpdateNodeInput): Promise<WriteResult> {
  return (await request(UpdateNodeDocument, { input })).updateNode;
}

export async function createRelationship(input: CreateRelationshipInput): Promise<WriteResult> {
  return (await request(CreateRelationshipDocument, { input })).createRelationship;
}

export async function deleteNode(input: DeleteNodeInput): Promise<WriteResult> {
  return (await request(DeleteNodeDocument, { input })).deleteNode;
}

export async function mergeNodes(input: MergeNodesInput): Promise<WriteResult> {
  return (await request(MergeNodesDocument, { input })).mergeNodes;
}

export async function updateRelationship(input: UpdateRelationshipInput): Promise<WriteResult> {
  return (await request(UpdateRelationshipDocument, { input })).updateRelationship;
}

export async function deleteRelationship(input: DeleteRelationshipInput): Promise<WriteResult> {
  return (await request(DeleteRelationshipDocument, { input })).deleteRelationship;
}

export async function createSource(input: CreateSourceInput): Promise<WriteResult> {
  return (await request(CreateSourceDocument, { input })).createSource;
}

/** A node's current version (what an update must name), or null when it is gone. */
export async function fetchNodeVersion(id: string, signal?: AbortSignal): Promise<number | null> {
  return (await request(NodeVersionDocument, { id }, signal)).node?.version ?? null;
}

export interface NodeVersions {
  version: number;
  /** Each tie's version, by tie id. */
  ties: Map<string, number>;
}

/** The versions of a node and of its ties, or null when the node is gone. */
export async function fetchNodeVersions(id: string, signal?: AbortSignal): Promise<NodeVersions | null> {
  const node = (await request(NodeVersionsDocument, { id }, signal)).node;
  return node && { version: node.version, ties: new Map(node.relationships.map((r) => [r.id, r.version])) };
}

export interface SourceOption {
  id: string;
  title: string;
  year: number | null;
}

export async function fetchSources(signal?: AbortSignal): Promise<SourceOption[]> {
  return (await request(SourceListDocument, {}, signal)).sources;
}

export async function fetchHistory(id: string, signal?: AbortSignal): Promise<Change[]> {
  return (await request(HistoryDocument, { id }, signal)).history;
}

export interface ChangePage {
  changes: Change[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export async function fetchChanges(first: number, after: string | null, signal?: AbortSignal): Promise<ChangePage> {
  const { changes } = await request(RecentChangesDocument, { first, after }, signal);
  return { changes: changes.edges.map((e) => e.node), ...changes.pageInfo };
}

export async function fetchProposals(status: ProposalStatus | null, signal?: AbortSignal): Promise<Proposal[]> {
  return (await request(ProposalsDocument, { status }, signal)).proposals;
}

export async function revertChange(id: string, comment?: string): Promise<Change> {
  return (await request(RevertChangeDocument, { id, comment })).revertChange;
}

export async function reviewProposal(id: string, decision: ReviewDecision, comment?: string): Promise<Proposal> {
  return (await request(ReviewProposalDocument, { id, decision, comment })).reviewProposal;
}
