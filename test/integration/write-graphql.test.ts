import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, type Credentials, createUser, graphqlAs, removeTestUsers } from "./_auth.js";
import { data } from "./_data.js";
import { citation, resetAtlas, SHOWN_BY_STORIES } from "./_write.js";

let db: Database;
let app: App;
const as: Record<"anonymous" | "reader" | "contributor" | "editor", Credentials> = {
  anonymous: null,
  reader: null,
  contributor: null,
  editor: null,
};

beforeAll(async () => {
  db = await connectTestDb();
  await resetAtlas(db);
  app = createApp(db);
  for (const role of ["reader", "contributor", "editor"] as const) as[role] = await bearerFor(db, await createUser(db, role));
});
afterAll(async () => {
  await removeTestUsers(db);
  await resetAtlas(db);
  await db.close();
});

const RESULT = "{ status change { id actor reviewer operation recordIds } proposal { id status author } }";
const [org, other] = data.organisations.map((o) => o.id);
/** Merged away below: one no story shows (stories keep the nodes they show). */
const third = data.organisations.map((o) => o.id).find((id) => id !== org && id !== other && !SHOWN_BY_STORIES.has(id))!;

/** Every mutation, with an input a contributor or editor may send (run in this order by an editor). */
const MUTATIONS: [name: string, input: Record<string, unknown>][] = [
  [
    "createSource",
    { id: "harbour-report-2024", title: "Harbour report", url: "https://example.org/harbour", publisher: "Example", date: "2024-03" },
  ],
  [
    "createNode",
    {
      id: "harbour-workers-union",
      kind: "ORGANISATION",
      fields: {
        name: "Harbour Workers Union",
        type: "TRADE_UNION",
        sector: "LABOUR",
        scope: "LOCAL",
        citations: [{ source: "harbour-report-2024", locator: "p. 2", evidence: "The report names the union as a new local member." }],
      },
    },
  ],
  [
    "createRelationship",
    { type: "MEMBER_OF", source: "harbour-workers-union", target: "mfa", fields: { role: "MEMBER", citations: [citation()] } },
  ],
  ["updateRelationship", { id: "member_of:harbour-workers-union:mfa:member", version: 1, fields: { since: 2024 } }],
  ["deleteRelationship", { id: "member_of:harbour-workers-union:mfa:member", version: 2 }],
  ["updateNode", { id: org, version: 1, fields: { description: "Edited through the API." }, comment: "clearer wording" }],
  ["mergeNodes", { keep: other, keepVersion: 1, duplicate: third, duplicateVersion: 1 }],
  ["deleteNode", { id: "harbour-workers-union", version: 1, removeTies: true }],
];

const mutation = (name: string) => `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) ${RESULT} }`;

