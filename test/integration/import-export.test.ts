/**
 * Exports on the real Neo4j: GEXF 1.3, GraphML, CSV, XLSX and JSON hold only what the viewer may
 * see, keep every parallel tie apart and keep their fields; an export of the explorer's view holds
 * that view (its nodes with their positions and colours, the ties its filter and year show, the
 * metric values) and says which it is; networkx reads the GEXF with nothing merged; and each export
 * imported into an empty atlas gives the same graph (nodes by name with their fields, ties by type,
 * ends, role and years).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import ExcelJS from "exceljs";
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { applyOperation } from "../../server/write/index.js";
import { gexfSchemaErrors } from "../_gexf-schema.js";
import { connectTestDb } from "../_helpers.js";
import { graphql as gql } from "../gql/index.js";
import type { ExportFormat, ExportViewInput, ImportFormat } from "../gql/graphql.js";
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

const EXPORT = gql(`query TestExportAtlas($format: ExportFormat!, $view: ExportViewInput) {
  exportAtlas(format: $format, view: $view) { name mimeType encoding content }
}`);
const PREVIEW = gql(`mutation TestRoundTripPreview($input: PreviewImportInput!) {
  previewImport(input: $input) {
    id
    problems { severity sheet row column message }
    items { key name status candidates { id name } }
  }
}`);
const APPLY = gql(`mutation TestRoundTripApply($input: ApplyImportInput!) { applyImport(input: $input) { status } }`);

async function exported(as: Credentials, format: ExportFormat, view?: ExportViewInput) {
  const res = await graphqlAs(app, as, EXPORT, { format, view });
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

  it("GEXF 1.3: the whole atlas is valid against the format's schemas (RelaxNG and XSD)", async () => {
    const [file] = await exported(editor, "GEXF");
    expect(await gexfSchemaErrors(file.content)).toEqual({ relaxng: [], xsd: [] });
  });

  it("GraphML, CSV and JSON keep the same records and fields", async () => {
    const gexf = parseGexf(MultiGraph, (await exported(null, "GEXF"))[0].content);
    const graphml = parseGraphml(MultiGraph, (await exported(null, "GRAPHML"))[0].content);
    expect(graphml.order).toBe(gexf.order);
    expect(graphml.size).toBe(gexf.size);
    expect(graphml.getNodeAttributes("amc")).toMatchObject({ label: "Asian Migrants Center", org_type: "NGO", acronym: "AMC" });

    // Gephi's spreadsheet columns: Type is the edge's direction, the relationship is its Label and Kind.
    const [nodes, edges] = await exported(null, "CSV");
    expect(nodes.content.startsWith("\uFEFFId,Label,")).toBe(true);
    expect(edges.content.startsWith("\uFEFFSource,Target,Type,Id,Label,Kind,Source Label,Target Label")).toBe(true);
    expect(nodes.content.trim().split("\n")).toHaveLength(gexf.order + 1);
    expect(edges.content).toMatch(/^amc,[^,]+,Directed,/m);
    // Full names, not the map's shortened labels.
    expect(nodes.content).toContain("amc,Asian Migrants Center,");

    // Kumu's layout: Elements (ID, Label, Type …) and Connections (ID, From, To, Type = the relationship, Direction).
    const [xlsx] = await exported(null, "XLSX");
    expect(xlsx.encoding).toBe("BASE64");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content, "base64") as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Elements", "Connections", "About (ignore)"]);
    const rowsOf = (name: string) => workbook.getWorksheet(name)!.getSheetValues().filter(Boolean) as unknown[][];
    const elements = rowsOf("Elements");
    const connections = rowsOf("Connections");
    expect(elements[0].slice(1, 4)).toEqual(["ID", "Label", "Type"]);
    expect(connections[0].slice(1, 6)).toEqual(["ID", "From", "To", "Type", "Direction"]);
    expect(elements).toHaveLength(gexf.order + 1);
    expect(connections).toHaveLength(gexf.size + 1);
    expect(elements.find((r) => r[1] === "amc")?.slice(1, 4)).toEqual(["amc", "Asian Migrants Center", "NGO"]);
    expect(new Set(connections.slice(1).map((r) => r[5]))).toEqual(new Set(["directed"]));
    expect(elements.some((r) => r[1] === HIDDEN)).toBe(false);

    const json = JSON.parse((await exported(null, "JSON"))[0].content) as Record<string, unknown[]>;
    expect(json.about as unknown as string).toMatch(/^Coalition Atlas: the whole atlas, as the public may see it, exported /);
    const total = ["organisations", "forums", "campaigns", "instruments", "people", "issues"].reduce((n, k) => n + json[k].length, 0);
    expect(total).toBe(gexf.order);
    expect(json.relationships).toHaveLength(gexf.size);
  });
});

/** networkx's reading of a GEXF 1.3 file: its nodes and ties (by key), and what it read for one node. */
function networkxRead(gexf: string, node: string) {
  const dir = mkdtempSync(join(tmpdir(), "atlas-gexf-"));
  try {
    writeFileSync(join(dir, "atlas.gexf"), gexf);
    const script = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1], version="1.3")
