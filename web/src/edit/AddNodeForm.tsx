/**
 * "Add …" from the search box: a new organisation, forum, campaign, instrument, person or issue,
 * with its fields from the vocabulary and a citation. An editor's applies at once; a
 * contributor's becomes a proposal.
 */
import { useState } from "react";

import { NODE_KINDS, type NodeKind } from "../../../core/vocabulary";
import { createNode, type WriteResult } from "../api/edit";
import { humanise } from "../graph";
import { CITATION_FIELDS, emptyCitation, resolveCitation } from "./citation";
import { CitationPicker } from "./CitationPicker";
import { Field, FormError, SpecField, WriteDone } from "./Field";
import { fieldsForCreate, fieldsOf } from "./node-fields";
import { slugify } from "./slug";
import { useSubmit } from "./use-submit";

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
  const specs = fieldsOf(kind);
  const slug = id ?? slugify(values.name ?? "");
  const { form, busy, errors, done, submit } = useSubmit({
    known: ["id", "kind", ...specs.map((s) => s.name), ...CITATION_FIELDS],
    onDone: (result) => onDone(slug, result),
  });

  const write = async () => {
    const fields = { ...fieldsForCreate(kind, values), citations: [await resolveCitation(citation)] };
    return createNode({ id: slug, kind, fields, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };

  if (done) return <WriteDone text={done} />;
  return (
    <form ref={form} className="edit-form" aria-label="New record" onSubmit={(e) => void submit(e, write)} noValidate>
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
      <FormError message={errors[""]} />
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Add"}
      </button>
    </form>
  );
}
