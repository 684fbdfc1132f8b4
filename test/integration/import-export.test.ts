/**
 * Exports on the real Neo4j: GEXF 1.3, GraphML, CSV and JSON hold only what the viewer may see, keep
 * every parallel tie apart and keep their fields; and each export imported into an empty atlas gives
 * the same graph (nodes by name with their fields, ties by type, ends, role and years).
 */
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { applyOperation } from "../../server/write/index.js";
import { connectTestDb } from "../_helpers.js";
import { graphql as gql } from "../gql/index.js";
import type { ExportFormat, ImportFormat } from "../gql/graphql.js";
import { bearerFor, type Credentials, createUser, graphqlAs, removeTestUsers } from "./_auth.js";
import { citation, editor as editorViewer, resetAtlas } from "./_write.js";

let db: Database;
let app: App;
let editor: Credentials;
let reader: Credentials;

const HIDDEN = "quiet-harbour-caucus";

beforeAll(async () => {
  db = await connectTestDb();
  await resetAtlas(db);
  // The whole atlas travels in one request in the round trip: a larger body than the default 1 MB.
  app = createApp(db, { bodyLimitBytes: 20 * 1024 * 1024 });
  editor = await bearerFor(db, await createUser(db, "editor"));
  reader = await bearerFor(db, await createUser(db, "reader"));
  // A record only editors may see, tied to a public one.
  await applyOperation(
    db,
    "createNode",
    {
      id: HIDDEN,
      kind: "ORGANISATION",
      fields: {
        name: "Quiet Harbour Caucus",
        type: "NETWORK",
        sector: "CIVIL_SOCIETY",
        scope: "LOCAL",
        visibility: "EDITORS",
        citations: [citation()],
      },
    },
    { actor: editorViewer },
  );
  await applyOperation(
    db,
    "createRelationship",
    { type: "PARTNERS_WITH", source: HIDDEN, target: "amc", fields: { role: "PARTNER", visibility: "EDITORS", citations: [citation()] } },
    { actor: editorViewer },
  );
});
afterAll(async () => {
  await removeTestUsers(db);
  await resetAtlas(db);
  await db.close();
});

const EXPORT = gql(`query TestExportAtlas($format: ExportFormat!) { exportAtlas(format: $format) { name mimeType content } }`);
const PREVIEW = gql(`mutation TestRoundTripPreview($input: PreviewImportInput!) {
  previewImport(input: $input) { id problems { severity sheet row column message } }
}`);
const APPLY = gql(`mutation TestRoundTripApply($input: ApplyImportInput!) { applyImport(input: $input) { status } }`);

async function exported(as: Credentials, format: ExportFormat) {
  const res = await graphqlAs(app, as, EXPORT, { format });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!.exportAtlas;
}

async function count(cypher: string): Promise<number> {
  const { records } = await db.driver.executeQuery(cypher, {}, { database: db.database });
  return Number(records[0].get(0));
}

