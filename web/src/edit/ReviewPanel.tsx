/**
 * The Review tab. Editors: the queue of pending proposals, each accepted or rejected with a comment
 * (a CONFLICT, when the record changed since, is shown on the proposal). Contributors: their own
 * proposals and what became of them.
 */
import { useCallback, useEffect, useState } from "react";

import { fetchNode } from "../api";
import { fetchProposals, type Proposal, reviewProposal } from "../api/edit";
import type { ReviewDecision } from "../api/gql/graphql";
import { humanise } from "../graph";
import { useStore } from "../ui/use-store";
import { type AccountStore, can } from "./account";
import { Field } from "./Field";
import { currentValues, proposalCites, proposedFields, updatedRecord } from "./proposal-fields";
import { useSourceTitles } from "./use-source-titles";

interface Props {
  account: AccountStore;
  dataKey: number;
  /** A proposal was accepted: the graph reads again. */
  onChanged(): void;
}

export function ReviewPanel({ account, dataKey, onChanged }: Props) {
  const editor = useStore(account, (a) => can(a, "editor"));
  const signedIn = useStore(account, (a) => can(a, "contributor"));
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [error, setError] = useState("");
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!signedIn) return setProposals(null);
    const controller = new AbortController();
    fetchProposals(editor ? "PENDING" : null, controller.signal).then(
      setProposals,
      (e: Error) => e.name !== "AbortError" && setError(e.message),
    );
    return () => controller.abort();
  }, [editor, signedIn, dataKey, tick]);

  if (!signedIn) return <p className="muted">Sign in as a contributor or editor to propose and review edits.</p>;
  return (
    <section className="review" aria-label={editor ? "Review queue" : "Your proposals"}>
      <div className="panel-head">
        <h2>{editor ? "Proposals awaiting review" : "Your proposals"}</h2>
        <button type="button" onClick={refresh}>
          Refresh
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {proposals?.length === 0 && <p className="muted">{editor ? "Nothing awaits review." : "You have not proposed anything yet."}</p>}
      <ol className="proposals">
        {proposals?.map((p) => (
          <li key={p.id}>
            <ProposalView
              proposal={p}
              reviewable={editor}
              onDecided={(accepted) => {
                refresh();
                if (accepted) onChanged();
              }}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ProposalView({
  proposal: p,
  reviewable,
  onDecided,
}: {
  proposal: Proposal;
  reviewable: boolean;
  onDecided(accepted: boolean): void;
}) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const decide = async (decision: ReviewDecision) => {
    setBusy(true);
    setError("");
    try {
      await reviewProposal(p.id, decision, comment.trim() || undefined);
      onDecided(decision === "ACCEPT");
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="proposal" aria-label={p.summary}>
      <p>
        <strong>{p.summary}</strong>
      </p>
      <p className="small">
        {humanise(p.status)} · proposed by {p.author} <time dateTime={p.createdAt}>{new Date(p.createdAt).toLocaleString()}</time>
        {p.reviewer && ` · reviewed by ${p.reviewer}`}
      </p>
      {p.comment && <p className="change-comment">“{p.comment}”</p>}
      <ProposalDiff proposal={p} />
      {p.reviewComment && <p className="change-comment">Review: “{p.reviewComment}”</p>}
      {reviewable && p.status === "PENDING" && (
        <div className="review-actions">
          <Field label="Comment to the author" error={error}>
            {(control) => <input {...control} name="review-comment" value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <button type="button" disabled={busy} onClick={() => void decide("ACCEPT")}>
            Accept
          </button>
          <button type="button" disabled={busy} onClick={() => void decide("REJECT")}>
            Reject
          </button>
        </div>
      )}
    </article>
  );
}

/**
 * The fields the proposal writes; for an update, beside the values they replace (read now, so a
 * reviewer sees what accepting would change today).
 */
function ProposalDiff({ proposal: p }: { proposal: Proposal }) {
  const titleOf = useSourceTitles(proposalCites(p.input));
  const target = updatedRecord(p.operation, p.input);
  const [current, setCurrent] = useState<Record<string, unknown> | null | undefined>(undefined);
  const pending = p.status === "PENDING";
  const [nodeId, tieId] = [target?.node, target?.tie];
  useEffect(() => {
    if (!nodeId || !pending) return;
    const controller = new AbortController();
    fetchNode(nodeId, controller.signal).then(
      (node) => setCurrent(node ? currentValues(node, tieId) : null),
      () => {},
    );
    return () => controller.abort();
  }, [nodeId, tieId, pending]);
  const rows = proposedFields(p.input, titleOf, target && pending ? (current ?? null) : undefined);
  const withNow = rows.some((r) => r.now !== undefined);
  return (
    <table className="diff">
      <caption>What it would write</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          {withNow && <th scope="col">Now</th>}
          <th scope="col">Proposed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <th scope="row">{r.field}</th>
            {withNow && <td className="before">{r.now ?? ""}</td>}
            <td className="after">{r.proposed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
