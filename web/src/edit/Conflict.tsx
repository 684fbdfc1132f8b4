/**
 * A write against a stale version (CONFLICT): who changed the record meanwhile and which fields,
 * read from its history, and a button that takes their version as the new base while keeping what
 * was typed. Shared by the node and tie forms.
 */
import type { ApiError } from "../api";
import { type Change, fetchHistory } from "../api/edit";
import { diffChange } from "./diff";

/** "edna changed name, description (3 Dec, 12:04)." from the latest change of the record. */
function whoChanged(change: Change | undefined, id: string): string {
  if (!change) return "";
  const fields =
    diffChange(change.before, change.after)
      .find((d) => d.id === id)
      ?.fields.map((f) => f.field) ?? [];
  const when = new Date(change.at).toLocaleString();
  return `${change.actor} changed ${fields.length ? fields.join(", ") : "it"} (${when}).`;
}

/** The message of a CONFLICT on record `id`, saying who changed it. */
export async function conflictText(error: ApiError, id: string): Promise<string> {
  const latest = await fetchHistory(id).then(
    (h) => h[0],
    () => undefined,
  );
  return `${error.message}. ${whoChanged(latest, id)} Your values are kept below.`;
}

/** Beside Save, where the person just acted (the top of a long form may be scrolled away). */
export function ConflictNotice({ text, onReload }: { text: string | null; onReload(): void }) {
  if (!text) return null;
  return (
    <div className="edit-conflict" role="alert">
      <p>{text}</p>
      <button type="button" onClick={onReload}>
        Reload their version (keep my values)
      </button>
    </div>
  );
}

/** After a reload: fields typed here stay; the others take the values the other person saved. */
export function keepTyped(
  typed: Record<string, string>,
  base: Record<string, string>,
  next: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(Object.keys(next).map((k) => [k, typed[k] !== base[k] ? typed[k] : next[k]]));
}
