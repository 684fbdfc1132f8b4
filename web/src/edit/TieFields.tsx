/**
 * The fields of a tie that a person writes — role (among its type's roles), years, note and who may
 * see it — shared by "Add a tie" and "Edit tie"; and the RelationshipFields a write sends from them.
 */
import { VISIBILITIES } from "../../../core/access";
import type { RelationshipFields } from "../api/edit";
import { humanise } from "../graph";
import type { FieldErrors } from "./errors";
import { Field } from "./Field";

export const TIE_YEARS = ["year", "since", "until"] as const;
export const TIE_FIELDS = ["role", "note", "visibility", ...TIE_YEARS] as const;

export type TieValues = Record<string, string>;

interface Props {
  roles: readonly string[];
  values: TieValues;
  errors: FieldErrors;
  /** The saved values, when editing: a changed role says what it was. */
  base?: TieValues;
  /** An update may leave visibility as it is (the explorer does not read it). */
  visibilityEmpty?: string;
  onChange(values: TieValues): void;
}

export function TieFields({ roles, values, errors, base, visibilityEmpty, onChange }: Props) {
  const set = (key: string) => (text: string) => onChange({ ...values, [key]: text });
  const was = (key: string) => (base && base[key] && values[key] !== base[key] ? `Was: ${humanise(base[key])}` : undefined);
  return (
    <>
      {roles.length > 0 && (
        <Field label="Role" error={errors.role} hint={was("role")}>
          {(control) => (
            <select {...control} name="role" value={values.role ?? ""} onChange={(e) => set("role")(e.target.value)}>
              <option value="">—</option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {humanise(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="field-row">
        {TIE_YEARS.map((key) => (
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
          <select {...control} name="visibility" value={values.visibility ?? ""} onChange={(e) => set("visibility")(e.target.value)}>
            {visibilityEmpty && <option value="">{visibilityEmpty}</option>}
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {humanise(v)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/** A typed field as the API takes it: a year as a number (the server names a bad one), text trimmed. */
function valueOf(key: string, text: string): string | number {
  return (TIE_YEARS as readonly string[]).includes(key) ? Number(text) : text.trim();
}

/** The fields of a new tie: what was filled in. */
export function tieFieldsForCreate(values: TieValues): RelationshipFields {
  const fields: Record<string, unknown> = {};
  for (const key of TIE_FIELDS) if (values[key]?.trim()) fields[key] = valueOf(key, values[key]);
  return fields as RelationshipFields;
}

/** The fields of an update: what differs from `base`, a cleared field as null (removed); visibility only when chosen. */
export function tieFieldsForUpdate(values: TieValues, base: TieValues): RelationshipFields {
  const fields: Record<string, unknown> = {};
  for (const key of TIE_FIELDS) {
    const text = values[key]?.trim() ?? "";
    if (text === (base[key] ?? "")) continue;
    if (key === "visibility" && !text) continue;
    fields[key] = text ? valueOf(key, text) : null;
  }
  return fields as RelationshipFields;
}