describe("edits over GraphQL", () => {
  it("should answer every mutation by role: anonymous 401, reader 403, contributor a proposal, editor applied", async () => {
    for (const [name, input] of MUTATIONS) {
      const anonymous = await graphqlAs(app, as.anonymous, mutation(name), { input });
      expect([name, anonymous.status, anonymous.body.errors?.[0].extensions?.code]).toEqual([name, 401, "UNAUTHENTICATED"]);
      const reader = await graphqlAs(app, as.reader, mutation(name), { input });
      expect([name, reader.status, reader.body.errors?.[0].extensions?.code]).toEqual([name, 403, "FORBIDDEN"]);
    }
    // A contributor's write is checked now and stored: the first one (later ones depend on earlier ones applied).
    const [name, input] = MUTATIONS[0];
    const proposed = await graphqlAs<Record<string, { status: string; proposal: { status: string } }>>(
      app,
      as.contributor,
      mutation(name),
      { input },
    );
    expect(proposed.body.data?.[name]).toMatchObject({ status: "PROPOSED", proposal: { status: "PENDING" } });
    for (const [name, input] of MUTATIONS) {
      const applied = await graphqlAs<Record<string, { status: string; change: { operation: string } }>>(app, as.editor, mutation(name), {
        input,
      });
      expect([name, applied.body.errors ?? applied.body.data?.[name]]).toMatchObject([
        name,
        { status: "APPLIED", change: { operation: name } },
      ]);
    }
    const revert = await graphqlAs(app, as.contributor, `mutation { revertChange(id: "x") { id } }`);
    expect([revert.status, revert.body.errors?.[0].extensions?.code]).toEqual([403, "FORBIDDEN"]);
  });

  it("should answer a stale version with 409 CONFLICT naming the record and its version, and bad input naming the field", async () => {
    const stale = await graphqlAs(app, as.editor, mutation("updateNode"), {
      input: { id: org, version: 1, fields: { description: "Late." } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT", id: org, currentVersion: 2 } });
    const bad = await graphqlAs(app, as.editor, mutation("updateNode"), { input: { id: org, version: 2, fields: { forumKind: "UN" } } });
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "fields.forumKind" } });
    const missing = await graphqlAs(app, as.editor, mutation("updateNode"), { input: { id: "no-such-node", version: 1, fields: {} } });
    expect(missing.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("should show a new node in the network answer right after the write (caches keyed by the data version)", async () => {
    const network = `{ network { nodes { id version } } }`;
    const before = await graphqlAs<{ network: { nodes: { id: string }[] } }>(app, null, network);
    expect(before.body.data?.network.nodes.map((n) => n.id)).not.toContain("river-workers-union");
    await graphqlAs(app, as.editor, mutation("createNode"), {
      input: {
        id: "river-workers-union",
        kind: "ORGANISATION",
        fields: { name: "River Workers Union", type: "TRADE_UNION", sector: "LABOUR", scope: "LOCAL", citations: [citation()] },
      },
    });
    const after = await graphqlAs<{ network: { nodes: { id: string; version: number }[] } }>(app, null, network);
    expect(after.body.data?.network.nodes.find((n) => n.id === "river-workers-union")).toEqual({ id: "river-workers-union", version: 1 });
  });

  it("should accept a contributor's proposal as a change credited to both, shown in history and changes", async () => {
    const input = {
      id: "delta-workers-union",
      kind: "ORGANISATION",
      fields: { name: "Delta Workers Union", type: "TRADE_UNION", sector: "LABOUR", scope: "LOCAL", citations: [citation()] },
    };
    const proposed = await graphqlAs<{ createNode: { proposal: { id: string } } }>(app, as.contributor, mutation("createNode"), { input });
    const id = proposed.body.data!.createNode.proposal.id;
    const mine = await graphqlAs<{ proposals: { id: string; status: string }[] }>(
      app,
      as.contributor,
      `{ proposals(status: PENDING) { id status } }`,
    );
    expect(mine.body.data?.proposals.map((p) => p.id)).toContain(id);
    const reviewed = await graphqlAs<{ reviewProposal: { status: string; change: { actor: string; reviewer: string } } }>(
      app,
      as.editor,
      `mutation ($id: ID!) { reviewProposal(id: $id, decision: ACCEPT, comment: "checked") { status change { actor reviewer } } }`,
      { id },
    );
    expect(reviewed.body.data?.reviewProposal.status).toBe("ACCEPTED");
    const history = await graphqlAs<{ history: { actor: string; reviewer: string; operation: string }[] }>(
      app,
      null,
      `{ history(id: "delta-workers-union") { actor reviewer operation } }`,
    );
    const [change] = history.body.data!.history;
    expect(change.operation).toBe("createNode");
    expect(change.actor).toMatch(/^t-contributor-/);
    expect(change.reviewer).toMatch(/^t-editor-/);
    const page = await graphqlAs<{ changes: { edges: { node: { recordIds: string[] } }[]; pageInfo: { hasNextPage: boolean } } }>(
      app,
      null,
      `{ changes(first: 1) { edges { cursor node { recordIds } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(page.body.data?.changes.edges[0].node.recordIds).toEqual(["delta-workers-union"]);
    expect(page.body.data?.changes.pageInfo.hasNextPage).toBe(true);
    const unknown = await graphqlAs(app, null, `{ history(id: "never-existed") { id } }`);
    expect(unknown.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});
