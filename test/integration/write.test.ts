import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { VISIBILITIES } from "../../core/access.js";
import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import { applyOperation, changesPage, historyOf, listProposals, reviewProposal, revertChange, submit } from "../../server/write/index.js";
import { commit } from "../../server/write/store.js";
import { planCreateNode } from "../../server/write/nodes.js";
import { connectTestDb } from "../_helpers.js";
import { data } from "./_data.js";
import { citation, contributor, editor, reader, resetAtlas, SHOWN_BY_STORIES } from "./_write.js";

let db: Database;

beforeAll(async () => {
  db = await connectTestDb();
});
beforeEach(() => resetAtlas(db));
afterAll(async () => {
  await resetAtlas(db);
  await db.close();
});

const NEW_ORG = {
  id: "harbour-workers-union",
  kind: "ORGANISATION" as const,
  fields: {
    name: "Harbour Workers Union",
    type: "TRADE_UNION",
    sector: "LABOUR",
    scope: "LOCAL",
    country: "PH",
    citations: [citation("The union is named among the local affiliates of the coalition.")],
  },
};

async function nodeProps(id: string): Promise<Record<string, unknown> | undefined> {
  const { records } = await db.driver.executeQuery(
    "MATCH (n:Entity {id: $id}) RETURN properties(n) AS p",
    { id },
    { database: db.database },
  );
  return records[0]?.get("p");
}

