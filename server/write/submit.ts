/**
 * The door every write goes through: anonymous → UNAUTHENTICATED, reader → FORBIDDEN, a contributor's
 * write becomes a proposal (checked now, applied when an editor accepts it), an editor's or admin's
 * write applies at once as one transaction with its Change.
 */
import { randomUUID } from "node:crypto";

import { roleAtLeast } from "../../core/access.js";
import { requireRole, type Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { type InputOf, OPERATIONS, type OperationName } from "./operations.js";
import { commit } from "./store.js";
import type { ChangeProps, Credit, Plan, ProposalProps, WriteProgress } from "./types.js";

/** The registry's operations, called by name (each checks its own input's shape through its types). */
type AnyPlan = (run: unknown, input: unknown, viewer: Viewer) => Promise<Plan>;
const planOf = (name: OperationName) => OPERATIONS[name].plan as AnyPlan;

export type WriteOutcome = { status: "APPLIED"; change: ChangeProps } | { status: "PROPOSED"; proposal: ProposalProps };

/** Plans and commits one operation in one write transaction; `progress` hears its steps (see WriteProgress). */
export async function applyOperation<N extends OperationName>(
  db: Database,
  name: N,
  input: InputOf<N>,
  credit: Credit,
  progress?: WriteProgress,
): Promise<ChangeProps> {
  return db.writeTransaction(async (run) => {
    progress?.("PLANNING", 0, 0);
    const change = await commit(run, name, await planOf(name)(run, input, credit.actor), credit, progress);
    progress?.("COMMITTING", change.recordIds.length, change.recordIds.length);
    return change;
  });
}

class DryRun extends Error {}

/** Plans an operation and rolls it back: the same checks as applying it, and nothing written. */
async function check<N extends OperationName>(db: Database, name: N, input: InputOf<N>, viewer: Viewer): Promise<void> {
  try {
    await db.writeTransaction(async (run) => {
      await planOf(name)(run, input, viewer);
      throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
}

export async function submit<N extends OperationName>(
  db: Database,
  viewer: Viewer | null,
  name: N,
  input: InputOf<N>,
  comment?: string | null,
  progress?: WriteProgress,
): Promise<WriteOutcome> {
  const actor = requireRole(viewer, "contributor");
  if (roleAtLeast(actor.role, "editor")) {
    return { status: "APPLIED", change: await applyOperation(db, name, input, { actor, comment: comment ?? undefined }, progress) };
  }
  progress?.("PLANNING", 0, 0);
  await check(db, name, input, actor);
  const proposal: ProposalProps = {
    id: randomUUID(),
    status: "PENDING",
    operation: name,
    input: JSON.stringify(input),
    ...(comment ? { comment } : {}),
    summary: (OPERATIONS[name].summary as (i: InputOf<N>) => string)(input),
    author: actor.username,
    authorId: actor.userId,
    authorRole: actor.role,
    createdAt: new Date().toISOString(),
  };
  const [row] = await db.write(QUERIES.createProposal, { proposal });
  return { status: "PROPOSED", proposal: row.proposal };
}
