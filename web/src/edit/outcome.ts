/** What a write's answer means to the person who sent it. */
import type { WriteResult } from "../api/edit";

export function outcomeText(result: WriteResult): string {
  return result.status === "APPLIED"
    ? "Saved."
    : `Proposed for review: ${result.proposal?.summary ?? "your edit"}. An editor will accept or reject it (see Review).`;
}