describe("exports", () => {
  it("GEXF 1.3: every visible node and tie, nothing merged, no attribute Sigma.js would misread, hidden records left out", async () => {
    const [file] = await exported(null, "GEXF");
    expect(file.name).toBe("atlas.gexf");
    expect(file.content).toContain('version="1.3"');
    const graph = parseGexf(MultiGraph, file.content);
    const publicNodes = await count("MATCH (n:Entity) WHERE coalesce(n.visibility, 'PUBLIC') = 'PUBLIC' RETURN count(n)");
    const publicTies = await count(
      "MATCH (a:Entity)-[r]->(b:Entity) WHERE all(x IN [a, r, b] WHERE coalesce(x.visibility, 'PUBLIC') = 'PUBLIC') RETURN count(r)",
    );
    expect(graph.order).toBe(publicNodes);
    expect(graph.size).toBe(publicTies);
    expect(graph.hasNode(HIDDEN)).toBe(false);
    expect(file.content).not.toContain("Quiet Harbour Caucus");
    const amc = graph.getNodeAttributes("amc");
    expect(amc).toMatchObject({
      label: "Asian Migrants Center",
      kind: "ORGANISATION",
      org_type: "NGO",
      acronym: "AMC",
      visibility: "PUBLIC",
    });
    expect(amc.type).toBeUndefined();
    expect(Number(amc.citation_count)).toBeGreaterThan(0);
    // Parallel ties stay apart: each edge carries its relationship type as its kind.
    graph.forEachEdge((_e, attributes) => expect(attributes.kind).toBe(attributes.label));

    const forEditor = parseGexf(MultiGraph, (await exported(editor, "GEXF"))[0].content);
    expect(forEditor.getNodeAttributes(HIDDEN)).toMatchObject({ label: "Quiet Harbour Caucus", visibility: "EDITORS" });
    expect(forEditor.size).toBe(publicTies + 1);
    const forReader = parseGexf(MultiGraph, (await exported(reader, "GEXF"))[0].content);
    expect(forReader.hasNode(HIDDEN)).toBe(false);
  });

  it("GraphML, CSV and JSON keep the same records and fields", async () => {
    const gexf = parseGexf(MultiGraph, (await exported(null, "GEXF"))[0].content);
    const graphml = parseGraphml(MultiGraph, (await exported(null, "GRAPHML"))[0].content);
    expect(graphml.order).toBe(gexf.order);
    expect(graphml.size).toBe(gexf.size);
    expect(graphml.getNodeAttributes("amc")).toMatchObject({ label: "Asian Migrants Center", org_type: "NGO", acronym: "AMC" });

    const [nodes, edges] = await exported(null, "CSV");
    expect(nodes.content.startsWith("\uFEFFId,Label,")).toBe(true);
    expect(edges.content.startsWith("\uFEFFSource,Target,Type,Id,Label,Relationship,From,To")).toBe(true);
    expect(nodes.content.trim().split("\n")).toHaveLength(gexf.order + 1);
    expect(edges.content).toContain(",Directed,");

    const json = JSON.parse((await exported(null, "JSON"))[0].content) as Record<string, unknown[]>;
    const total = ["organisations", "forums", "campaigns", "instruments", "people", "issues"].reduce((n, k) => n + json[k].length, 0);
    expect(total).toBe(gexf.order);
    expect(json.relationships).toHaveLength(gexf.size);
  });
});

/** The graph by names: each node's data/ fields (provenance apart), each tie by type, end names, role and years. */
async function graphByNames(): Promise<{ nodes: string[]; ties: string[] }> {
  const { records: nodes } = await db.driver.executeQuery(
    "MATCH (n:Entity) RETURN n {.name, .kind, .type, .sector, .scope, .country, .founded, .dissolved, .acronym, .aliases, .description, .series, .forumKind, .instrumentKind, .year, .start, .end, .adopted, .shortName, .visibility} AS n",
    {},
    { database: db.database },
  );
  const { records: ties } = await db.driver.executeQuery(
    "MATCH (a:Entity)-[r]->(b:Entity) RETURN [type(r), a.name, b.name, r.role, r.since, r.until, r.year, r.note] AS t",
    {},
    { database: db.database },
  );
  const clean = (n: Record<string, unknown>) =>
    JSON.stringify(
      Object.entries(n)
        .filter(([k, v]) => v !== null && !(Array.isArray(v) && !v.length) && !(k === "visibility" && v === "PUBLIC"))
        .sort(),
    );
  return {
    nodes: nodes.map((r) => clean(r.get("n"))).sort(),
    ties: ties.map((r) => JSON.stringify(r.get("t"))).sort(),
  };
}

describe("round trip: export → import into an empty atlas → the same graph", () => {
  it.each<[ExportFormat & ImportFormat, string]>([
    ["GEXF", "atlas.gexf"],
    ["GRAPHML", "atlas.graphml"],
    ["JSON", "atlas.json"],
  ])(
    "%s",
    async (format, name) => {
      await resetAtlas(db);
      const before = await graphByNames();
      const [file] = await exported(editor, format);
      await db.driver.executeQuery("MATCH (n:Entity) DETACH DELETE n", {}, { database: db.database });
      const preview = await graphqlAs(app, editor, PREVIEW, {
        input: {
          file: { name, format, content: file.content },
          source: { title: "Atlas export round trip", url: "https://example.org/round-trip" },
        },
      });
      expect(preview.body.errors, JSON.stringify(preview.body.errors)).toBeUndefined();
      expect(preview.body.data!.previewImport.problems).toEqual([]);
      const applied = await graphqlAs(app, editor, APPLY, { input: { previewId: preview.body.data!.previewImport.id } });
      expect(applied.body.errors, JSON.stringify(applied.body.errors)).toBeUndefined();
      expect(applied.body.data!.applyImport.status).toBe("APPLIED");
      const after = await graphByNames();
      expect(after.nodes).toEqual(before.nodes);
      expect(after.ties).toEqual(before.ties);
    },
    180_000,
  );
});
