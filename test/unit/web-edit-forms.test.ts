/**
 * The pure parts of the delete, merge, tie and review UI: what a merge will do, which tie fields an
 * edit sends, citations in diffs as "Source title, locator: evidence" lines, and a proposal's fields.
 */
import { describe, expect, it } from "vitest";

import type { NodeDetails, NodeRelationship } from "../../web/src/api/queries.js";
import { diffChange } from "../../web/src/edit/diff.js";
import { mergePreview, mergeSummary } from "../../web/src/edit/merge-preview.js";
import { proposedFields, updatedRecord } from "../../web/src/edit/proposal-fields.js";
import { tieFieldsForCreate, tieFieldsForUpdate } from "../../web/src/edit/TieFields.js";
import { citedIn } from "../../web/src/edit/use-source-titles.js";

const ref = (id: string) => ({ id, name: id.toUpperCase(), kind: "ORGANISATION" as const });
const tie = (other: string, type = "MEMBER_OF", role: string | null = null): NodeRelationship => ({
  id: `${type.toLowerCase()}:x:${other}`,
  type: type as NodeRelationship["type"],
  direction: "OUT",
  role,
  other: ref(other),
  citations: [],
});
const node = (id: string, relationships: NodeRelationship[], aliases: string[] = []): NodeDetails => ({
  ...ref(id),
  aliases,
  citations: [],
  relationships,
});

describe("merge preview", () => {
  it("should count the duplicate's ties that move, join a tie the kept node has, or join the two", () => {
    const keep = node("keep", [tie("gcm"), tie("dup", "PARTNERS_WITH")]);
    const duplicate = node("dup", [tie("gcm"), tie("gcm", "MEMBER_OF", "FOUNDER"), tie("asia"), tie("keep", "PARTNERS_WITH")], ["Dup Org"]);
    const preview = mergePreview(keep, duplicate);
    expect(preview).toEqual({ move: 2, join: 1, drop: 1, aliases: ["DUP", "Dup Org"] });
    expect(mergeSummary(keep, duplicate, preview)).toEqual([
      "DUP will be deleted.",
      "Its 3 ties move to KEEP (1 of them join a tie KEEP already has, adding their citations).",
      "1 tie between the two is removed; their citations stay on KEEP.",
      "“DUP”, “Dup Org” become aliases of KEEP.",
      "History keeps the merge, and an editor can revert it there.",
    ]);
  });
  it("should say so when the duplicate has no ties", () => {
    const keep = node("keep", [], ["DUP"]);
    const duplicate = node("dup", []);
    expect(mergeSummary(keep, duplicate, mergePreview(keep, duplicate))).toContain("It has no ties to move.");
    expect(mergePreview(keep, duplicate).aliases).toEqual([]);
  });
});

describe("tie fields from the forms", () => {
  it("should send what was filled in for a new tie, years as numbers", () => {
    expect(tieFieldsForCreate({ role: "FOUNDER", since: "2004", until: "", note: " n ", visibility: "PUBLIC" })).toEqual({
      role: "FOUNDER",
      since: 2004,
      note: "n",
      visibility: "PUBLIC",
    });
  });
  it("should send only what changed in an update, a cleared field as null, visibility only when chosen", () => {
    const base = { role: "FOUNDER", since: "2004", until: "", year: "", note: "old", visibility: "" };
    expect(tieFieldsForUpdate({ ...base, since: "", until: "2020", note: "old" }, base)).toEqual({ since: null, until: 2020 });
    expect(tieFieldsForUpdate(base, base)).toEqual({});
    expect(tieFieldsForUpdate({ ...base, visibility: "EDITORS" }, base)).toEqual({ visibility: "EDITORS" });
  });
});

describe("citations in diffs", () => {
  const half = (props: Record<string, unknown> | null) => JSON.stringify([{ kind: "relationship", id: "t", state: props && { props } }]);
  const cites = (evidence: string[]) => ({
    citationSources: evidence.map(() => "report"),
    locators: evidence.map((_, i) => `p. ${i + 1}`),
    evidence,
    sources: ["report"],
  });
  it("should show citations as 'Source title, locator: evidence' lines, not the stored arrays", () => {
    const titles = (id: string) => (id === "report" ? "Annual report" : id);
    const [diff] = diffChange(half(cites(["Named."])), half(cites(["Named.", "Listed."])), titles);
    expect(diff.fields).toEqual([
      { field: "citations", before: "Annual report, p. 1: Named.", after: "Annual report, p. 1: Named.\nAnnual report, p. 2: Listed." },
    ]);
    expect(citedIn(half(cites(["a"])), half(null))).toEqual(["report"]);
  });
});

describe("a proposal's fields", () => {
  const titleOf = (id: string) => `Title of ${id}`;
  it("should list an update's fields beside their current values, citations as lines, without versions or comment", () => {
    const input = JSON.stringify({
      id: "mfa",
      version: 3,
      comment: "why",
      fields: { description: "New text", scope: "GLOBAL", citations: [{ source: "r1", locator: "p. 2", evidence: "Says so." }] },
    });
    expect(updatedRecord("updateNode", input)).toEqual({ node: "mfa" });
    expect(proposedFields(input, titleOf, { description: "Old text", scope: "REGIONAL", citations: [] })).toEqual([
      { field: "id", proposed: "mfa" },
      { field: "description", now: "Old text", proposed: "New text" },
      { field: "scope", now: "Regional", proposed: "Global" },
      { field: "citations", now: "", proposed: "Title of r1, p. 2: Says so." },
    ]);
  });
  it("should find the node holding a tie an update proposes to change, and show a removed field", () => {
    const input = JSON.stringify({ id: "member_of:mfa:gcm", version: 1, fields: { note: null } });
    expect(updatedRecord("updateRelationship", input)).toEqual({ node: "mfa", tie: "member_of:mfa:gcm" });
    expect(proposedFields(input, titleOf)).toEqual([
      { field: "id", proposed: "member_of:mfa:gcm" },
      { field: "note", proposed: "(removed)" },
    ]);
  });
});
