/**
 * One change: what, who (and who accepted it), when, the comment, and a before/after table per
 * record it touched; with Revert for editors (a CONFLICT is shown beside the button).
 */
import { useState } from "react";

import type { Change } from "../api/edit";
import { revertChange } from "../api/edit";
import { humanise } from "../graph";
import { diffChange } from "./diff";
import { citedIn, useSourceTitles } from "./use-source-titles";

interface Props {
  change: Change;
  /** Show Revert (editors); called after a revert applied. */
  onReverted?(): void;
}

const STATUS = { added: "added", removed: "removed", changed: "changed" } as const;

export function ChangeView({ change, onReverted }: Props) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const titleOf = useSourceTitles(citedIn(change.before, change.after));
  const diffs = diffChange(change.before, change.after, titleOf);
  const revert = async () => {
    setBusy(true);
    setError("");
    try {
      await revertChange(change.id);
      onReverted?.();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="change" aria-label={`${change.operation} by ${change.actor}`}>
      <p className="change-head">
        <strong>{change.operation}</strong> by <span className="change-actor">{change.actor}</span>
        {change.reviewer && (
          <>
            , accepted by <span className="change-reviewer">{change.reviewer}</span>
          </>
        )}{" "}
        <time dateTime={change.at}>{new Date(change.at).toLocaleString()}</time>
      </p>
      {change.comment && <p className="change-comment">“{change.comment}”</p>}
      {diffs.map((d) => (
        <table key={`${d.kind}:${d.id}`} className="diff">
          <caption>
            {humanise(d.kind)} {d.id} {STATUS[d.status]}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {d.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{f.field}</th>
                <td className="before">{f.before}</td>
                <td className="after">{f.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {onReverted && !change.revertOf && (
        <div className="change-actions">
          <button
            type="button"
            onClick={() => void revert()}
            disabled={busy}
            aria-describedby={error ? `revert-error-${change.id}` : undefined}
          >
            Revert
          </button>
          {error && (
            <p id={`revert-error-${change.id}`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
