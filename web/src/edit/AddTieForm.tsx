/**
 * Add a tie from Details: the other end picked by search, the type chosen among those the
 * vocabulary allows between the two kinds (either direction), its role among the type's roles,
 * years, note, visibility and a citation.
 */
import { type FormEvent, useRef, useState } from "react";

import { VISIBILITIES } from "../../../core/access";
import type { NodeRef } from "../api";
import { createRelationship, type RelationshipFields, type WriteResult } from "../api/edit";
import { humanise, RELATIONSHIP_PHRASES } from "../graph";
import { SearchBox } from "../ui/SearchBox";
import { CITATION_FIELDS, emptyCitation, resolveCitation } from "./citation";
import { CitationPicker } from "./CitationPicker";
import { errorsOf, type FieldErrors } from "./errors";
import { Field } from "./Field";
import { outcomeText } from "./outcome";
import { useFocusInvalid } from "./use-focus-invalid";
import { tieKey, tieOptions } from "./tie-types";

interface Props {
  node: NodeRef;
  onDone(result: WriteResult): void;
}

const YEARS = ["year", "since", "until"] as const;
const FORM_FIELDS = ["other", "type", "role", "note", "visibility", ...YEARS, ...CITATION_FIELDS];

export function AddTieForm({ node, onDone }: Props) {
  const [other, setOther] = useState<NodeRef | null>(null);
  const [choice, setChoice] = useState("");
  const [values, setValues] = useState<Record<string, string>>({ visibility: "PUBLIC" });
  const [citation, setCitation] = useState(emptyCitation);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");
  const form = useRef<HTMLFormElement>(null);
  useFocusInvalid(form, errors);
  const options = other ? tieOptions(node.kind, other.kind) : [];
  const option = options.find((o) => tieKey(o) === choice);
  const set = (key: string) => (text: string) => setValues({ ...values, [key]: text });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (!other) return setErrors({ other: "Choose the other end from the suggestions." });
    if (!option) return setErrors({ type: "Choose a type of tie." });
    setBusy(true);
    try {
      const fields: RelationshipFields = { citations: [await resolveCitation(citation)] };
      for (const key of YEARS) if (values[key]?.trim()) fields[key] = Number(values[key]);
      if (values.role) fields.role = values.role;
      if (values.note?.trim()) fields.note = values.note.trim();
      if (values.visibility) fields.visibility = values.visibility as RelationshipFields["visibility"];
      const [source, target] = option.direction === "OUT" ? [node.id, other.id] : [other.id, node.id];
      const result = await createRelationship({ type: option.type, source, target, fields });
      setDone(outcomeText(result));
      onDone(result);
    } catch (error) {
      setErrors(errorsOf(error, FORM_FIELDS, { source: "other", target: "other" }));
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
    <form ref={form} className="edit-form" aria-label="New tie" onSubmit={(e) => void submit(e)} noValidate>
      <SearchBox
        label="Other end"
        visibleLabel
        value={other?.name}
        onPick={(_, picked) => {
          setOther(picked);
          setChoice("");
        }}
        onUnpick={() => setOther(null)}
      />
      {errors.other && <p className="field-error">{errors.other}</p>}
      <Field label="Type of tie" error={errors.type} hint={other ? undefined : "Pick the other end first: the types depend on both kinds."}>
        {(control) => (
          <select {...control} name="type" value={choice} disabled={!other} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{other && !options.length ? "No type joins these two kinds" : "Choose…"}</option>
            {options.map((o) => {
              // Said from the source's side: "MFA member of Asia network".
              const verb = RELATIONSHIP_PHRASES[o.type].out.toLowerCase();
              const [from, to] = o.direction === "OUT" ? [node.name, other?.name] : [other?.name, node.name];
              return (
                <option key={tieKey(o)} value={tieKey(o)}>
                  {from} {verb} {to}
                </option>
              );
            })}
          </select>
        )}
      </Field>
      {option && option.roles.length > 0 && (
        <Field label="Role" error={errors.role}>
          {(control) => (
            <select {...control} name="role" value={values.role ?? ""} onChange={(e) => set("role")(e.target.value)}>
              <option value="">—</option>
              {option.roles.map((r) => (
                <option key={r} value={r}>
                  {humanise(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="field-row">
        {YEARS.map((key) => (
          <Field key={key} label={humanise(key)} error={errors[key]}>
            {(control) => (
              <input {...control} name={key} inputMode="numeric" value={values[key] ?? ""} onChange={(e) => set(key)(e.target.value)} />
            )}
          </Field>
        ))}
      </div>
      <Field label="Note" error={errors.note}>
        {(control) => <input {...control} name="note" value={values.note ?? ""} onChange={(e) => set("note")(e.target.value)} />}
      </Field>
      <Field label="Who may see it" error={errors.visibility}>
        {(control) => (
          <select {...control} name="visibility" value={values.visibility} onChange={(e) => set("visibility")(e.target.value)}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {humanise(v)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CitationPicker value={citation} errors={errors} onChange={setCitation} />
      {errors[""] && (
        <p className="field-error" role="alert">
          {errors[""]}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Add tie"}
      </button>
    </form>
  );
}