print(json.dumps({"multigraph": g.is_multigraph(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "keys": len(set(g.edges(keys=True))) if g.is_multigraph() else g.number_of_edges(), "node": {k: v for k, v in g.nodes[sys.argv[2]].items()}}, default=str))`;
    const out = execFileSync("python3", ["-c", script, join(dir, "atlas.gexf"), node], { encoding: "utf8" });
    return JSON.parse(out) as { multigraph: boolean; nodes: number; edges: number; keys: number; node: Record<string, unknown> };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("exports of the explorer's view", () => {
  /** A SUPPORTS tie the documents date, between two public nodes. */
  async function datedTie() {
    const { records } = await db.driver.executeQuery(
      `MATCH (a:Entity)-[r:SUPPORTS]->(b:Entity)
       WHERE r.activeFrom IS NOT NULL AND all(x IN [a, r, b] WHERE coalesce(x.visibility, 'PUBLIC') = 'PUBLIC')
       RETURN a.id AS a, b.id AS b, r.id AS id, r.activeFrom AS from ORDER BY r.id LIMIT 1`,
      {},
      { database: db.database },
    );
    return {
      a: String(records[0].get("a")),
      b: String(records[0].get("b")),
      id: String(records[0].get("id")),
      from: Number(records[0].get("from")),
    };
  }

  function viewOf(ids: string[], year: number, collapsed: string[]): ExportViewInput {
    return {
      filter: { relationshipTypes: ["SUPPORTS"], yearTo: year },
      year,
      collapsed,
      link: "http://localhost:4000/?year=test",
      nodes: ids.map((id, i) => ({ id, x: (i + 1) * 10.5, y: -(i + 1) * 3.25, size: 4 + i, color: "#1f77b4" })),
    };
  }

  it("GEXF: the view's nodes where the map draws them, the ties its filter and year show, its metrics, and which view it is", async () => {
    const tie = await datedTie();
    // The public viewer's browser names a record it may not see: it is left out all the same.
    const ids = [...new Set([tie.a, tie.b, "amc", HIDDEN])];
    const [file] = await exported(null, "GEXF", viewOf(ids, tie.from, [tie.b, HIDDEN]));
    const graph = parseGexf(MultiGraph, file.content);
    expect(graph.nodes().sort()).toEqual(ids.filter((id) => id !== HIDDEN).sort());
    expect(file.content).not.toContain("Quiet Harbour Caucus");
    expect(file.content).not.toContain(HIDDEN);
    expect(graph.hasEdge(tie.id)).toBe(true);
    graph.forEachEdge((_e, attributes) => expect(attributes.kind).toBe("SUPPORTS"));
    const a = graph.getNodeAttributes(tie.a);
    const k = ids.indexOf(tie.a);
    expect(a).toMatchObject({ x: (k + 1) * 10.5, y: -(k + 1) * 3.25, size: 4 + k, color: "rgb(31,119,180)" });
    expect(a.type).toBeUndefined();
    expect(typeof a.metric_pagerank).toBe("number");
    expect(typeof a.metric_betweenness).toBe("number");
    graph.forEachNode((id, attributes) => expect(attributes.metric_degree).toBe(graph.degree(id)));
    expect(graph.getNodeAttribute(tie.b, "collapsed")).toBe(true);
    const description = String(graph.getAttribute("description"));
    expect(description).toContain(`as of ${tie.from}`);
    expect(description).toContain(`collapsed networks: ${graph.getNodeAttribute(tie.b, "label")} (${tie.b})`);
    expect(description).toContain("relationshipTypes: SUPPORTS");
    expect(description).toContain("as the public may see it");

    // Positions, sizes and colours (viz:*) included, the file is valid GEXF 1.3.
    expect(await gexfSchemaErrors(file.content)).toEqual({ relaxng: [], xsd: [] });

    // A year before the tie begins, the view does not show it.
    const before = parseGexf(MultiGraph, (await exported(null, "GEXF", viewOf(ids, tie.from - 1, [])))[0].content);
    expect(before.hasEdge(tie.id)).toBe(false);
  });

  it("GraphML, CSV and JSON hold the same view", async () => {
    const tie = await datedTie();
    const ids = [...new Set([tie.a, tie.b, "amc", HIDDEN])];
    const view = viewOf(ids, tie.from, []);
    const gexf = parseGexf(MultiGraph, (await exported(null, "GEXF", view))[0].content);
    const graphml = parseGraphml(MultiGraph, (await exported(null, "GRAPHML", view))[0].content);
    expect(graphml.nodes().sort()).toEqual(gexf.nodes().sort());
    expect(graphml.edges().sort()).toEqual(gexf.edges().sort());
    expect(graphml.getNodeAttribute(tie.a, "metric_pagerank")).toBeCloseTo(gexf.getNodeAttribute(tie.a, "metric_pagerank"), 12);
    const [nodes, edges] = await exported(null, "CSV", view);
    expect(nodes.content.trim().split("\n")).toHaveLength(gexf.order + 1);
    expect(edges.content.trim().split("\n")).toHaveLength(gexf.size + 1);
    const json = JSON.parse((await exported(null, "JSON", view))[0].content) as { about: string; relationships: unknown[] };
    expect(json.relationships).toHaveLength(gexf.size);
    expect(json.about).toContain(`as of ${tie.from}`);
  });

  it("networkx reads the GEXF 1.3 with nothing merged, and the view's positions", async () => {
    const whole = (await exported(editor, "GEXF"))[0].content;
    const graph = parseGexf(MultiGraph, whole);
    const nx = networkxRead(whole, "amc");
    expect(nx).toMatchObject({ multigraph: true, nodes: graph.order, edges: graph.size, keys: graph.size });
    expect(nx.node).toMatchObject({ label: "Asian Migrants Center", org_type: "NGO", acronym: "AMC" });

    const tie = await datedTie();
    const view = viewOf([tie.a, tie.b], tie.from, []);
    const read = networkxRead((await exported(null, "GEXF", view))[0].content, tie.b);
    expect(read.node.viz).toMatchObject({ position: { x: 21, y: -6.5 }, size: 5, color: { r: 31, g: 119, b: 180 } });
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
    ["XLSX", "atlas.xlsx"],
    ["JSON", "atlas.json"],
  ])(
    "%s",
    async (format, name) => {
      await resetAtlas(db);
      const before = await graphByNames();
      const [file] = await exported(editor, format);
      await db.driver.executeQuery("MATCH (n:Entity) DETACH DELETE n", {}, { database: db.database });
      await importAndApply(name, format, file);
      const after = await graphByNames();
      expect(after.nodes).toEqual(before.nodes);
      expect(after.ties).toEqual(before.ties);
    },
    180_000,
  );

  it("CSV: the nodes file, then the ties file (Gephi's edge table: Type the direction, Label the relationship)", async () => {
    await resetAtlas(db);
    const before = await graphByNames();
    const [nodes, ties] = await exported(editor, "CSV");
    await db.driver.executeQuery("MATCH (n:Entity) DETACH DELETE n", {}, { database: db.database });
    await importAndApply("atlas-nodes.csv", "CSV", nodes);
    // The ties name their ends by the exporting atlas's ids, with their names beside them (Source Label, Target Label).
    await importAndApply("atlas-edges.csv", "CSV", ties, true);
    const after = await graphByNames();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.ties).toEqual(before.ties);
  }, 180_000);
});

/**
 * Previews a file as an editor with one source for it, expects no problem, and applies it. With
 * `review`, the confident matches are accepted and each ambiguous one (a name a letter away from
 * another, "… Conference 2011" and "… 2012") is matched to its candidate of the very same name, as
 * a person reviewing it would.
 */
async function importAndApply(name: string, format: ImportFormat, file: { content: string; encoding: "TEXT" | "BASE64" }, review = false) {
  const preview = await graphqlAs(app, editor, PREVIEW, {
    input: {
      file: { name, format, content: file.content, encoding: file.encoding },
      source: { title: "Atlas export round trip", url: "https://example.org/round-trip" },
    },
  });
  expect(preview.body.errors, JSON.stringify(preview.body.errors)).toBeUndefined();
  const { id, problems, items } = preview.body.data!.previewImport;
  expect(problems).toEqual([]);
  const decisions = items
    .filter((item) => item.status === "AMBIGUOUS")
    .map((item) => {
      const same = item.candidates.filter((c) => c.name === item.name);
      expect(same, item.name).toHaveLength(1);
      return { key: item.key, action: "MATCH" as const, id: same[0].id };
    });
  const applied = await graphqlAs(app, editor, APPLY, {
    input: { previewId: id, ...(review ? { acceptAllConfident: true, decisions } : {}) },
  });
  expect(applied.body.errors, JSON.stringify(applied.body.errors)).toBeUndefined();
  expect(applied.body.data!.applyImport.status).toBe("APPLIED");
}
