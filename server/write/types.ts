/**
 * Shapes of the write layer: records as stored (a node, a relationship or a source with its
 * properties), the plan of one write (each record before and after), and who is credited.
 */
import type { Visibility } from "../../core/access.js";
import type { Viewer } from "../auth/viewer.js";
import type { Props } from "../import/to-graph.js";

export type { Props };

export interface StoredNode {
  kind: "node";
  id: string;
  label: string;
  props: Props;
}

export interface StoredRelationship {
  kind: "relationship";
  id: string;
  type: string;
  source: string;
  target: string;
  props: Props;
}

export interface StoredSource {
  kind: "source";
  id: string;
  props: Props;
}

export type StoredRecord = StoredNode | StoredRelationship | StoredSource;

/** One record a write touches: as it was (locked) and as it will be; null is absent. */
export interface RecordWrite {
  kind: StoredRecord["kind"];
  id: string;
  before: StoredRecord | null;
  after: StoredRecord | null;
}

/** What one write does: computed inside the transaction from the locked records, then committed. */
export interface Plan {
  records: RecordWrite[];
  /** The change this one reverts. */
  revertOf?: string;
}

/**
 * How far a write is, for a progress bar (a large import's): the plan being made (records locked,
 * read and validated), then `done` of `total` records written, batch by batch, then the commit.
 */
export type WriteProgress = (step: "PLANNING" | "WRITING" | "COMMITTING", done: number, total: number) => void;

/** Who a change is credited to: its author and, for an accepted proposal, the editor who accepted it. */
export interface Credit {
  actor: Viewer;
  reviewer?: Viewer;
  proposalId?: string;
  comment?: string;
}

/** A Change node's properties (before and after as JSON lists of RecordWrite halves). */
export interface ChangeProps {
  id: string;
  seq: number;
  at: string;
  operation: string;
  actor: string;
  actorId: string;
  reviewer?: string;
  reviewerId?: string;
  proposalId?: string;
  comment?: string;
  revertOf?: string;
  recordIds: string[];
  before: string;
  after: string;
  /** The most restrictive visibility among the records touched: who may read this change. */
  visibility: Visibility;
}

export const PROPOSAL_STATUSES = ["PENDING", "ACCEPTED", "REJECTED"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalProps {
  id: string;
  status: ProposalStatus;
  operation: string;
  /** The write's input as JSON, applied as it stands when an editor accepts it. */
  input: string;
  /** One line naming the write, e.g. "createNode acme-union". */
  summary: string;
  /** The contributor's comment on the write. */
  comment?: string;
  author: string;
  authorId: string;
  authorRole: string;
  createdAt: string;
  reviewer?: string;
  reviewerId?: string;
  reviewComment?: string;
  reviewedAt?: string;
  changeId?: string;
}
