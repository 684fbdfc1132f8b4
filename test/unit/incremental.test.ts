/** Applying a change to cached columns per visibility level, carrying a layout over, and live notices per level. */
import { describe, expect, it } from "vitest";

import { applyToColumns, carryLayout, type RecordDelta, type RecordState } from "../../server/cache/incremental.js";
import { edgeIdsOfColumns, EMPTY_COLUMNS, type SubgraphColumns } from "../../server/read/columns.js";
import { noticeFor } from "../../server/write/feed.js";

const node = (id: string, visibility?: string, name = id): RecordState => ({
  kind: "node",
  id,
  props: { id, kind: "ORGANISATION", name, ...(visibility ? { visibility } : {}) },
});
const tie = (source: string, target: string, visibility?: string): RecordState => ({
  kind: "relationship",
  id: `member_of:${source}:${target}:member`,
  type: "MEMBER_OF",
  source,
  target,
  props: { role: "MEMBER", ...(visibility ? { visibility } : {}) },
});
const delta = (before: RecordState | null, after: RecordState | null): RecordDelta => {
  const any = (before ?? after)!;
  return { kind: any.kind, id: any.id, before, after };
};

/** Columns holding `nodes` and `ties` (as the networkColumns query returns them, absent fields null). */
function columnsOf(nodes: RecordState[], ties: RecordState[]): SubgraphColumns {
  const empty = EMPTY_COLUMNS;
  const c = applyToColumns(
    empty,
    [...nodes.map((n) => delta(null, n)), ...ties.map((t) => delta(null, t))],
    ["PUBLIC", "MEMBERS", "EDITORS"],
  );
  return c!;
}

const PUBLIC = ["PUBLIC"] as const;
const EVERYTHING = ["PUBLIC", "MEMBERS", "EDITORS"] as const;

describe("applyToColumns", () => {
  const base = columnsOf([node("a"), node("b")], [tie("a", "b")]);

  it("adds, updates and removes nodes and ties without touching the cached columns", async () => {
    const frozen = JSON.stringify(base);
    const added = applyToColumns(base, [delta(null, node("c")), delta(null, tie("c", "a"))], PUBLIC)!;
    expect(added.nodes.id).toEqual(["a", "b", "c"]);
    expect(added.edges.source).toEqual(["a", "c"]);
    expect(added.nodes.scope).toEqual([null, null, null]);
    const renamed = applyToColumns(added, [delta(node("b"), node("b", undefined, "Bee"))], PUBLIC)!;
    expect(renamed.nodes.name).toEqual(["a", "Bee", "c"]);
    const removed = applyToColumns(renamed, [delta(tie("c", "a"), null), delta(node("c"), null)], PUBLIC)!;
    expect(removed.nodes.id).toEqual(["a", "b"]);
    expect(removed.edges.target).toEqual(["b"]);
    expect(JSON.stringify(base)).toBe(frozen);
  });

  it("copies only the columns a change alters, so derived answers of the others are reused", () => {
    const renamed = applyToColumns(base, [delta(node("b"), node("b", undefined, "Bee"))], PUBLIC)!;
    expect(renamed.nodes.name).not.toBe(base.nodes.name);
    expect(renamed.nodes.id).toBe(base.nodes.id);
    expect(renamed.nodes.kind).toBe(base.nodes.kind);
    expect(renamed.edges.source).toBe(base.edges.source);
    const tied = applyToColumns(base, [delta(null, tie("b", "a"))], PUBLIC)!;
    expect(tied.nodes.id).toBe(base.nodes.id);
    expect(tied.edges.target).toEqual(["b", "a"]);
    expect(base.edges.target).toEqual(["b"]);
  });

  it("keeps a hidden record out of a level that may not see it", () => {
    const next = applyToColumns(base, [delta(null, node("h", "EDITORS")), delta(null, tie("a", "h", "EDITORS"))], PUBLIC)!;
    expect(next.nodes.id).toEqual(["a", "b"]);
    expect(next.edges.source).toEqual(["a"]);
    const editors = applyToColumns(columnsOf([node("a"), node("b")], [tie("a", "b")]), [delta(null, node("h", "EDITORS"))], EVERYTHING)!;
    expect(editors.nodes.id).toContain("h");
  });

  it("drops a node that becomes hidden with the ties leaving it, and gives up on one that becomes visible", () => {
    const hidden = applyToColumns(base, [delta(node("a"), node("a", "MEMBERS"))], PUBLIC)!;
    expect(hidden.nodes.id).toEqual(["b"]);
    expect(hidden.edges.source).toEqual([]);
    // Its ties are in Neo4j, not in the change: only a rebuild can read them.
    expect(applyToColumns(hidden, [delta(node("a", "MEMBERS"), node("a"))], PUBLIC)).toBeUndefined();
  });

  it("carries the edge ids built for the earlier columns, equal to ids built afresh", () => {
    const before = columnsOf([node("a"), node("b"), node("c")], [tie("a", "b"), tie("b", "c")]);
    expect(edgeIdsOfColumns(before.edges)).toEqual(["member_of:a:b:member", "member_of:b:c:member"]);
    const next = applyToColumns(before, [delta(tie("a", "b"), null), delta(null, tie("c", "a")), delta(node("b"), null)], PUBLIC)!;
    expect(next.edges.id).toBeDefined();
    const carried = [...next.edges.id!];
    expect(carried).toEqual(["member_of:c:a:member"]);
    delete next.edges.id;
    expect(edgeIdsOfColumns(next.edges)).toEqual(carried);
  });

  it("gives up when the cache lacks a record it should hold", () => {
    expect(applyToColumns(base, [delta(node("z"), null)], PUBLIC)).toBeUndefined();
  });
});

describe("carryLayout", () => {
  it("keeps every position and places a new node at its neighbours' mean", () => {
    const xy = carryLayout(["a", "b"], [0, 0, 10, 20], { ids: ["a", "b", "c"], sources: [2, 2], targets: [0, 1] });
    expect(xy.slice(0, 4)).toEqual([0, 0, 10, 20]);
    expect(xy.slice(4)).toEqual([6, 11]);
  });
});

describe("noticeFor", () => {
  const change = (records: RecordDelta[]) => ({
    id: "c1",
    seq: 7,
    at: "2026-12-03T12:00:00Z",
    operation: "deleteNode",
    before: JSON.stringify(records.map((r) => ({ kind: r.kind, id: r.id, state: r.before }))),
    after: JSON.stringify(records.map((r) => ({ kind: r.kind, id: r.id, state: r.after }))),
  });

  it("names only the records the subscriber may see, and is nothing when it may see none", () => {
    const mixed = change([delta(tie("a", "h", "EDITORS"), null), delta(node("a"), null)]);
    expect(noticeFor(mixed, PUBLIC)).toEqual({
      id: "c1",
      version: 7,
      at: "2026-12-03T12:00:00Z",
      operation: "deleteNode",
      recordIds: ["a"],
    });
    expect(noticeFor(mixed, EVERYTHING)?.recordIds).toEqual(["member_of:a:h:member", "a"]);
    expect(noticeFor(change([delta(node("h", "MEMBERS"), null)]), PUBLIC)).toBeNull();
  });
});
