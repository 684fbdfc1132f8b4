/**
 * "Add …" from the search box: a new organisation, forum, campaign, instrument, person or issue,
 * with its fields from the vocabulary and a citation. An editor's applies at once; a
 * contributor's becomes a proposal.
 */
import { type FormEvent, useRef, useState } from "react";

import { NODE_KINDS, type NodeKind } from "../../../core/vocabulary";
import { createNode, type WriteResult } from "../api/edit";
import { humanise } from "../graph";
import { CITATION_FIELDS, emptyCitation, resolveCitation } from "./citation";
import { CitationPicker } from "./CitationPicker";
import { errorsOf, type FieldErrors } from "./errors";
import { Field, SpecField } from "./Field";
import { fieldsForCreate, fieldsOf } from "./node-fields";
import { outcomeText } from "./outcome";
import { useFocusInvalid } from "./use-focus-invalid";
import { slugify } from "./slug";

interface Props {
  name: string;
  /** After the write: the new id, and whether it applied or was proposed. */
  onDone(id: string, result: WriteResult): void;
}

export function AddNodeForm({ name, onDone }: Props) {
  const [kind, setKind] = useState<NodeKind>("ORGANISATION");
  const [values, setValues] = useState<Record<string, string>>({ name, visibility: "PUBLIC" });
  const [id, setId] = useState<string | null>(null);
  const [citation, setCitation] = useState(emptyCitation);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");
  const form = useRef<HTMLFormElement>(null);
  useFocusInvalid(form, errors);
  const specs = fieldsOf(kind);
  const slug = id ?? slugify(values.name ?? "");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const fields = { ...fieldsForCreate(kind, values), citations: [await resolveCitation(citation)] };
      const result = await createNode({ id: slug, kind, fields, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone(outcomeText(result));
      onDone(slug, result);
    } catch (error) {
      setErrors(errorsOf(error, ["id", "kind", ...specs.map((s) => s.name), ...CITATION_FIELDS]));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <p className="edit-outcome" role="status">
        {done}
      </p>
    );
  return (
    <form ref={form} className="edit-form" aria-label="New record" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Kind" error={errors.kind}>
        {(control) => (
          <select {...control} name="kind" value={kind} onChange={(e) => setKind(e.target.value as NodeKind)}>
            {NODE_KINDS.map((k) => (
              <option key={k} value={k}>
                {humanise(k).replace(/s$/, "")}
              </option>
            ))}
          </select>
        )}
      </Field>
      {specs.map((spec) => (
        <SpecField
          key={spec.name}
          spec={spec}
          value={values[spec.name] ?? ""}
          error={errors[spec.name]}
          onChange={(text) => setValues({ ...values, [spec.name]: text })}
        />
      ))}
      <Field label="Id" error={errors.id} hint="A lower-case slug; made from the name unless you change it.">
        {(control) => <input {...control} name="id" value={slug} onChange={(e) => setId(e.target.value)} />}
      </Field>
      <CitationPicker value={citation} errors={errors} onChange={setCitation} />
      <Field label="Comment for reviewers">
        {(control) => <input {...control} name="comment" value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      {errors[""] && (
        <p className="field-error" role="alert">
          {errors[""]}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Add"}
      </button>
    </form>
  );
}
