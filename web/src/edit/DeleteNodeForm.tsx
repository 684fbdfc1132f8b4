/**
 * Delete a node from Details, after saying what will go: the node and every tie it has (the
 * server refuses to leave ties pointing at nothing). History keeps the change; Revert brings both back.
 */
import { useCallback, useEffect, useState } from "react";

import type { NodeDetails } from "../api";
import { deleteNode, fetchNodeVersions, type NodeVersions, type WriteResult } from "../api/edit";
import { ConflictNotice, conflictText } from "./Conflict";
import { Field, FormError, WriteDone } from "./Field";
import { useSubmit } from "./use-submit";

interface Props {
  node: NodeDetails;
  onDone(result: WriteResult): void;
}

export function DeleteNodeForm({ node, onDone }: Props) {
  const [versions, setVersions] = useState<NodeVersions | null>(null);
  const [comment, setComment] = useState("");
  const [conflict, setConflict] = useState<string | null>(null);
  const { form, busy, errors, setErrors, done, submit } = useSubmit({
    known: [],
    onConflict: async (error) => setConflict(await conflictText(error, node.id)),
    onDone,
  });

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const found = await fetchNodeVersions(node.id, signal);
      if (!found) setErrors({ "": "The node is gone: it was deleted meanwhile." });
      setVersions(found);
      setConflict(null);
    },
    [node.id, setErrors],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch(() => {});
    return () => controller.abort();
  }, [load]);

  const ties = versions?.ties.size ?? 0;
  const write = async () =>
    versions &&
    deleteNode({ id: node.id, version: versions.version, removeTies: ties > 0, ...(comment.trim() ? { comment: comment.trim() } : {}) });

  if (done) return <WriteDone text={done} />;
  return (
    <form ref={form} className="edit-form" aria-label={`Delete ${node.name}`} onSubmit={(e) => void submit(e, write)} noValidate>
      {versions && (
        <p className="edit-consequence">
          {ties
            ? `${node.name} and its ${ties} tie${ties === 1 ? "" : "s"} will be removed from the atlas.`
            : `${node.name} will be removed from the atlas. It has no ties.`}{" "}
          History keeps the change, and an editor can revert it there.
        </p>
      )}
      <Field label="Comment (why it goes)">
        {(control) => <input {...control} name="comment" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <FormError message={errors[""]} />
      <ConflictNotice text={conflict} onReload={() => void load()} />
      <button type="submit" className="danger" disabled={busy || !versions || conflict !== null}>
        {busy ? "Deleting…" : ties ? `Delete ${node.name} and ${ties} tie${ties === 1 ? "" : "s"}` : `Delete ${node.name}`}
      </button>
    </form>
  );
}
