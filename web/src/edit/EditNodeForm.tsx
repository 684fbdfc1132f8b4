/**
 * Edit a node's fields from Details: the update names the version it read. When someone changed
 * the node meanwhile (CONFLICT), it says who and what, and "Reload" takes their version as the new
 * base while keeping everything typed here.
 */
import { type FormEvent, useEffect, useState } from "react";

import { ApiError, fetchNode, type NodeDetails } from "../api";
import { type Change, fetchHistory, fetchNodeVersion, updateNode, type WriteResult } from "../api/edit";
import { diffChange } from "./diff";
import { errorsOf, type FieldErrors } from "./errors";
import { Field, SpecField } from "./Field";
import { fieldsForUpdate, fieldsOf, textOf } from "./node-fields";
import { outcomeText } from "./outcome";

interface Props {
  node: NodeDetails;
  onDone(result: WriteResult): void;
}

const baseOf = (node: NodeDetails): Record<string, string> =>
  Object.fromEntries(fieldsOf(node.kind).map((spec) => [spec.name, textOf((node as unknown as Record<string, unknown>)[spec.name])]));

/** "edna changed name, description on 3 Dec, 12:04" from the latest change of the node. */
function whoChanged(change: Change | undefined, id: string): string {
  if (!change) return "";
  const fields =
    diffChange(change.before, change.after)
      .find((d) => d.id === id)
      ?.fields.map((f) => f.field) ?? [];
  const when = new Date(change.at).toLocaleString();
  return `${change.actor} changed ${fields.length ? fields.join(", ") : "it"} (${when}).`;
}

export function EditNodeForm({ node, onDone }: Props) {
  const [base, setBase] = useState(() => baseOf(node));
  const [values, setValues] = useState(base);
  const [version, setVersion] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");
  const specs = fieldsOf(node.kind);

  useEffect(() => {
    const controller = new AbortController();
    fetchNodeVersion(node.id, controller.signal).then(setVersion, () => {});
    return () => controller.abort();
  }, [node.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (version === null) return;
    setBusy(true);
    setErrors({});
    try {
      const fields = fieldsForUpdate(node.kind, values, base);
      if (!Object.keys(fields).length) return setErrors({ "": "Nothing changed." });
      const result = await updateNode({ id: node.id, version, fields, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone(outcomeText(result));
      onDone(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT") {
        const latest = await fetchHistory(node.id).then(
          (h) => h[0],
          () => undefined,
        );
        setConflict(`${error.message}. ${whoChanged(latest, node.id)} Your values are kept below.`);
      } else setErrors(errorsOf(error, ["id", ...specs.map((s) => s.name)]));
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    const [fresh, current] = await Promise.all([fetchNode(node.id), fetchNodeVersion(node.id)]);
    if (!fresh || current === null) return setErrors({ "": "The node is gone: it was deleted meanwhile." });
    // Fields typed here stay; the others take the values the other person saved.
    const next = baseOf(fresh);
    setValues((typed) => Object.fromEntries(Object.keys(next).map((k) => [k, typed[k] !== base[k] ? typed[k] : next[k]])));
    setBase(next);
    setVersion(current);
    setConflict(null);
  };

  if (done)
    return (
      <p className="edit-outcome" role="status">
        {done}
      </p>
    );
  return (
    <form className="edit-form" aria-label={`Edit ${node.name}`} onSubmit={(e) => void submit(e)} noValidate>
      {specs.map((spec) => (
        <SpecField
          key={spec.name}
          spec={spec}
          value={values[spec.name] ?? ""}
          error={errors[spec.name]}
          emptyLabel={spec.name === "visibility" ? "Unchanged" : "—"}
          hint={values[spec.name] !== base[spec.name] && conflict === null && base[spec.name] ? `Was: ${base[spec.name]}` : undefined}
          onChange={(text) => setValues({ ...values, [spec.name]: text })}
        />
      ))}
      <Field label="Comment (why the change)">
        {(control) => <input {...control} name="comment" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      {errors[""] && (
        <p className="field-error" role="alert">
          {errors[""]}
        </p>
      )}
      {/* Beside Save, where the person just acted (the top of a long form may be scrolled away). */}
      {conflict && (
        <div className="edit-conflict" role="alert">
          <p>{conflict}</p>
          <button type="button" onClick={() => void reload()}>
            Reload their version (keep my values)
          </button>
        </div>
      )}
      <button type="submit" disabled={busy || version === null || conflict !== null}>
        {busy ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
