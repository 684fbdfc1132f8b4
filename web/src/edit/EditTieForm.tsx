/**
 * Edit a tie from Details' list: role, years, note, who may see it, and its citations (remove one,
 * add one with the citation picker). Its type and ends stay (a different tie is a new one). The
 * update names the version read; a CONFLICT says who changed the tie and offers to reload their
 * version while keeping what was typed, as for a node.
 */
import { useEffect, useState } from "react";

import { fetchNode, type NodeDetails, type NodeRelationship } from "../api";
import { fetchNodeVersions, type RelationshipFields, updateRelationship, type WriteResult } from "../api/edit";
import type { CitationInput } from "../api/gql/graphql";
import { CITATION_FIELDS, emptyCitation, resolveCitation } from "./citation";
import { CitationPicker } from "./CitationPicker";
import { ConflictNotice, conflictText, keepTyped } from "./Conflict";
import { Field, FormError, WriteDone } from "./Field";
import { TIE_FIELDS, TieFields, tieFieldsForUpdate, type TieValues } from "./TieFields";
import { tieOptions } from "./tie-types";
import { useSubmit } from "./use-submit";

interface Props {
  node: NodeDetails;
  tie: NodeRelationship;
  onDone(result: WriteResult): void;
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** The tie's saved values; visibility "" (unchanged: Details does not read it). */
const baseOf = (tie: NodeRelationship): TieValues => ({
  role: text(tie.role),
  year: text(tie.year),
  since: text(tie.since),
  until: text(tie.until),
  note: text(tie.note),
  visibility: "",
});

const citationOf = (c: NodeRelationship["citations"][number]): CitationInput => ({
  source: c.source.id,
  locator: c.locator,
  evidence: c.evidence,
});

export function EditTieForm({ node, tie: initial, onDone }: Props) {
  const [tie, setTie] = useState(initial);
  const [base, setBase] = useState(() => baseOf(initial));
  const [values, setValues] = useState(base);
  const [version, setVersion] = useState<number | null>(null);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  const [adding, setAdding] = useState(false);
  const [citation, setCitation] = useState(emptyCitation);
  const [comment, setComment] = useState("");
  const [conflict, setConflict] = useState<string | null>(null);
  const { form, busy, errors, setErrors, done, submit } = useSubmit({
    known: [...TIE_FIELDS, "citations", ...CITATION_FIELDS],
    onConflict: async (error) => setConflict(await conflictText(error, tie.id)),
    onDone,
  });
  const spec = tieOptions(node.kind, tie.other.kind).find((o) => o.type === tie.type && o.direction === tie.direction);
  const roles = [...new Set([...(spec?.roles ?? []), ...(tie.role ? [tie.role] : [])])];

  useEffect(() => {
    const controller = new AbortController();
    fetchNodeVersions(node.id, controller.signal).then(
      (v) => setVersion(v?.ties.get(initial.id) ?? null),
      () => {},
    );
    return () => controller.abort();
  }, [node.id, initial.id]);

  const write = async () => {
    if (version === null) return null;
    const fields: RelationshipFields = tieFieldsForUpdate(values, base);
    if (removed.size || adding) {
      const kept = tie.citations.filter((_, i) => !removed.has(i)).map(citationOf);
      fields.citations = adding ? [...kept, await resolveCitation(citation)] : kept;
    }
    if (!Object.keys(fields).length) {
      setErrors({ "": "Nothing changed." });
      return null;
    }
    return updateRelationship({ id: tie.id, version, fields, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };

  const reload = async () => {
    const [fresh, versions] = await Promise.all([fetchNode(node.id), fetchNodeVersions(node.id)]);
    const now = fresh?.relationships.find((r) => r.id === tie.id);
    const current = versions?.ties.get(tie.id);
    if (!now || current === undefined) return setErrors({ "": "The tie is gone: it was deleted meanwhile." });
    const next = baseOf(now);
    setValues((typed) => keepTyped(typed, base, next));
    setBase(next);
    setTie(now);
    setRemoved(new Set());
    setVersion(current);
    setConflict(null);
  };

  const toggle = (i: number) => setRemoved((set) => (set.has(i) ? new Set([...set].filter((j) => j !== i)) : new Set([...set, i])));

  if (done) return <WriteDone text={done} />;
  return (
    <form ref={form} className="edit-form" aria-label="Edit tie" onSubmit={(e) => void submit(e, write)} noValidate>
      <TieFields roles={roles} values={values} errors={errors} base={base} visibilityEmpty="Unchanged" onChange={setValues} />
      <fieldset className="tie-citations">
        <legend>Citations</legend>
        <ul>
          {tie.citations.map((c, i) => (
            <li key={`${c.source.id}:${i}`} className={removed.has(i) ? "removed" : undefined}>
              <span>
                {c.source.title}
                {c.locator ? `, ${c.locator}` : ""}: {c.evidence}
              </span>{" "}
              <button type="button" className="link" aria-pressed={removed.has(i)} onClick={() => toggle(i)}>
                {removed.has(i) ? "Keep" : "Remove"}
              </button>
            </li>
          ))}
        </ul>
        {errors.citations && <p className="field-error">{errors.citations}</p>}
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a citation
          </button>
        )}
      </fieldset>
      {adding && <CitationPicker value={citation} errors={errors} onChange={setCitation} />}
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
