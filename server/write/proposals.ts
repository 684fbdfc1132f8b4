/**
 * Review of contributors' writes: `proposals(status)` (an editor sees all, a contributor their own)
 * and `reviewProposal` (editor). Accepting plans the stored write again, as its author with the
 * author's rights, and commits it in the same transaction as the decision: a Change credited to
 * both, or CONFLICT (and the proposal stays pending) when its base version went stale meanwhile.
 */
import { type Role, roleAtLeast } from "../../core/access.js";
import { requireRole, type Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { apiError, notFound } from "../graphql/errors.js";
import { isOperationName, OPERATIONS } from "./operations.js";
import { commit } from "./store.js";
import type { ChangeProps, Plan, ProposalProps, ProposalStatus } from "./types.js";

export const DECISIONS = ["ACCEPT", "REJECT"] as const;
export type Decision = (typeof DECISIONS)[number];

export async function listProposals(db: Database, viewer: Viewer | null, status: ProposalStatus | null): Promise<ProposalProps[]> {
  const user = requireRole(viewer, "contributor");
  const authorId = roleAtLeast(user.role, "editor") ? null : user.userId;
  return (await db.read(QUERIES.proposalsList, { status, authorId })).map((r) => r.proposal);
}

export interface ReviewOutcome {
  proposal: ProposalProps;
  change: ChangeProps | null;
}

export async function reviewProposal(
  db: Database,
  viewer: Viewer | null,
  id: string,
  decision: Decision,
  comment: string | null,
): Promise<ReviewOutcome> {
  const reviewer = requireRole(viewer, "editor");
  return db.writeTransaction(async (run) => {
    const [row] = await run(QUERIES.lockProposal, { id });
    if (!row) throw notFound("proposal", id);
    const proposal = row.proposal;
    if (proposal.status !== "PENDING") throw apiError("CONFLICT", `Proposal '${id}' was already ${proposal.status.toLowerCase()}`, { id });
    let change: ChangeProps | null = null;
    if (decision === "ACCEPT") {
      if (!isOperationName(proposal.operation)) throw new Error(`proposal ${id} names an unknown operation '${proposal.operation}'`);
      const author: Viewer = { userId: proposal.authorId, username: proposal.author, role: proposal.authorRole as Role };
      const plan = (OPERATIONS[proposal.operation].plan as (run: unknown, input: unknown, viewer: Viewer) => Promise<Plan>)(
        run,
        JSON.parse(proposal.input),
        author,
      );
      change = await commit(run, proposal.operation, await plan, {
        actor: author,
        reviewer,
        proposalId: proposal.id,
        comment: proposal.comment,
      });
    }
    const [decided] = await run(QUERIES.decideProposal, {
      id,
      status: decision === "ACCEPT" ? "ACCEPTED" : "REJECTED",
      reviewer: reviewer.username,
      reviewerId: reviewer.userId,
      comment,
      at: new Date().toISOString(),
      changeId: change?.id ?? null,
    });
    return { proposal: decided.proposal, change };
  });
}