/** The code of the GraphQL error a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? `thrown: ${(error as Error).message}`;
  }
  return undefined;
}

const count = async (cypher: string) => (await db.driver.executeQuery(cypher, {}, { database: db.database })).records[0].get(0) as number;

describe("write layer", () => {
  it("should create a cited node with version 1, origin user and a Change, and bump the data version", async () => {
    const [{ version: before }] = await db.read(QUERIES.datasetMeta);
    const outcome = await submit(db, editor, "createNode", NEW_ORG, "adding the union from the 2024 report");
    expect(outcome.status).toBe("APPLIED");
    const props = await nodeProps(NEW_ORG.id);
    expect(props).toMatchObject({
      name: "Harbour Workers Union",
      version: 1,
      origin: "user",
      visibility: "PUBLIC",
      region: "ASIA_PACIFIC",
    });
    expect(props?.evidence).toEqual([NEW_ORG.fields.citations[0].evidence]);
    const [{ version: after }] = await db.read(QUERIES.datasetMeta);
    expect(after).toBe(before + 1);
    const history = await historyOf(db, null, NEW_ORG.id);
    expect(history.map((c) => [c.operation, c.actor, c.comment])).toEqual([
      ["createNode", "edna", "adding the union from the 2024 report"],
    ]);
    expect(JSON.parse(history[0].before)).toEqual([{ kind: "node", id: NEW_ORG.id, state: null }]);
  });

  it("should refuse input the rules of data/ refuse, naming the field", async () => {
    const bad = (fields: Record<string, unknown>) =>
      submit(db, editor, "createNode", { ...NEW_ORG, fields: { ...NEW_ORG.fields, ...fields } });
    await expect(bad({ citations: [] })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "fields.citations" } });
    await expect(bad({ sector: "PIRATES" })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "fields.sector" } });
    await expect(bad({ series: "GFMD" })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "fields.series" } });
    await expect(bad({ country: "XX" })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "fields.country" } });
    await expect(bad({ citations: [{ ...citation(), source: "no-such-document" }] })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "fields.citations" },
    });
    const org = data.organisations[0].id;
    await expect(submit(db, editor, "createNode", { ...NEW_ORG, id: org })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "id" },
    });
    // A tie of a type the two ends' kinds do not allow.
    const issue = data.issues[0].id;
    await expect(
      submit(db, editor, "createRelationship", { type: "MEMBER_OF", source: org, target: issue, fields: { citations: [citation()] } }),
    ).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "target" } });
    expect(await count("MATCH (c:Change) RETURN count(c)")).toBe(0);
  });

  it("should refuse a stale version with CONFLICT naming the record and its current version", async () => {
    const id = data.organisations[0].id;
    await submit(db, editor, "updateNode", { id, version: 1, fields: { description: "First edit, in our words." } });
    const stale = submit(db, editor, "updateNode", { id, version: 1, fields: { description: "Second edit." } });
    await expect(stale).rejects.toMatchObject({ extensions: { code: "CONFLICT", id, currentVersion: 2 } });
    expect((await nodeProps(id))?.description).toBe("First edit, in our words.");
    expect((await nodeProps(id))?.userChanged).toBe(true);
  });

  it("should let exactly one of two concurrent writes against one version win", async () => {
    const id = data.organisations[1].id;
    const results = await Promise.allSettled(
      ["Edit A.", "Edit B."].map((description) => submit(db, editor, "updateNode", { id, version: 1, fields: { description } })),
    );
    const codes = results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as { extensions?: { code?: string } }).extensions?.code));
    expect(codes.sort()).toEqual(["CONFLICT", "ok"]);
    expect((await nodeProps(id))?.version).toBe(2);
    expect((await historyOf(db, editor, id)).length).toBe(1);
  });

  it("should leave nothing behind when a write fails mid-transaction", async () => {
    const [{ version: before }] = await db.read(QUERIES.datasetMeta);
    const failing = db.writeTransaction(async (run) => {
      await commit(run, "createNode", await planCreateNode(run, NEW_ORG, editor), { actor: editor });
      throw new Error("the server died after writing the node and its change");
    });
    await expect(failing).rejects.toThrow("the server died");
    expect(await nodeProps(NEW_ORG.id)).toBeUndefined();
    expect(await count("MATCH (c:Change) RETURN count(c)")).toBe(0);
    expect((await db.read(QUERIES.datasetMeta))[0].version).toBe(before);
  });

  it("should refuse to delete a node with ties unless told to remove them, then remove them all", async () => {
    // The organisation with the most ties among those no story shows (stories keep theirs).
    const tiesOf = (id: string) => data.relationships.filter((r) => r.source === id || r.target === id).length;
    const id = data.organisations
      .map((o) => o.id)
      .filter((o) => !SHOWN_BY_STORIES.has(o))
      .sort((a, b) => tiesOf(b) - tiesOf(a))[0];
    const ties = tiesOf(id);
    expect(ties).toBeGreaterThan(0);
    await expect(submit(db, editor, "deleteNode", { id, version: 1 })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "removeTies" },
    });
    const outcome = await submit(db, editor, "deleteNode", { id, version: 1, removeTies: true });
    expect(outcome.status === "APPLIED" && outcome.change.recordIds.length).toBe(ties + 1);
    expect(await nodeProps(id)).toBeUndefined();
    const { records } = await db.driver.executeQuery(
      "MATCH (t:Tombstone {id: $id}) RETURN count(t) AS n",
      { id },
      { database: db.database },
    );
    expect(records[0].get("n")).toBe(1);
    // Reverting the deletion brings the node back and forgets its tombstone.
    if (outcome.status !== "APPLIED") throw new Error("the deletion was not applied");
    await revertChange(db, editor, outcome.change.id);
    expect(await nodeProps(id)).toBeDefined();
    const after = await db.driver.executeQuery("MATCH (t:Tombstone {id: $id}) RETURN count(t) AS n", { id }, { database: db.database });
    expect(after.records[0].get("n")).toBe(0);
  });

  it("should merge a duplicate into a node, keeping every tie, alias and citation", async () => {
    const mfaInGcm = data.relationships.find((r) => r.type === "MEMBER_OF" && r.source === "mfa" && r.target === "gcm")!;
    await submit(db, editor, "createNode", {
      ...NEW_ORG,
      id: "mfa-duplicate",
      fields: { ...NEW_ORG.fields, name: "Migrant Forum Asia (dup)" },
    });
    await submit(db, editor, "createRelationship", {
      type: "MEMBER_OF",
      source: "mfa-duplicate",
      target: "gcm",
      fields: { role: mfaInGcm.role, citations: [citation("The duplicate entry says it belongs to the GCM.")] },
    });
    await submit(db, editor, "createRelationship", {
      type: "PARTNERS_WITH",
      source: "mfa-duplicate",
      target: "mfa",
      fields: { citations: [citation("A partnership between the two entries, which are one body.")] },
    });
    const evidenceOf = async () =>
      (
        await db.driver.executeQuery(
          "MATCH (n:Entity) WHERE n.id IN ['mfa', 'mfa-duplicate'] RETURN n.evidence AS e UNION ALL MATCH (n:Entity)-[r]-() WHERE n.id IN ['mfa', 'mfa-duplicate'] RETURN DISTINCT r.evidence AS e",
          {},
          { database: db.database },
        )
      ).records.flatMap((r) => r.get("e") as string[]);
    const allEvidence = new Set(await evidenceOf());
    expect(allEvidence).toContain("A partnership between the two entries, which are one body.");
    const outcome = await submit(db, editor, "mergeNodes", {
      keep: "mfa",
      keepVersion: 1,
      duplicate: "mfa-duplicate",
      duplicateVersion: 1,
    });
    expect(outcome.status).toBe("APPLIED");
    expect(await nodeProps("mfa-duplicate")).toBeUndefined();
    const mfa = await nodeProps("mfa");
    expect(mfa?.aliases).toContain("Migrant Forum Asia (dup)");
    expect(new Set(await evidenceOf())).toEqual(allEvidence);
    // The MEMBER_OF tie to the GCM the duplicate had joined mfa's own, with both citations.
    const { records } = await db.driver.executeQuery(
      "MATCH (:Entity {id: 'mfa'})-[r:MEMBER_OF]->(:Entity {id: 'gcm'}) RETURN r.evidence AS e",
      {},
      {
        database: db.database,
      },
    );
    expect(records.length).toBe(1);
    expect(records[0].get("e")).toContain("The duplicate entry says it belongs to the GCM.");
  });

  it("should revert a change, and refuse with CONFLICT when a later change touched the record", async () => {
    const created = await submit(db, editor, "createNode", NEW_ORG);
    if (created.status !== "APPLIED") throw new Error("not applied");
    const edited = await submit(db, editor, "updateNode", { id: NEW_ORG.id, version: 1, fields: { description: "Edited later." } });
    if (edited.status !== "APPLIED") throw new Error("not applied");
    expect(await codeOf(revertChange(db, editor, created.change.id))).toBe("CONFLICT");
    await revertChange(db, editor, edited.change.id);
    expect((await nodeProps(NEW_ORG.id))?.description).toBeUndefined();
    expect((await nodeProps(NEW_ORG.id))?.version).toBe(3);
    // Reverting the same change twice is a conflict: the revert was a later change.
    expect(await codeOf(revertChange(db, editor, edited.change.id))).toBe("CONFLICT");
    const latest = await historyOf(db, editor, NEW_ORG.id);
    expect(latest.map((c) => c.operation)).toEqual(["revertChange", "updateNode", "createNode"]);
  });

  it("should turn a contributor's write into a proposal that an editor accepts as a change credited to both", async () => {
    const outcome = await submit(db, contributor, "createNode", NEW_ORG, "my union");
    expect(outcome.status).toBe("PROPOSED");
    expect(await nodeProps(NEW_ORG.id)).toBeUndefined();
    const [mine] = await listProposals(db, contributor, "PENDING");
    expect(mine).toMatchObject({ status: "PENDING", author: "connie", operation: "createNode" });
    expect(await listProposals(db, { ...contributor, userId: "someone-else", username: "other" }, null)).toEqual([]);
    expect(await codeOf(listProposals(db, reader, null))).toBe("FORBIDDEN");
    expect(await codeOf(reviewProposal(db, contributor, mine.id, "ACCEPT", null))).toBe("FORBIDDEN");
    const review = await reviewProposal(db, editor, mine.id, "ACCEPT", "checked the report");
    expect(review.proposal.status).toBe("ACCEPTED");
    expect(review.change).toMatchObject({ actor: "connie", reviewer: "edna", comment: "my union" });
    expect((await nodeProps(NEW_ORG.id))?.name).toBe("Harbour Workers Union");
    expect(await codeOf(reviewProposal(db, editor, mine.id, "REJECT", null))).toBe("CONFLICT");
    const [change] = await historyOf(db, null, NEW_ORG.id);
    expect([change.actor, change.reviewer]).toEqual(["connie", "edna"]);
  });

  it("should leave a rejected proposal unapplied, and a stale one pending with CONFLICT", async () => {
    const id = data.organisations[2].id;
    await submit(db, contributor, "updateNode", { id, version: 1, fields: { description: "Contributor's edit." } });
    await submit(db, contributor, "createNode", NEW_ORG);
    const [create, update] = (await listProposals(db, editor, "PENDING")).sort((a, b) => a.operation.localeCompare(b.operation));
    await submit(db, editor, "updateNode", { id, version: 1, fields: { description: "Editor's edit first." } });
    expect(await codeOf(reviewProposal(db, editor, update.id, "ACCEPT", null))).toBe("CONFLICT");
    expect((await listProposals(db, editor, "PENDING")).length).toBe(2);
    await reviewProposal(db, editor, create.id, "REJECT", "no source for this");
    expect(await nodeProps(NEW_ORG.id)).toBeUndefined();
    expect((await listProposals(db, contributor, "REJECTED")).map((p) => p.reviewComment)).toEqual(["no source for this"]);
  });

  it("should answer the role matrix: anonymous UNAUTHENTICATED, reader FORBIDDEN, contributor proposes, editor applies", async () => {
    const org = data.organisations[3].id;
    // Stories keep the nodes they show: the duplicate is one no story shows.
    const duplicate = data.organisations.map((o) => o.id).find((id) => id !== org && !SHOWN_BY_STORIES.has(id))!;
    const writes = [
      ["createNode", NEW_ORG],
      ["updateNode", { id: org, version: 1, fields: { description: "An edit." } }],
      ["deleteNode", { id: org, version: 1, removeTies: true }],
      ["mergeNodes", { keep: org, keepVersion: 1, duplicate, duplicateVersion: 1 }],
      ["createRelationship", { type: "PARTNERS_WITH", source: org, target: "mfa", fields: { citations: [citation()] } }],
      [
        "createSource",
        { id: "harbour-report-2024", title: "Harbour report", url: "https://example.org/report", publisher: "Example", date: "2024-03-01" },
      ],
    ] as const;
    for (const [name, input] of writes) {
      expect(await codeOf(submit(db, null, name, input as never)), name).toBe("UNAUTHENTICATED");
      expect(await codeOf(submit(db, reader, name, input as never)), name).toBe("FORBIDDEN");
      expect((await submit(db, contributor, name, input as never)).status, name).toBe("PROPOSED");
    }
    expect(await count("MATCH (c:Change) RETURN count(c)")).toBe(0);
    for (const [name, input] of writes.filter(([name]) => name !== "deleteNode" && name !== "mergeNodes"))
      expect((await submit(db, editor, name, input as never)).status, name).toBe("APPLIED");
    expect(await codeOf(revertChange(db, contributor, "any"))).toBe("FORBIDDEN");
    expect(await codeOf(revertChange(db, null, "any"))).toBe("UNAUTHENTICATED");
  });

  it("should update and delete relationships by version", async () => {
    const tie = data.relationships.find((r) => r.source === "mfa")!;
    const [{ relationship }] = (await db.read(QUERIES.relationshipsOfNodes, { ids: ["mfa"], visible: VISIBILITIES })).filter(
      (r) => r.relationship.type === tie.type,
    );
    await submit(db, editor, "updateRelationship", { id: relationship.id, version: 1, fields: { note: "through its secretariat" } });
    expect(await codeOf(submit(db, editor, "deleteRelationship", { id: relationship.id, version: 1 }))).toBe("CONFLICT");
    await submit(db, editor, "deleteRelationship", { id: relationship.id, version: 2 });
    expect(await codeOf(submit(db, editor, "deleteRelationship", { id: relationship.id, version: 2 }))).toBe("NOT_FOUND");
    expect((await historyOf(db, null, relationship.id)).map((c) => c.operation)).toEqual(["deleteRelationship", "updateRelationship"]);
  });

  it("should page through the atlas's changes by cursor, actor and time", async () => {
    const start = new Date().toISOString();
    for (const [i, org] of data.organisations.slice(0, 5).entries())
      await applyOperation(
        db,
        "updateNode",
        { id: org.id, version: 1, fields: { description: `Edit ${i}.` } },
        { actor: i % 2 ? editor : { ...editor, username: "other" } },
      );
    const first = await changesPage(db, null, { first: 2 });
    expect(first.changes.length).toBe(2);
    expect(first.hasNextPage).toBe(true);
    const rest = await changesPage(db, null, { first: 10, after: first.endCursor });
    expect(rest.hasNextPage).toBe(false);
    expect([...first.changes, ...rest.changes].map((c) => c.recordIds[0])).toEqual(
      data.organisations
        .slice(0, 5)
        .map((o) => o.id)
        .reverse(),
    );
    expect((await changesPage(db, null, { actor: "edna" })).changes.length).toBe(2);
    expect((await changesPage(db, null, { since: start })).changes.length).toBe(5);
    expect((await changesPage(db, null, { since: new Date(Date.now() + 60_000).toISOString() })).changes.length).toBe(0);
  });
});
