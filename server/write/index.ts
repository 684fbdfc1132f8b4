/** The write layer: every mutation, the review of proposals, history and revert (see DESIGN.md "Curation model"). */
export { OPERATIONS, type OperationName, type InputOf } from "./operations.js";
export { submit, applyOperation, type WriteOutcome } from "./submit.js";
export { listProposals, reviewProposal, DECISIONS, type Decision, type ReviewOutcome } from "./proposals.js";
export { historyOf, changesPage, type ChangePage, type ChangesArgs } from "./history.js";
export { revertChange } from "./revert.js";
export type { ChangeProps, ProposalProps, ProposalStatus } from "./types.js";
