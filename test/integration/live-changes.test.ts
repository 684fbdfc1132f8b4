/**
 * Live changes over real HTTP: `subscription { liveChanges }` as server-sent events on a listening
 * app, sent like a browser's (gzip and brotli accepted, so compression must not hold events back).
 * An editor hears of a hidden record's change; an anonymous subscriber hears only of public ones,
 * and its first event is the public change, so it never learnt of the hidden one.
 */
import { request, type ClientRequest, type Server } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, type Credentials, createUser, graphqlAs, removeTestUsers } from "./_auth.js";
import { closeServer, listen } from "./_http.js";
import { citation, resetAtlas } from "./_write.js";

let db: Database;
let app: App;
let server: Server;
let url: string;
let editor: { bearer: string };
const open: ClientRequest[] = [];

beforeAll(async () => {
  db = await connectTestDb();
  await resetAtlas(db);
  app = createApp(db);
  server = app.createServer();
  url = await listen(server);
  editor = await bearerFor(db, await createUser(db, "editor"));
});
afterAll(async () => {
  for (const req of open) req.destroy();
  await closeServer(server);
  await removeTestUsers(db);
  await resetAtlas(db);
  await db.close();
});

interface Notice {
  id: string;
  version: number;
  operation: string;
  recordIds: string[];
}

/** Subscribes over SSE; resolves once the response has started, with the events seen so far and to come. */
function subscribe(credentials: Credentials): Promise<{ events: Notice[]; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "text/event-stream",
      "accept-encoding": "gzip, deflate, br",
    };
    if (credentials && "bearer" in credentials) headers.authorization = `Bearer ${credentials.bearer}`;
    const req = request(`${url}/graphql`, { method: "POST", headers }, (res) => {
      const events: Notice[] = [];
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trim())
            .join("");
          if (!data) continue;
          const payload = JSON.parse(data) as { data?: { liveChanges: Notice }; errors?: unknown[] };
          if (payload.errors) reject(new Error(JSON.stringify(payload.errors)));
          if (payload.data) events.push(payload.data.liveChanges);
        }
      });
      resolve({ events, headers: res.headers });
    });
    req.on("error", reject);
    open.push(req);
    req.end(JSON.stringify({ query: "subscription { liveChanges { id version operation recordIds } }" }));
  });
}

async function createOrg(id: string, visibility: string) {
  const { body } = await graphqlAs<{ createNode: { change: { id: string; seq: number } } }>(
    app,
    editor,
    `mutation($input: CreateNodeInput!) { createNode(input: $input) { change { id seq } } }`,
    {
      input: {
        id,
        kind: "ORGANISATION",
        fields: { name: `Live ${id}`, type: "NGO", sector: "CIVIL_SOCIETY", scope: "LOCAL", visibility, citations: [citation()] },
      },
    },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.createNode.change;
}

describe("liveChanges", () => {
  it("streams each change as an event, to each subscriber only what it may see", async () => {
    const anonymous = await subscribe(null);
    const editorStream = await subscribe(editor);
    expect(anonymous.headers["content-type"]).toMatch(/^text\/event-stream/);
    // Subscriptions start asynchronously after the response head: give them a moment to register.
    await new Promise((done) => setTimeout(done, 200));

    const hidden = await createOrg("live-hidden-org", "EDITORS");
    const visible = await createOrg("live-public-org", "PUBLIC");

    await expect.poll(() => editorStream.events.length).toBe(2);
    expect(editorStream.events[0]).toEqual({ id: hidden.id, version: hidden.seq, operation: "createNode", recordIds: ["live-hidden-org"] });
    expect(editorStream.events[1]).toEqual({
      id: visible.id,
      version: visible.seq,
      operation: "createNode",
      recordIds: ["live-public-org"],
    });

    await expect.poll(() => anonymous.events.length).toBe(1);
    expect(anonymous.events[0]).toEqual({ id: visible.id, version: visible.seq, operation: "createNode", recordIds: ["live-public-org"] });
    expect(JSON.stringify(anonymous.events)).not.toContain("live-hidden-org");
  });
});
