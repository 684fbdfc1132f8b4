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

/**
 * Bookkeeping the server keeps on every record, and what it derives (activity years, the set of
 * sources): not what anyone edited. The three parallel citation arrays are shown as `citations`.
 */
const HIDDEN = new Set([
  "version",
  "origin",
  "userChanged",
  "bundledHash",
  "updatedAt",
  "createdAt",
  "changeId",
  "id",
  "activeFrom",
  "activeTo",
  "sources",
  "citationSources",
  "locators",
  "evidence",
]);

/** A source's title by its id (the id itself while the titles are unknown). */
export type TitleOf = (source: string) => string;

/** A citation as a person reads it: "Source title, locator: evidence". */
export function citationLine(titleOf: TitleOf, c: { source: string; locator?: string; evidence?: string }): string {
  return `${titleOf(c.source)}${c.locator ? `, ${c.locator}` : ""}: ${c.evidence ?? ""}`;
}

/** A record's stored citations (three parallel arrays) as one line each. */
function citationLines(props: Record<string, unknown>, titleOf: TitleOf): string | undefined {
  const sources = props.citationSources;
  if (!Array.isArray(sources) || !sources.length) return undefined;
  const locators = (props.locators as string[] | undefined) ?? [];
  const evidence = (props.evidence as string[] | undefined) ?? [];
  return sources.map((source: string, i) => citationLine(titleOf, { source, locator: locators[i], evidence: evidence[i] })).join("\n");
}

function show(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(show).join(", ");
  return JSON.stringify(value);
}

function propsOf(state: Half["state"], titleOf: TitleOf): Record<string, unknown> {
  if (!state) return {};
  const { props = {}, type, source, target } = state;
  return { ...(type ? { type, source, target } : {}), ...props, citations: citationLines(props, titleOf) };
}

/** Each record's changed fields; citations as lines (see citationLine), one per citation. */
export function diffChange(beforeJson: string, afterJson: string, titleOf: TitleOf = (id) => id): RecordDiff[] {
  const before = JSON.parse(beforeJson) as Half[];
  const after = JSON.parse(afterJson) as Half[];
  return after.map((right, i) => {
    const left = before.find((b) => b.kind === right.kind && b.id === right.id) ?? before[i];
    const a = propsOf(left?.state ?? null, titleOf);
    const b = propsOf(right.state, titleOf);
    const status = !left?.state ? "added" : !right.state ? "removed" : "changed";
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !HIDDEN.has(k)).sort();
    const fields = keys.map((field) => ({ field, before: show(a[field]), after: show(b[field]) })).filter((f) => f.before !== f.after);
    return { kind: right.kind, id: right.id, status, fields };
  });
}
