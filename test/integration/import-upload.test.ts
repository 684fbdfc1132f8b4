/**
 * The import route over real HTTP: POST /graphql/import takes a file larger than the /graphql body
 * limit (ATLAS_IMPORT_LIMIT_MB), only for the import mutations and only with credentials; over its
 * own limit it answers 413 naming that limit. /graphql keeps its limit for everything, imports too.
 * The limits are lowered here (64 KB and 256 KB) so the files stay small.
 */
import type { Server } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, createUser, removeTestUsers } from "./_auth.js";
import { closeServer, JSON_HEADERS, listen, send } from "./_http.js";

let db: Database;
let server: Server;
let base: string;
let bearer: string;

beforeAll(async () => {
  db = await connectTestDb();
  server = createApp(db, { bodyLimitBytes: 64 * 1024, importLimitBytes: 256 * 1024 }).createServer();
  base = await listen(server);
  bearer = (await bearerFor(db, await createUser(db, "editor"))).bearer;
});
afterAll(async () => {
  await closeServer(server);
  await removeTestUsers(db);
  await db.close();
});

const PREVIEW = `mutation ($input: PreviewImportInput!) { previewImport(input: $input) { id connectionCount sheets { rowCount } } }`;

/** A connections CSV of `rows` ties between two bundled organisations, each with a note of `pad` characters. */
function connections(rows: number, pad: number): string {
  const lines = ["From,To,Type,Note"];
  for (let i = 0; i < rows; i++) lines.push(`Asian Migrants Centre,Migrant Forum in Asia,Partner,${"n".repeat(pad)} ${i}`);
  return lines.join("\n");
}

function previewBody(csv: string): string {
  return JSON.stringify({ query: PREVIEW, variables: { input: { file: { name: "ties.csv", format: "CSV", content: csv } } } });
}

const postTo = (path: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${bearer}` }) =>
  send(`${base}${path}`, { method: "POST", headers: { ...JSON_HEADERS, ...headers }, body });

const errorOf = (body: Buffer) =>
  (JSON.parse(body.toString()) as { errors: { message: string; extensions: { code: string; limit?: number } }[] }).errors[0];

describe("the import route, POST /graphql/import", () => {
  // About 150 KB: over the 64 KB of /graphql, under the 256 KB of the import route.
  const file = connections(1500, 80);

  it("should take a file over the /graphql limit and preview it", async () => {
    expect(file.length).toBeGreaterThan(64 * 1024);
    const res = await postTo("/graphql/import", previewBody(file));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body.toString()) as {
      data: { previewImport: { connectionCount: number; sheets: { rowCount: number }[] } };
    };
    expect(body.data.previewImport.connectionCount).toBe(1500);
    expect(body.data.previewImport.sheets[0].rowCount).toBe(1500);
  });

  it("should keep the /graphql limit for the same import, naming the limit and the import route", async () => {
    const res = await postTo("/graphql", previewBody(file));
    expect(res.status).toBe(413);
    const error = errorOf(res.body);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", limit: 64 * 1024 });
    expect(error.message).toBe(
      "The request body is larger than the limit of 64 KB. A file to import goes to /graphql/import, which takes up to 256 KB.",
    );
  });

  it("should answer 413 naming its own limit to a file over it", async () => {
    const res = await postTo("/graphql/import", previewBody(connections(3000, 90)));
    expect(res.status).toBe(413);
    const error = errorOf(res.body);
    expect(error.extensions.limit).toBe(256 * 1024);
    expect(error.message).toBe("The file is too large to import: the request may be at most 256 KB (ATLAS_IMPORT_LIMIT_MB).");
  });

  it("should refuse any operation but the import mutations", async () => {
    const query = JSON.stringify({ query: "{ __typename }" });
    const res = await postTo("/graphql/import", query);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).message).toMatch(/^Only the previewImport and applyImport mutations may be sent to \/graphql\/import/);
    const mixed = JSON.stringify({ query: `mutation { previewImport(input: $i) { id } signOut }` });
    expect((await postTo("/graphql/import", mixed)).status).toBe(400);
  });

  it("should refuse an anonymous request before reading its body", async () => {
    const res = await postTo("/graphql/import", previewBody(file), {});
    expect(res.status).toBe(401);
    expect(errorOf(res.body)).toEqual({ message: "Sign in to import a file.", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("should still answer a small import on /graphql", async () => {
    const res = await postTo("/graphql", previewBody(connections(3, 5)));
    expect(res.status).toBe(200);
    expect(
      (JSON.parse(res.body.toString()) as { data: { previewImport: { connectionCount: number } } }).data.previewImport.connectionCount,
    ).toBe(3);
  });
});
