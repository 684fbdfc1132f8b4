/**
 * Edits, review, history and revert (server/write does the work): each mutation hands its input to
 * the write layer, which decides by the viewer's role whether it applies or becomes a proposal.
 */
import type { Viewer } from "../../auth/viewer.js";
import type { Database } from "../../db/database.js";
import { QUERIES } from "../../db/registry.js";
import { isLean, type NodeProps, type RelationshipProps } from "../../read/rows.js";
import {
  changesPage,
  type ChangeProps,
  historyOf,
  type InputOf,
  listProposals,
  type OperationName,
  type ProposalProps,
  type WriteOutcome,
  reviewProposal,
  revertChange,
  submit,
} from "../../write/index.js";
import type { ChangeNotice } from "../../write/feed.js";
import type { Context } from "../context.js";
import { idArg } from "../errors.js";
import type {
  MutationRevertChangeArgs,
  MutationReviewProposalArgs,
  QueryChangesArgs,
  QueryHistoryArgs,
  QueryProposalsArgs,
  Resolvers,
} from "../generated/resolvers.js";

/**
 * A mutation: its input without the comment goes to the write layer, the comment to the Change.
 * The GraphQL input is already shaped by the schema; the write layer checks the record it makes with
 * the zod schema of data/, so the input's nulls (GraphQL) and optionals (write layer) meet here.
 */
function write<N extends OperationName>(name: N) {
  return async (_: unknown, { input }: { input: { comment?: string | null } }, { db, viewer, caches }: Context): Promise<WriteOutcome> => {
    const { comment, ...rest } = input;
    const outcome = await submit(db, viewer, name, rest as InputOf<N>, comment);
    if (outcome.status === "APPLIED") caches.freshness?.changed(outcome.change);
    return outcome;
  };
}

async function changeOf(db: Database, viewer: Viewer | null, id: string | undefined): Promise<ChangeProps | null> {
  if (!id) return null;
  const levels = viewer?.role === "editor" || viewer?.role === "admin" ? ["PUBLIC", "MEMBERS", "EDITORS"] : ["PUBLIC", "MEMBERS"];
  const [row] = await db.read(QUERIES.changeById, { id, levels });
  return row?.change ?? null;
}

/** A node's version: from the node, or from its full properties when it was read lean. */
const version = (node: NodeProps, _: unknown, { loaders }: Context) =>
  isLean(node) ? loaders.nodes.load(node.id).then((full) => Number(full?.version ?? 1)) : Number(node.version ?? 1);

export const WriteTypes = {
  Query: {
    history: (_: unknown, args: QueryHistoryArgs, { db, viewer }: Context) => historyOf(db, viewer, idArg("id", args.id)),
    async changes(_: unknown, args: QueryChangesArgs, { db, viewer }: Context) {
      const page = await changesPage(db, viewer, args);
      return {
        edges: page.changes.map((change) => ({ cursor: String(change.seq), node: change })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    },
    proposals: (_: unknown, args: QueryProposalsArgs, { db, viewer }: Context) => listProposals(db, viewer, args.status ?? null),
  },
  Mutation: {
    createNode: write("createNode"),
    updateNode: write("updateNode"),
    deleteNode: write("deleteNode"),
    mergeNodes: write("mergeNodes"),
    createRelationship: write("createRelationship"),
    updateRelationship: write("updateRelationship"),
    deleteRelationship: write("deleteRelationship"),
    createSource: write("createSource"),
    async revertChange(_: unknown, args: MutationRevertChangeArgs, { db, viewer, caches }: Context) {
      const change = await revertChange(db, viewer, idArg("id", args.id), args.comment);
      caches.freshness?.changed(change);
      return change;
    },
    async reviewProposal(_: unknown, args: MutationReviewProposalArgs, { db, viewer, caches }: Context) {
      const outcome = await reviewProposal(db, viewer, idArg("id", args.id), args.decision, args.comment ?? null);
      if (outcome.change) caches.freshness?.changed(outcome.change);
      return outcome.proposal;
    },
  },
  Subscription: {
    liveChanges: {
      subscribe: (_: unknown, __: unknown, { caches, visible }: Context) => {
        if (!caches.freshness) throw new Error("live changes need the app's freshness (createApp sets it)");
        return caches.freshness.feed.subscribe(visible);
      },
      resolve: (notice: ChangeNotice) => notice,
    },
  },
  Proposal: {
    change: (proposal: ProposalProps, _: unknown, { db, viewer }: Context) => changeOf(db, viewer, proposal.changeId),
  },
  Organisation: { version },
  Forum: { version },
  Campaign: { version },
  Instrument: { version },
  Person: { version },
  Issue: { version },
  // A source a user added names no authors (a web page); the field is a list all the same.
  Source: { authors: (source: { authors?: string[] }) => source.authors ?? [] },
  Relationship: { version: (r: RelationshipProps) => Number(r.version ?? 1) },
} satisfies Resolvers;
