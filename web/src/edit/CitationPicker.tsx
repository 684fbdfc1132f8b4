/**
 * The citation of a new record or tie: a source chosen among the atlas's sources or added (title,
 * URL, publisher, date), where in it (locator), and what it says (evidence, in the writer's words).
 */
import { useEffect, useState } from "react";

import { fetchSources, type SourceOption } from "../api/edit";
import { type CitationDraft, NEW_SOURCE } from "./citation";
import type { FieldErrors } from "./errors";
import { Field } from "./Field";

interface Props {
  value: CitationDraft;
  errors: FieldErrors;
  onChange(value: CitationDraft): void;
}

export function CitationPicker({ value, errors, onChange }: Props) {
  const [sources, setSources] = useState<SourceOption[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetchSources(controller.signal).then(setSources, () => setSources([]));
    return () => controller.abort();
  }, []);
  const set = (key: keyof CitationDraft) => (text: string) => onChange({ ...value, [key]: text });
  const text = (key: keyof CitationDraft, label: string, options: { hint?: string; type?: string } = {}) => (
    <Field label={label} error={errors[key]} hint={options.hint}>
      {(control) => (
        <input {...control} name={`citation-${key}`} type={options.type} value={value[key]} onChange={(e) => set(key)(e.target.value)} />
      )}
    </Field>
  );

  return (
    <fieldset className="citation-picker">
      <legend>Citation (required)</legend>
      <Field label="Source" error={errors.source}>
        {(control) => (
          <select {...control} name="citation-source" value={value.source} onChange={(e) => set("source")(e.target.value)}>
            <option value="">Choose a source…</option>
            <option value={NEW_SOURCE}>A new source (document or web page)…</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
                {s.year ? ` (${s.year})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.source === NEW_SOURCE && (
        <div className="new-source">
          {text("title", "Title of the source")}
          {text("url", "Address (URL)", { type: "url" })}
          {text("publisher", "Publisher")}
          {text("date", "Date published", { hint: "Such as 2024-03-01, or a year." })}
        </div>
      )}
      {text("locator", "Where in it", { hint: "A page, section heading or table." })}
      <Field label="What it says, in your words" error={errors.evidence}>
        {(control) => (
          <textarea
            {...control}
            name="citation-evidence"
            rows={2}
            value={value.evidence}
            onChange={(e) => set("evidence")(e.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
