/** Delete one tie from Details' list, after saying which and what goes with it (its citations). */
import { useEffect, useState } from "react";

import type { NodeDetails, NodeRelationship } from "../api";
import { deleteRelationship, fetchNodeVersions, type WriteResult } from "../api/edit";
import { ConflictNotice, conflictText } from "./Conflict";
import { Field, FormError, WriteDone } from "./Field";
import { tiePhrase } from "./tie-text";
import { useSubmit } from "./use-submit";

interface Props {
  node: NodeDetails;
  tie: NodeRelationship;
  onDone(result: WriteResult): void;
}

export function DeleteTieForm({ node, tie, onDone }: Props) {
  const [version, setVersion] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  const [comment, setComment] = useState("");
  const [conflict, setConflict] = useState<string | null>(null);
  const { form, busy, errors, setErrors, done, submit } = useSubmit({
    known: [],
    onConflict: async (error) => setConflict(await conflictText(error, tie.id)),
    onDone,
  });

  useEffect(() => {
    const controller = new AbortController();
    fetchNodeVersions(node.id, controller.signal).then(
      (v) => {
        const current = v?.ties.get(tie.id);
        if (current === undefined) return setErrors({ "": "The tie is gone: it was deleted meanwhile." });
        setVersion(current);
        setConflict(null);
      },
      () => {},
    );
    return () => controller.abort();
  }, [node.id, tie.id, reloads, setErrors]);

  const write = async () =>
    version === null ? null : deleteRelationship({ id: tie.id, version, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  const cites = tie.citations.length;

  if (done) return <WriteDone text={done} />;
  return (
    <form ref={form} className="edit-form" aria-label="Delete tie" onSubmit={(e) => void submit(e, write)} noValidate>
      <p className="edit-consequence">
        The tie “{tiePhrase(node, tie)}”{cites ? ` and its ${cites} citation${cites === 1 ? "" : "s"}` : ""} will be removed. Both ends
        stay. History keeps the change, and an editor can revert it there.
      </p>
      <Field label="Comment (why it goes)">
        {(control) => <input {...control} name="comment" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <FormError message={errors[""]} />
      <ConflictNotice text={conflict} onReload={() => setReloads((n) => n + 1)} />
      <button type="submit" className="danger" disabled={busy || version === null || conflict !== null}>
        {busy ? "Deleting…" : "Delete tie"}
      </button>
    </form>
  );
}
