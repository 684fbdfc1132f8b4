/**
 * Add a tie from Details: the other end picked by search, the type chosen among those the
 * vocabulary allows between the two kinds (either direction), its role among the type's roles,
 * years, note, visibility and a citation.
 */
import { useState } from "react";

import type { NodeRef } from "../api";
import { createRelationship, type WriteResult } from "../api/edit";
import { RELATIONSHIP_PHRASES } from "../graph";
import { SearchBox } from "../ui/SearchBox";
import { CITATION_FIELDS, emptyCitation, resolveCitation } from "./citation";
import { CitationPicker } from "./CitationPicker";
import { formError } from "./errors";
import { Field, FormError, WriteDone } from "./Field";
import { TIE_FIELDS, TieFields, tieFieldsForCreate, type TieValues } from "./TieFields";
import { tieKey, tieOptions } from "./tie-types";
import { useSubmit } from "./use-submit";

interface Props {
  node: NodeRef;
  onDone(result: WriteResult): void;
}

export function AddTieForm({ node, onDone }: Props) {
  const [other, setOther] = useState<NodeRef | null>(null);
  const [choice, setChoice] = useState("");
  const [values, setValues] = useState<TieValues>({ visibility: "PUBLIC" });
  const [citation, setCitation] = useState(emptyCitation);
  const { form, busy, errors, done, submit } = useSubmit({
    known: ["other", "type", ...TIE_FIELDS, ...CITATION_FIELDS],
    aliases: { source: "other", target: "other" },
    onDone,
  });
  const options = other ? tieOptions(node.kind, other.kind) : [];
  const option = options.find((o) => tieKey(o) === choice);

  const write = async () => {
    if (!other) throw formError("other", "Choose the other end from the suggestions.");
    if (!option) throw formError("type", "Choose a type of tie.");
    const fields = { ...tieFieldsForCreate(values), citations: [await resolveCitation(citation)] };
    const [source, target] = option.direction === "OUT" ? [node.id, other.id] : [other.id, node.id];
    return createRelationship({ type: option.type, source, target, fields });
  };

  if (done) return <WriteDone text={done} />;
  return (
    <form ref={form} className="edit-form" aria-label="New tie" onSubmit={(e) => void submit(e, write)} noValidate>
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
      <TieFields roles={option?.roles ?? []} values={values} errors={errors} onChange={setValues} />
      <CitationPicker value={citation} errors={errors} onChange={setCitation} />
      <FormError message={errors[""]} />
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Add tie"}
      </button>
    </form>
  );
}
