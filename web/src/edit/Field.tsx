/**
 * One labelled form control with the server's error for it right below (linked by
 * aria-describedby, marked aria-invalid), so a screen reader reads the problem with the field.
 */
import { type ReactNode, useId } from "react";

import { humanise } from "../graph";
import type { FieldSpec } from "./node-fields";

interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface Props {
  label: string;
  error?: string;
  hint?: string;
  children(control: ControlProps): ReactNode;
}

export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const described = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": described || undefined, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="hint small">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A field of a node form, drawn from its spec. */
export function SpecField({
  spec,
  value,
  error,
  hint,
  emptyLabel = "—",
  onChange,
}: {
  spec: FieldSpec;
  value: string;
  error?: string;
  hint?: string;
  emptyLabel?: string;
  onChange(value: string): void;
}) {
  return (
    <Field label={spec.required ? `${spec.label} (required)` : spec.label} error={error} hint={hint}>
      {(control) =>
        spec.input === "choice" ? (
          <select {...control} name={spec.name} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{emptyLabel}</option>
            {spec.options!.map((o) => (
              <option key={o} value={o}>
                {humanise(o)}
              </option>
            ))}
          </select>
        ) : spec.input === "textarea" ? (
          <textarea {...control} name={spec.name} value={value} rows={3} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...control}
            name={spec.name}
            value={value}
            inputMode={spec.input === "year" ? "numeric" : undefined}
            required={spec.required}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/** An error about the whole form (no field of it named), under the form beside its button. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}

/** What became of a write: saved, or proposed for review. */
export function WriteDone({ text }: { text: string }) {
  return (
    <p className="edit-outcome" role="status">
      {text}
    </p>
  );
}
