/**
 * Edits, review, history and revert (server/write does the work): each mutation hands its input to
 * the write layer, which decides by the viewer's role whether it applies or becomes a proposal.
 */
import type { Viewer } from "../../auth/viewer.js";
import type { Database } from "../../db/database.js";
import { QUERIES } from "../../db/registry.js";
import { isLean, type NodeProps } from "../../read/rows.js";
import {
  changesPage,
  type ChangeProps,
  historyOf,
  type InputOf,
  listProposals,
  type OperationName,
  type ProposalProps,
  reviewProposal,
  revertChange,
  submit,
} from "../../write/index.js";
import type { Context } from "../context.js";
import { idArg } from "../errors.js";
import type {
  MutationCreateNodeArgs,
  MutationCreateRelationshipArgs,
  MutationCreateSourceArgs,
  MutationDeleteNodeArgs,
  MutationDeleteRelationshipArgs,
  MutationMergeNodesArgs,
  MutationReviewProposalArgs,
  MutationRevertChangeArgs,
  MutationUpdateNodeArgs,
  MutationUpdateRelationshipArgs,
  QueryChangesArgs,
  QueryHistoryArgs,
  QueryProposalsArgs,
} from "../generated/resolvers.js";

/** A mutation: its input without the comment goes to the write layer, the comment to the Change. */
function write<N extends OperationName>(name: N) {
  return (_: unknown, { input }: { input: { comment?: string | null } }, { db, viewer }: Context) => {
    const { comment, ...rest } = input;
    return submit(db, viewer, name, rest as unknown as InputOf<N>, comment);
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
    createNode: write("createNode") as (_: unknown, args: MutationCreateNodeArgs, ctx: Context) => unknown,
    updateNode: write("updateNode") as (_: unknown, args: MutationUpdateNodeArgs, ctx: Context) => unknown,
    deleteNode: write("deleteNode") as (_: unknown, args: MutationDeleteNodeArgs, ctx: Context) => unknown,
    mergeNodes: write("mergeNodes") as (_: unknown, args: MutationMergeNodesArgs, ctx: Context) => unknown,
    createRelationship: write("createRelationship") as (_: unknown, args: MutationCreateRelationshipArgs, ctx: Context) => unknown,
    updateRelationship: write("updateRelationship") as (_: unknown, args: MutationUpdateRelationshipArgs, ctx: Context) => unknown,
    deleteRelationship: write("deleteRelationship") as (_: unknown, args: MutationDeleteRelationshipArgs, ctx: Context) => unknown,
    createSource: write("createSource") as (_: unknown, args: MutationCreateSourceArgs, ctx: Context) => unknown,
    revertChange: (_: unknown, args: MutationRevertChangeArgs, { db, viewer }: Context) =>
      revertChange(db, viewer, idArg("id", args.id), args.comment),
    async reviewProposal(_: unknown, args: MutationReviewProposalArgs, { db, viewer }: Context) {
      return (await reviewProposal(db, viewer, idArg("id", args.id), args.decision, args.comment ?? null)).proposal;
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
  Relationship: { version: (r: { version?: unknown }) => Number(r.version ?? 1) },
};
