/**
 * Merge a duplicate into the node shown in Details: the duplicate is picked by search (same kind),
 * then the form says what will happen to its ties and names before anything is written. The kept
 * node and the duplicate are each named with the version read (CONFLICT when either changed).
 */
import { useEffect, useState } from "react";

import { fetchNode, type NodeDetails, type NodeRef } from "../api";
import { fetchNodeVersion, mergeNodes, type WriteResult } from "../api/edit";
import { SearchBox } from "../ui/SearchBox";
import { ConflictNotice, conflictText } from "./Conflict";
import { formError } from "./errors";
import { Field, FormError, WriteDone } from "./Field";
import { mergePreview, mergeSummary } from "./merge-preview";
import { useSubmit } from "./use-submit";

interface Props {
  node: NodeDetails;
  onDone(result: WriteResult): void;
}

interface Picked {
  details: NodeDetails;
  keepVersion: number;
  duplicateVersion: number;
}

export function MergeNodesForm({ node, onDone }: Props) {
  const [ref, setRef] = useState<NodeRef | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [reloads, setReloads] = useState(0);
  const [comment, setComment] = useState("");
  const [conflict, setConflict] = useState<string | null>(null);
  const { form, busy, errors, setErrors, done, submit } = useSubmit({
    known: ["duplicate"],
    onConflict: async (error) => setConflict(await conflictText(error, String(error.extensions.id ?? node.id))),
    onDone,
  });

  // The duplicate's ties and both versions, read when it is picked (and again after a conflict).
  useEffect(() => {
    setPicked(null);
    if (!ref) return;
    const controller = new AbortController();
    Promise.all([
      fetchNode(ref.id, controller.signal),
      fetchNodeVersion(node.id, controller.signal),
      fetchNodeVersion(ref.id, controller.signal),
    ])
      .then(([details, keepVersion, duplicateVersion]) => {
        if (!details || keepVersion === null || duplicateVersion === null)
          return setErrors({ "": "One of the two is gone: it was deleted meanwhile." });
        setPicked({ details, keepVersion, duplicateVersion });
        setConflict(null);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [ref, node.id, reloads, setErrors]);

  const write = async () => {
    if (!ref) throw formError("duplicate", "Choose the duplicate from the suggestions.");
    if (!picked) return null;
    return mergeNodes({
      keep: node.id,
      keepVersion: picked.keepVersion,
      duplicate: ref.id,
      duplicateVersion: picked.duplicateVersion,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  };

  if (done) return <WriteDone text={done} />;
  const lines = picked ? mergeSummary(node, picked.details, mergePreview(node, picked.details)) : [];
  return (
    <form ref={form} className="edit-form" aria-label={`Merge into ${node.name}`} onSubmit={(e) => void submit(e, write)} noValidate>
      <p className="small">The duplicate is folded into {node.name}, which stays.</p>
      <SearchBox
        label="Duplicate"
        visibleLabel
        kinds={[node.kind]}
        value={ref?.name}
        onPick={(id, pickedRef) => id !== node.id && setRef(pickedRef)}
        onUnpick={() => setRef(null)}
      />
      {errors.duplicate && <p className="field-error">{errors.duplicate}</p>}
      {lines.length > 0 && (
        <div className="edit-consequence" role="status">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <Field label="Comment (why they are one)">
        {(control) => <input {...control} name="comment" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <FormError message={errors[""]} />
      <ConflictNotice text={conflict} onReload={() => setReloads((n) => n + 1)} />
      <button type="submit" disabled={busy || (ref !== null && !picked) || conflict !== null}>
        {busy ? "Merging…" : picked ? `Merge ${picked.details.name} into ${node.name}` : "Merge"}
      </button>
    </form>
  );
}
