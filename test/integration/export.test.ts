import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../server/db/database.js";
import { DATA_DIR } from "../../server/db/open.js";
import { loadDataset } from "../../server/import/load.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { submit } from "../../server/write/index.js";
import { exportAtlas } from "../../server/write/export.js";
import { connectTestDb } from "../_helpers.js";
import { data } from "./_data.js";
import { citation, editor, resetAtlas } from "./_write.js";

let db: Database;
const dir = mkdtempSync(join(tmpdir(), "atlas-export-"));

beforeAll(async () => {
  db = await connectTestDb();
  await resetAtlas(db);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await resetAtlas(db);
  await db.close();
});

/** Where a record came from and how often it changed are the curation model's, not the data's. */
const BOOKKEEPING = new Set(["version", "origin", "userChanged", "bundledHash"]);

/** Every node, relationship, source and story with every property (bookkeeping apart), in a stable order. */
async function snapshot(): Promise<unknown> {
  const run = async (cypher: string) =>
    (await db.driver.executeQuery(cypher, {}, { database: db.database })).records.map((r) => r.toObject());
  const clean = (props: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(props)
        .filter(([k]) => !BOOKKEEPING.has(k))
        .sort(),
    );
  return {
    nodes: (await run("MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id")).map((r) => [
      [...(r.labels as string[])].sort(),
      clean(r.props as Record<string, unknown>),
    ]),
    relationships: (
      await run("MATCH (a)-[r]->(b) WHERE a:Entity RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props ORDER BY r.id")
    ).map((r) => [r.a, r.t, r.b, clean(r.props as Record<string, unknown>)]),
    sources: (await run("MATCH (s:Source) RETURN properties(s) AS props ORDER BY s.id")).map((r) =>
      clean(r.props as Record<string, unknown>),
    ),
    stories: await run("MATCH (s:Story) RETURN properties(s) AS props ORDER BY s.id"),
  };
}

describe("db:export", () => {
  it("should write the atlas with users' work as data/ that data:check accepts and that loads back into the same graph", async () => {
    await submit(db, editor, "createSource", {
      id: "harbour-report-2024",
      title: "Harbour report",
      url: "https://example.org/harbour",
      publisher: "Example",
      date: "2024-03-01",
    });
    await submit(db, editor, "createNode", {
      id: "harbour-workers-union",
      kind: "ORGANISATION",
      fields: {
        name: "Harbour Workers Union",
        type: "TRADE_UNION",
        sector: "LABOUR",
        scope: "LOCAL",
        country: "PH",
        visibility: "MEMBERS",
        citations: [{ source: "harbour-report-2024", locator: "p. 2", evidence: "The report names the union as a new local member." }],
      },
    });
    await submit(db, editor, "createRelationship", {
      type: "MEMBER_OF",
      source: "harbour-workers-union",
      target: "mfa",
      fields: { role: "MEMBER", since: 2024, visibility: "EDITORS", citations: [citation()] },
    });
    await submit(db, editor, "updateNode", { id: data.organisations[0].id, version: 1, fields: { description: "A user's description." } });
    // A node no story shows: deleting one a story shows leaves the story pointing at nothing (not refused yet).
    const inStories = JSON.stringify(data.stories);
    const unstoried = data.organisations.slice(1).find((o) => !inStories.includes(`"${o.id}"`))!;
    await submit(db, editor, "deleteNode", { id: unstoried.id, version: 1, removeTies: true });
    const before = await snapshot();

    const report = await exportAtlas(db, dir, DATA_DIR);
    expect(report.counts.organisations).toBe(data.organisations.length);
    const exported = readDataset(dir);
    expect(exported.organisations.find((o) => o.id === "harbour-workers-union")?.visibility).toBe("MEMBERS");
    expect(exported.relationships.find((r) => r.source === "harbour-workers-union")).toMatchObject({ visibility: "EDITORS", since: 2024 });
    expect(exported.sources.find((s) => s.id === "harbour-report-2024")).toMatchObject({ url: "https://example.org/harbour" });
    // The command line's check (schema, references, own words against the documents' fingerprint).
    execFileSync(process.execPath, ["--import", "tsx", "server/cli/check.ts", "--dir", dir], { cwd: join(DATA_DIR, ".."), stdio: "pipe" });

    await db.driver.executeQuery(
      "MATCH (n) WHERE n:Entity OR n:Source OR n:Story OR n:Change OR n:Tombstone DETACH DELETE n",
      {},
      {
        database: db.database,
      },
    );
    await loadDataset(db, exported);
    expect(await snapshot()).toEqual(before);
  });
});
