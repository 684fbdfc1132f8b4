/**
 * A revert restores records exactly as they were, down to a missing property: bundled records
 * whose data names no visibility are stored without one, and reverting a user's update or delete
 * of them must not leave an explicit PUBLIC behind (it would read as someone's choice, and
 * re-loading data/ keeps a stored visibility over the file's).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../server/db/database.js";
import { revertChange, submit } from "../../server/write/index.js";
import { data } from "./_data.js";
import { editor, SHOWN_BY_STORIES, closeFreshAtlas, openFreshAtlas } from "./_write.js";

let db: Database;

beforeAll(async () => {
  db = await openFreshAtlas();
});
afterAll(() => closeFreshAtlas(db));

/** The stored properties of a node and of each of its ties, keyed by id. */
async function stored(id: string): Promise<Map<string, Record<string, unknown>>> {
  const { records } = await db.driver.executeQuery(
    "MATCH (n:Entity {id: $id}) OPTIONAL MATCH (n)-[r]-(:Entity) RETURN properties(n) AS node, collect(properties(r)) AS ties",
    { id },
    { database: db.database },
  );
  const found = new Map<string, Record<string, unknown>>();
  if (!records.length) return found;
  found.set(id, records[0].get("node") as Record<string, unknown>);
  for (const tie of records[0].get("ties") as Record<string, unknown>[]) found.set(String(tie.id), tie);
  return found;
}

const versionOf = async (id: string) => Number((await stored(id)).get(id)?.version ?? 1);

/** A bundled organisation with no visibility in data/, ties, and no story showing it (so it may be deleted). */
const subject = data.organisations.find(
  (o) =>
    o.visibility === undefined &&
    !SHOWN_BY_STORIES.has(o.id) &&
    data.relationships.some((r) => (r.source === o.id || r.target === o.id) && r.visibility === undefined),
)!;

describe("revertChange on records stored without a visibility", () => {
  it("starts from a bundled node and ties with no visibility property", async () => {
    expect(subject).toBeDefined();
    const records = await stored(subject.id);
    expect(records.size).toBeGreaterThan(1);
    expect([...records.values()].some((props) => "visibility" in props)).toBe(false);
  });

  it("leaves no visibility on a node after reverting an update of it", async () => {
    const update = await submit(db, editor, "updateNode", {
      id: subject.id,
      version: await versionOf(subject.id),
      fields: { description: "Edited, to be reverted." },
    });
    if (update.status !== "APPLIED") throw new Error("not applied");
    // The update itself stores the visibility the record reads as.
    expect((await stored(subject.id)).get(subject.id)?.visibility).toBe("PUBLIC");

    await revertChange(db, editor, update.change.id);
    const node = (await stored(subject.id)).get(subject.id)!;
    expect(node.description).toBe(subject.description);
    expect(node).not.toHaveProperty("visibility");
  });

  it("brings a deleted node and its ties back without a visibility", async () => {
    const before = await stored(subject.id);
    const deletion = await submit(db, editor, "deleteNode", { id: subject.id, version: await versionOf(subject.id), removeTies: true });
    if (deletion.status !== "APPLIED") throw new Error("not applied");
    expect((await stored(subject.id)).size).toBe(0);

    await revertChange(db, editor, deletion.change.id);
    const after = await stored(subject.id);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [id, props] of after) expect(props, id).not.toHaveProperty("visibility");
  });

  it("keeps a visibility the earlier state had", async () => {
    const version = await versionOf(subject.id);
    const hide = await submit(db, editor, "updateNode", { id: subject.id, version, fields: { visibility: "MEMBERS" } });
    if (hide.status !== "APPLIED") throw new Error("not applied");
    const edit = await submit(db, editor, "updateNode", {
      id: subject.id,
      version: version + 1,
      fields: { description: "Members only now." },
    });
    if (edit.status !== "APPLIED") throw new Error("not applied");
    await revertChange(db, editor, edit.change.id);
    expect((await stored(subject.id)).get(subject.id)?.visibility).toBe("MEMBERS");
  });
});
