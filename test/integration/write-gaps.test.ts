/**
 * Edge cases of the write layer: an id taken by a hidden node does not reveal it, stories keep the
 * nodes they show, reverting a source's creation orphans no citation, and relationships are found by
 * id through the node index (never a scan of every relationship).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import { applyOperation, revertChange, reviewProposal, submit } from "../../server/write/index.js";
import { data } from "./_data.js";
import { citation, contributor, editor, closeFreshAtlas, openFreshAtlas } from "./_write.js";

let db: Database;

beforeAll(async () => {
  db = await openFreshAtlas();
});
afterAll(() => closeFreshAtlas(db));

const org = (id: string, visibility = "PUBLIC", citations = [citation()]) => ({
  id,
  kind: "ORGANISATION" as const,
  fields: { name: `Org ${id}`, type: "NGO", sector: "CIVIL_SOCIETY", scope: "LOCAL", visibility, citations },
});

/** The error a promise rejects with, with its API code. */
async function failure(promise: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error("expected the write to fail");
}

describe("createNode with an id a hidden node holds", () => {
  it("answers as for a free id, and creates the node under the id with a suffix", async () => {
    await applyOperation(db, "createNode", org("gap-hidden-union", "EDITORS"), { actor: editor });

    // A contributor (who cannot see EDITORS records) gets the same answer as for a free id.
    const hidden = await submit(db, contributor, "createNode", org("gap-hidden-union"));
    const free = await submit(db, contributor, "createNode", org("gap-free-union"));
    expect(hidden.status).toBe("PROPOSED");
    expect(free.status).toBe("PROPOSED");
    // An id the contributor can see taken is refused, naming the field.
    const visible = await failure(submit(db, contributor, "createNode", org(data.organisations[0].id)));
    expect(visible.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });

    // Accepted, it is applied as the contributor's write: the hidden node is untouched.
    if (hidden.status !== "PROPOSED") throw new Error("unreachable");
    const { change } = await reviewProposal(db, editor, hidden.proposal.id, "ACCEPT", null);
    expect(change!.recordIds).toHaveLength(1);
    expect(change!.recordIds[0]).toMatch(/^gap-hidden-union-[0-9a-f]{6}$/);
    const [stored] = await db.read(QUERIES.nodesByIds, { ids: ["gap-hidden-union"], visible: ["PUBLIC", "MEMBERS", "EDITORS"] });
    expect(stored.node).toMatchObject({ visibility: "EDITORS", version: 1 });
    const [created] = await db.read(QUERIES.nodesByIds, { ids: change!.recordIds, visible: ["PUBLIC"] });
    expect(created.node.name).toBe("Org gap-hidden-union");
  });
});

describe("nodes a story shows", () => {
  it("are not deleted nor merged away, and the refusal names the story", async () => {
    const [story] = await db.read(QUERIES.exportStories);
    const steps = JSON.parse(story.steps) as { focus: string[] }[];
    const shown = steps[0].focus[0];
    const [node] = await db.read(QUERIES.nodesByIds, { ids: [shown], visible: ["PUBLIC", "MEMBERS", "EDITORS"] });
    const version = Number(node.node.version ?? 1);

    const deleted = await failure(applyOperation(db, "deleteNode", { id: shown, version, removeTies: true }, { actor: editor }));
    expect(deleted.extensions).toMatchObject({ code: "CONFLICT", id: shown });
    expect(deleted.extensions.stories).toContain(story.id);
    expect(deleted.message).toContain(`'${story.title}' (${story.id})`);

    await applyOperation(db, "createNode", org("gap-merge-keeper"), { actor: editor });
    const merged = await failure(
      applyOperation(
        db,
        "mergeNodes",
        { keep: "gap-merge-keeper", keepVersion: 1, duplicate: shown, duplicateVersion: version },
        { actor: editor },
      ),
    );
    expect(merged.extensions).toMatchObject({ code: "CONFLICT", id: shown });
    expect(merged.message).toContain(story.id);
    // Nothing was written.
    const [still] = await db.read(QUERIES.nodesByIds, { ids: [shown], visible: ["PUBLIC", "MEMBERS", "EDITORS"] });
    expect(Number(still.node.version ?? 1)).toBe(version);
  });
});

describe("revertChange of a createSource", () => {
  const source = (id: string) => ({ id, title: `Report ${id}`, url: `https://example.org/${id}` });

  it("refuses while records cite the source, naming them, and reverts once none does", async () => {
    const created = await applyOperation(db, "createSource", source("gap-cited-report"), { actor: editor });
    const citing = [{ source: "gap-cited-report", locator: "p. 3", evidence: "The report names this group as a founding member." }];
    await applyOperation(db, "createNode", org("gap-citing-org", "PUBLIC", citing), { actor: editor });

    const refused = await failure(revertChange(db, editor, created.id));
    expect(refused.extensions).toMatchObject({ code: "CONFLICT", id: "gap-cited-report", citedBy: ["gap-citing-org"] });
    expect(refused.message).toContain("gap-citing-org");
    const [still] = await db.read(QUERIES.sourcesByIds, { ids: ["gap-cited-report"], visible: ["PUBLIC"] });
    expect(still.source.id).toBe("gap-cited-report");

    const unused = await applyOperation(db, "createSource", source("gap-unused-report"), { actor: editor });
    await revertChange(db, editor, unused.id);
    expect(await db.read(QUERIES.sourcesByIds, { ids: ["gap-unused-report"], visible: ["PUBLIC"] })).toEqual([]);
  });
});

describe("relationships by id", () => {
  /** Every operator of a query plan, depth first. */
  const operators = (plan: { operatorType: string; children: unknown[] }): string[] => [
    plan.operatorType,
    ...plan.children.flatMap((child) => operators(child as typeof plan)),
  ];

  it.each(["lockRelationships", "deleteRelationshipsById"])("%s seeks both ends by the node index", async (name) => {
    const { summary } = await db.driver.executeQuery(
      `EXPLAIN ${db.queries[name].text}`,
      { ids: ["member_of:a:b:member"] },
      { database: db.database },
    );
    const ops = operators(summary.plan as unknown as { operatorType: string; children: unknown[] });
    // NodeUniqueIndexSeek per end, or both ends in one MultiNodeIndexSeek: the planner picks by the statistics.
    expect(
      ops.some((op) => /^(NodeUniqueIndexSeek|MultiNodeIndexSeek)/.test(op)),
      ops.join(", "),
    ).toBe(true);
    expect(ops.filter((op) => /AllRelationshipsScan|RelationshipTypeScan|AllNodesScan|NodeByLabelScan/.test(op))).toEqual([]);
  });
});
