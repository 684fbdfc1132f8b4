/**
 * Edit a node's fields from Details: the update names the version it read. When someone changed
 * the node meanwhile (CONFLICT), it says who and what, and "Reload" takes their version as the new
 * base while keeping everything typed here.
 */
import { useEffect, useState } from "react";

import { fetchNode, type NodeDetails } from "../api";
import { fetchNodeVersion, updateNode, type WriteResult } from "../api/edit";
import { ConflictNotice, conflictText, keepTyped } from "./Conflict";
import { Field, FormError, SpecField, WriteDone } from "./Field";
import { fieldsForUpdate, fieldsOf, textOf } from "./node-fields";
import { useSubmit } from "./use-submit";

interface Props {
  node: NodeDetails;
  onDone(result: WriteResult): void;
}

const baseOf = (node: NodeDetails): Record<string, string> =>
  Object.fromEntries(fieldsOf(node.kind).map((spec) => [spec.name, textOf((node as unknown as Record<string, unknown>)[spec.name])]));

export function EditNodeForm({ node, onDone }: Props) {
  const [base, setBase] = useState(() => baseOf(node));
  const [values, setValues] = useState(base);
  const [version, setVersion] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [conflict, setConflict] = useState<string | null>(null);
  const specs = fieldsOf(node.kind);
  const { form, busy, errors, setErrors, done, submit } = useSubmit({
    known: ["id", ...specs.map((s) => s.name)],
    onConflict: async (error) => setConflict(await conflictText(error, node.id)),
    onDone,
  });

  useEffect(() => {
    const controller = new AbortController();
    fetchNodeVersion(node.id, controller.signal).then(setVersion, () => {});
    return () => controller.abort();
  }, [node.id]);

  const write = async () => {
    if (version === null) return null;
    const fields = fieldsForUpdate(node.kind, values, base);
    if (!Object.keys(fields).length) {
      setErrors({ "": "Nothing changed." });
      return null;
    }
    return updateNode({ id: node.id, version, fields, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };

  const reload = async () => {
    const [fresh, current] = await Promise.all([fetchNode(node.id), fetchNodeVersion(node.id)]);
    if (!fresh || current === null) return setErrors({ "": "The node is gone: it was deleted meanwhile." });
    const next = baseOf(fresh);
    setValues((typed) => keepTyped(typed, base, next));
    setBase(next);
    setVersion(current);
    setConflict(null);
  };

  if (done) return <WriteDone text={done} />;
  return (
    <form ref={form} className="edit-form" aria-label={`Edit ${node.name}`} onSubmit={(e) => void submit(e, write)} noValidate>
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
      <FormError message={errors[""]} />
      <ConflictNotice text={conflict} onReload={() => void reload()} />
      <button type="submit" disabled={busy || version === null || conflict !== null}>
        {busy ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
