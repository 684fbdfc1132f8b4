/**
 * What a change did, field by field: a Change carries `before` and `after` as JSON lists of
 * `{ kind, id, state }` (state null: absent), where a state holds the record's stored properties.
 * Pure, so it tests without a browser.
 */

export interface FieldDiff {
  field: string;
  before: string;
  after: string;
}

export interface RecordDiff {
  kind: string;
  id: string;
  status: "added" | "removed" | "changed";
  fields: FieldDiff[];
}

interface Half {
  kind: string;
  id: string;
  state: { props?: Record<string, unknown>; type?: string; source?: string; target?: string } | null;
}

/** Bookkeeping the server keeps on every record, and what it derives (activity years): not what anyone edited. */
const HIDDEN = new Set(["version", "origin", "updatedAt", "createdAt", "changeId", "id", "activeFrom", "activeTo"]);

function show(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function propsOf(state: Half["state"]): Record<string, unknown> {
  if (!state) return {};
  const { props = {}, type, source, target } = state;
  return { ...(type ? { type, source, target } : {}), ...props };
}

export function diffChange(beforeJson: string, afterJson: string): RecordDiff[] {
  const before = JSON.parse(beforeJson) as Half[];
  const after = JSON.parse(afterJson) as Half[];
  return after.map((right, i) => {
    const left = before.find((b) => b.kind === right.kind && b.id === right.id) ?? before[i];
    const a = propsOf(left?.state ?? null);
    const b = propsOf(right.state);
    const status = !left?.state ? "added" : !right.state ? "removed" : "changed";
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !HIDDEN.has(k)).sort();
    const fields = keys.map((field) => ({ field, before: show(a[field]), after: show(b[field]) })).filter((f) => f.before !== f.after);
    return { kind: right.kind, id: right.id, status, fields };
  });
}
