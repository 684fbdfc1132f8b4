/**
 * A 50,000-row connections file (ties between the bundled organisations, three rows broken on
 * purpose) sent to the import route, validated, matched and previewed, while the progress the
 * wizard polls (importProgress) is read over /graphql by the same user. Nothing is written.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, createUser, removeTestUsers } from "./_auth.js";
import { closeServer, JSON_HEADERS, listen, send } from "./_http.js";

const ROWS = 50_000;
/** Data rows as the spreadsheet numbers them: the header is row 1. */
const rowOf = (index: number) => index + 2;
const BAD_TYPE = 10_000;
const UNKNOWN_END = 25_000;
const BAD_YEAR = 40_000;
const SOURCE = { title: "Coalition survey 2026, ties", url: "https://example.org/ties-survey-2026" };

let db: Database;
let server: Server;
let base: string;
let auth: Record<string, string>;

beforeAll(async () => {
  db = await connectTestDb();
  server = createApp(db).createServer();
  base = await listen(server);
  auth = { authorization: `Bearer ${(await bearerFor(db, await createUser(db, "editor"))).bearer}` };
});
afterAll(async () => {
  await closeServer(server);
  await removeTestUsers(db);
  await db.close();
});

function connectionsFile(): string {
  const organisations = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/organisations.json"), "utf8")) as { name: string }[];
  const names = organisations.map((o) => (/[",]/.test(o.name) ? `"${o.name.replaceAll('"', '""')}"` : o.name));
  const lines = ["From,To,Type,Since"];
  for (let i = 0; i < ROWS; i++) {
    const from = names[i % names.length];
    // A different partner for each row of the same organisation (stride coprime-ish to the count).
    const to = names[(i + 1 + Math.floor(i / names.length)) % names.length];
    const type = i === BAD_TYPE ? "Friendship" : "Partner";
    const since = i === BAD_YEAR ? "20x0" : String(1990 + (i % 35));
    lines.push(`${from},${i === UNKNOWN_END ? "Nowhere At All Association" : to},${type},${since}`);
  }
  return lines.join("\n");
}

type Progress = { step: string; done: number; total: number } | null;

async function progressOf(id: string): Promise<Progress> {
  const body = JSON.stringify({ query: "query ($id: ID!) { importProgress(id: $id) { step done total } }", variables: { id } });
  const res = await send(`${base}/graphql`, { method: "POST", headers: { ...JSON_HEADERS, ...auth }, body });
  return (JSON.parse(res.body.toString()) as { data: { importProgress: Progress } }).data.importProgress;
}

describe("a 50,000-row connections file", () => {
  it("should validate, match and preview it, reporting its progress and each broken row", async () => {
    const csv = connectionsFile();
    expect(csv.length).toBeGreaterThan(1024 * 1024); // over the /graphql limit: the import route takes it
    const progressId = "scale-test-1";
    const query = `mutation ($input: PreviewImportInput!) { previewImport(input: $input) {
      canApply connectionCount sheets { rowCount } problems { severity sheet row column message } items { name status }
    } }`;
    const body = JSON.stringify({
      query,
      variables: { input: { file: { name: "ties.csv", format: "CSV", content: csv }, source: SOURCE, progressId } },
    });
    const seen: Progress[] = [];
    let finished = false;
    const polls = (async () => {
      while (!finished) {
        seen.push(await progressOf(progressId));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const res = await send(`${base}/graphql/import`, { method: "POST", headers: { ...JSON_HEADERS, ...auth }, body });
    finished = true;
    await polls;

    expect(res.status).toBe(200);
    const preview = (
      JSON.parse(res.body.toString()) as {
        data: {
          previewImport: {
            canApply: boolean;
            connectionCount: number;
            sheets: { rowCount: number }[];
            problems: { severity: string; row: number; column: string; message: string }[];
            items: { name: string; status: string }[];
          };
        };
      }
    ).data.previewImport;
    expect(preview.sheets[0].rowCount).toBe(ROWS);
    expect(preview.canApply).toBe(true);
    const errors = preview.problems.filter((p) => p.severity === "ERROR").map((p) => [p.row, p.column]);
    expect(errors).toEqual([
      [rowOf(BAD_TYPE), "Type"],
      [rowOf(UNKNOWN_END), "To"],
      [rowOf(BAD_YEAR), "Since"],
    ]);
    // Every row but the two whose cells are wrong is a connection; the unknown end is found in matching.
    expect(preview.connectionCount).toBe(ROWS - 2);
    // The names are the atlas's own: each is matched confidently.
    expect(preview.items.filter((i) => i.status !== "CONFIDENT").map((i) => i.name)).toEqual(["Nowhere At All Association"]);

    // The polls saw the preview at work before it was done, and the last word is DONE.
    expect(seen.some((p) => p !== null && p.step !== "DONE")).toBe(true);
    expect(await progressOf(progressId)).toMatchObject({ step: "DONE" });
  }, 240_000);

  it("should not tell another user how far someone's preview is", async () => {
    const other = { authorization: `Bearer ${(await bearerFor(db, await createUser(db, "editor"))).bearer}` };
    const body = JSON.stringify({ query: `{ importProgress(id: "scale-test-1") { step } }` });
    const res = await send(`${base}/graphql`, { method: "POST", headers: { ...JSON_HEADERS, ...other }, body });
    expect(JSON.parse(res.body.toString())).toEqual({ data: { importProgress: null } });
  });
});
