import { VISIBILITIES } from "../../core/access.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../server/db/database.js";
import { DATA_DIR, prepareDatabase } from "../../server/db/open.js";
import { loadDataset, loadRows } from "../../server/import/load.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { toGraphRows } from "../../server/import/to-graph.js";
import { connectTestDb } from "../_helpers.js";
import { QUERIES } from "../../server/db/registry.js";

let db: Database;

beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(() => db.close());

/** Everything the loader writes, in a stable order, for before/after comparisons. */
async function dump(): Promise<string> {
  const session = db.driver.session();
  try {
    const nodes = await session.run(
      "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY coalesce(n.id, '') , labels(n)[0]",
    );
    const rels = await session.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, properties(r) AS props, b.id AS b ORDER BY r.id");
    // The load time, and the data version (a counter every change to the data bumps), differ by design.
    const strip = (labels: string[], props: Record<string, unknown>) => {
      const { loadedAt: _ignored, ...rest } = props;
      if (labels.includes("DatasetMeta")) delete rest.version;
      return sortKeys(rest);
    };
    // Neo4j does not keep a node's property order when a load sets them again: compare by name.
    const sortKeys = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).sort(([a], [b]) => a.localeCompare(b)));
    return JSON.stringify({
      nodes: nodes.records.map((r) => [r.get("labels"), strip(r.get("labels"), r.get("props"))]),
      rels: rels.records.map((r) => ({ ...r.toObject(), props: sortKeys(r.get("props")) })),
    });
  } finally {
    await session.close();
  }
}

describe("dataset loader", () => {
  const data = readDataset(DATA_DIR);

  it("should change nothing when the same data is loaded twice", async () => {
    const before = await dump();
    const report = await loadDataset(db, data);
    expect(report.removed).toEqual({ nodes: 0, relationships: 0, sources: 0, stories: 0 });
    expect(await dump()).toBe(before);
  });

  it("should write every relationship with its sources and evidence", async () => {
    const [row] = await db.driver
      .executeQuery(
        "MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS total, count(CASE WHEN size(r.sources) > 0 AND size(r.evidence) > 0 AND size(r.evidence) = size(r.locators) THEN 1 END) AS cited",
      )
      .then((r) => r.records.map((x) => x.toObject()));
    expect(row.total).toBe(data.relationships.length);
    expect(row.cited).toBe(row.total);
  });

  it("should leave the previous data untouched when a load fails part-way", async () => {
    const before = await dump();
    const rows = toGraphRows(data);
    // Neo4j cannot store a map as a property: this row fails after sources and the first nodes were written.
    rows.nodes.push({ id: "broken", label: "Organisation", props: { id: "broken", nested: { not: "allowed" } } as never });
    await expect(loadRows(db, rows)).rejects.toThrow();
    expect(await dump()).toBe(before);
  });

  it("should abort when a relationship's end is missing, writing nothing", async () => {
    const before = await dump();
    const rows = toGraphRows(data);
    rows.relationships.push({ id: "x", type: "MEMBER_OF", source: "mfa", target: "not-loaded", props: { id: "x" } });
    await expect(loadRows(db, rows)).rejects.toThrow(/relationships found both their ends/);
    expect(await dump()).toBe(before);
  });

  it("should remove what a reload no longer contains", async () => {
    const before = await dump();
    const rows = toGraphRows(data);
    rows.nodes.push({
      id: "temporary-body",
      label: "Organisation",
      props: { id: "temporary-body", kind: "ORGANISATION", name: "Temporary" },
    });
    rows.relationships.push({
      id: "tmp",
      type: "MEMBER_OF",
      source: "temporary-body",
      target: "mfa",
      props: { id: "tmp", sources: ["piper-2015"] },
    });
    await loadRows(db, rows);
    const [withExtra] = await db.read(QUERIES.graphCounts, { visible: VISIBILITIES });
    expect(withExtra.nodes).toBe(
      data.organisations.length +
        data.forums.length +
        data.campaigns.length +
        data.instruments.length +
        data.people.length +
        data.issues.length +
        1,
    );

    const report = await loadDataset(db, data);
    // The stale node goes with its relationships (DETACH DELETE), so none is left to remove separately.
    expect(report.removed).toEqual({ nodes: 1, relationships: 0, sources: 0, stories: 0 });
    expect(await dump()).toBe(before);
  });

  describe("#prepareDatabase (start-up)", () => {
    it("should keep the bundled dataset when it is already loaded", async () => {
      const lines: string[] = [];
      const before = await dump();
      await prepareDatabase(db, (l) => lines.push(l), { reloadWhenChanged: true });
      expect(lines.join("\n")).toMatch(/holds the bundled dataset/);
      expect(await dump()).toBe(before);
    });

    it("should reload a changed dataset only when asked to (embedded), and say so otherwise", async () => {
      const before = await dump();
      const rows = toGraphRows(data);
      rows.nodes.push({ id: "older-body", label: "Organisation", props: { id: "older-body", kind: "ORGANISATION", name: "Older" } });
      rows.hash = "an-older-dataset";
      await loadRows(db, rows);

      const external: string[] = [];
      await prepareDatabase(db, (l) => external.push(l), { reloadWhenChanged: false });
      expect(external.join("\n")).toMatch(/not the bundled dataset; `npm run db:load` replaces them/);
      expect(await db.read(QUERIES.nodesByIds, { ids: ["older-body"], visible: VISIBILITIES })).toHaveLength(1);

      const embedded: string[] = [];
      await prepareDatabase(db, (l) => embedded.push(l), { reloadWhenChanged: true });
      expect(embedded.join("\n")).toMatch(/changed since it was loaded: reloading/);
      expect(await dump()).toBe(before);
    });
  });
});
