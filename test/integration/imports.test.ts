/**
 * Imports over GraphQL on the real Neo4j: a Kumu-layout CSV (BOM, semicolons), an XLSX with an
 * elements and a connections sheet, a GEXF and a GraphML file (test/fixtures/imports/, invented
 * organisations). Problems are reported by file, sheet, row and column; names with typos and
 * accents match the bundled organisations; an applied import is one change, and reverting it puts
 * the store back as it was; a contributor's import becomes one proposal; bad files are refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { bearerFor, type Credentials, createUser, graphqlAs, removeTestUsers } from "./_auth.js";
import { graphql as gql } from "../gql/index.js";
import type { ImportFormat, PreviewImportInput, TestImportPreviewMutation } from "../gql/graphql.js";
import { atlasSnapshot, resetAtlas } from "./_write.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/imports");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

let db: Database;
let app: App;
let editor: Credentials;
let contributor: Credentials;

beforeAll(async () => {
  db = await connectTestDb();
  await resetAtlas(db);
  app = createApp(db);
  editor = await bearerFor(db, await createUser(db, "editor"));
  contributor = await bearerFor(db, await createUser(db, "contributor"));
});
afterAll(async () => {
  await removeTestUsers(db);
  await resetAtlas(db);
  await db.close();
});

const SOURCE = { title: "Coalition survey 2026, ACME network", url: "https://example.org/acme-survey-2026", publisher: "ACME network" };

const PREVIEW = gql(`mutation TestImportPreview($input: PreviewImportInput!) { previewImport(input: $input) {
  id file canApply connectionCount
  sheets { name role headers rowCount }
  mapping { sheet column field }
  problems { severity file sheet row column message }
  items { key sheet row name kind status newId canBeNew duplicateOf candidates { id name score } diff { field atlas file action } }
} }`);
const APPLY = gql(`mutation TestImportApply($input: ApplyImportInput!) { applyImport(input: $input) {
  status change { id operation recordIds } proposal { id status operation summary }
} }`);
const PROGRESS = gql(`query TestImportProgress($id: ID!) { importProgress(id: $id) { step done total } }`);
const REVERT = gql(`mutation TestImportRevert($id: ID!) { revertChange(id: $id) { id } }`);

type Preview = TestImportPreviewMutation["previewImport"];

/** What a preview asks besides the file; `base64` sends a text format's bytes as base64. */
type PreviewExtra = Omit<PreviewImportInput, "file"> & { base64?: boolean };

async function preview(
  as: Credentials,
  name: string,
  format: ImportFormat,
  content: Buffer,
  { base64: asBase64, ...extra }: PreviewExtra = {},
) {
  const base64 = format === "XLSX" || asBase64;
  return graphqlAs(app, as, PREVIEW, {
    input: {
      file: { name, format, content: base64 ? content.toString("base64") : content.toString("utf8"), encoding: base64 ? "BASE64" : "TEXT" },
      ...extra,
    },
  });
}

async function okPreview(as: Credentials, name: string, format: ImportFormat, content: Buffer, extra: PreviewExtra = {}): Promise<Preview> {
  const res = await preview(as, name, format, content, extra);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!.previewImport;
}

async function nodeProps(id: string): Promise<Record<string, unknown> | null> {
  const { records } = await db.driver.executeQuery(
    "MATCH (n:Entity {id: $id}) RETURN properties(n) AS p",
    { id },
    { database: db.database },
  );
  return (records[0]?.get("p") as Record<string, unknown>) ?? null;
}

const item = (p: Preview, name: string) => {
  const found = p.items.find((i) => i.name === name);
  if (!found) throw new Error(`no item '${name}' in ${p.items.map((i) => i.name).join(", ")}`);
  return found;
};

describe("a Kumu-layout CSV of elements", () => {
  let p: Preview;
  beforeAll(async () => {
    p = await okPreview(editor, "kumu-elements.csv", "CSV", fixture("kumu-elements.csv"), { source: SOURCE });
  });

  it("reads the BOM and semicolons, and guesses the mapping from Kumu's headers", () => {
    expect(p.sheets).toEqual([
      {
        name: "kumu-elements",
        role: "ELEMENTS",
        headers: ["Label", "Type", "Org type", "Sector", "Scope", "Country", "Founded", "Aliases", "Description"],
        rowCount: 9,
      },
    ]);
    const fieldOf = Object.fromEntries(p.mapping.map((m) => [m.column, m.field]));
    expect(fieldOf).toEqual({
      Label: "name",
      Type: "kind",
      "Org type": "type",
      Sector: "sector",
      Scope: "scope",
      Country: "country",
      Founded: "founded",
      Aliases: "aliases",
      Description: "description",
    });
  });

  it("reports each bad row by file, sheet, row and column, saying what is expected", () => {
    const lines = p.problems.map((x) => `${x.severity} ${x.file} › ${x.sheet} › ${x.row} › ${x.column}: ${x.message}`);
    expect(lines).toEqual([
      "ERROR kumu-elements.csv › kumu-elements › 6 › Founded: '19x5' is not a year: expected a year from 1800 to 2025, such as 2004",
      "ERROR kumu-elements.csv › kumu-elements › 7 › Type: unknown kind 'Spaceship' (expected one of: ORGANISATION, FORUM, CAMPAIGN, INSTRUMENT, PERSON, ISSUE, or an organisation type such as NGO)",
      "ERROR kumu-elements.csv › kumu-elements › 8 › Label: is empty: every element needs a name",
      "WARNING kumu-elements.csv › kumu-elements › 9 › Label: names the same organisation as kumu-elements row 2 ('Harbourside Migrant Workers Collective'): folded into it",
      expect.stringMatching(/^ERROR kumu-elements\.csv › kumu-elements › 10 › Country: .*unknown country code 'XQ'/),
    ]);
  });

  it("matches names with typos and accents to the bundled organisations, and finds new ones", () => {
    const centre = item(p, "Asian Migrants Centre");
    expect(centre.status).toBe("CONFIDENT");
    expect(centre.candidates[0].id).toBe("amc");
    const etuc = item(p, "Europaen Trade Union Confédération");
    expect(etuc.candidates[0].id).toBe("etuc");
    expect(["CONFIDENT", "AMBIGUOUS"]).toContain(etuc.status);
    const harbour = item(p, "Harbourside Migrant Workers Collective");
    expect(harbour.status).toBe("NEW");
    expect(harbour.newId).toBe("harbourside-migrant-workers-collective");
    expect(harbour.canBeNew).toBe(true);
    expect(item(p, "Harbourside Migrant Workers' Collective").duplicateOf).toBe(harbour.key);
    // Kumu's Type holding an organisation type is understood as one.
    expect(item(p, "Riverside Domestic Workers Union").kind).toBe("ORGANISATION");
  });

  it("refuses to apply while rows have problems, then applies the rest as one change that revert undoes", async () => {
    const before = await atlasSnapshot(db);
    const refused = await graphqlAs(app, editor, APPLY, {
      input: { previewId: p.id, acceptAllConfident: true, progressId: "kumu-refused" },
    });
    expect(refused.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.body.errors?.[0].message).toMatch(/kumu-elements › row 6 › column 'Founded'/);
    expect((await graphqlAs(app, editor, PROGRESS, { id: "kumu-refused" })).body.data?.importProgress?.step).toBe("FAILED");

    const etuc = item(p, "Europaen Trade Union Confédération");
    const res = await graphqlAs(app, editor, APPLY, {
      input: {
        previewId: p.id,
        acceptAllConfident: true,
        skipInvalidRows: true,
        decisions: [{ key: etuc.key, action: "MATCH", id: "etuc" }],
        progressId: "kumu-apply",
      },
    });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    const { status, change } = res.body.data!.applyImport;
    expect(status).toBe("APPLIED");
    if (!change) throw new Error("an applied import names its change");
    // The apply's progress under the client's id ends DONE, with every record written.
    expect((await graphqlAs(app, editor, PROGRESS, { id: "kumu-apply" })).body.data?.importProgress).toEqual({
      step: "DONE",
      done: change.recordIds.length,
      total: change.recordIds.length,
    });
    expect(change.operation).toBe("importRecords");
    expect(change.recordIds.sort()).toEqual(
      [
        "amc",
        "coalition-survey-2026-acme-network",
        "etuc",
        "harbourside-migrant-workers-collective",
        "riverside-domestic-workers-union",
      ].sort(),
    );

    const harbour = await nodeProps("harbourside-migrant-workers-collective");
    expect(harbour).toMatchObject({
      name: "Harbourside Migrant Workers Collective",
      type: "MIGRANT_ORGANISATION",
      sector: "CIVIL_SOCIETY",
      scope: "LOCAL",
      founded: 2011,
    });
    // The duplicate row's new names joined the first row's record (its name differs only by punctuation).
    expect(harbour!.aliases).toEqual(["HMWC", "Harbourside Collective", "Harbourside Workers"]);
    expect(harbour!.citationSources).toEqual(["coalition-survey-2026-acme-network", "coalition-survey-2026-acme-network"]);
    const amc = await nodeProps("amc");
    expect(amc!.name).toBe("Asian Migrants Center");
    expect(amc!.aliases).toContain("Asian Migrants Centre");
    expect(amc!.citationSources).toContain("coalition-survey-2026-acme-network");

    // A preview is used once.
    const again = await graphqlAs(app, editor, APPLY, { input: { previewId: p.id, acceptAllConfident: true, skipInvalidRows: true } });
    expect(again.body.errors?.[0].extensions?.code).toBe("NOT_FOUND");

    const revert = await graphqlAs(app, editor, REVERT, { id: change.id });
    expect(revert.body.errors).toBeUndefined();
    expect(await atlasSnapshot(db)).toEqual(before);
  }, 120_000);
});

describe("a connections sheet alone", () => {
  it("resolves ends by matching the atlas and reports unknown ends and types", async () => {
    const p = await okPreview(editor, "kumu-connections.csv", "CSV", fixture("kumu-connections.csv"), { source: SOURCE });
    expect(p.sheets[0].role).toBe("CONNECTIONS");
    const lines = p.problems.map((x) => `${x.sheet} › ${x.row} › ${x.column}: ${x.message}`);
    expect(lines).toEqual([
      "kumu-connections › 3 › To: 'Somewhere Unknown Association' is neither an element of the file nor an organisation of the atlas (add it to the elements sheet)",
      expect.stringMatching(/^kumu-connections › 4 › Type: unknown relationship type 'Friendship' \(expected one of: MEMBER_OF, /),
    ]);
    expect(item(p, "Asian Migrants Centre").candidates[0].id).toBe("amc");
    expect(item(p, "Europaen Trade Union Confederation").candidates[0].id).toBe("etuc");
  });

  it("reports a tie type the vocabulary does not allow between the kinds of its two ends, row by row", async () => {
    const csv = [
      "From,To,Type",
      "Asian Migrants Centre,Migrant Forum in Asia,Member of",
      "Asian Migrants Centre,Abuja Forum 2023,Member of",
      "Asian Migrants Centre,Abuja Forum 2023,Appeared at",
    ].join("\n");
    const p = await okPreview(editor, "rules.csv", "CSV", Buffer.from(csv), { source: SOURCE });
    expect(p.problems.map((x) => `${x.sheet} › ${x.row} › ${x.column}: ${x.message}`)).toEqual([
      "rules › 3 › Type: MEMBER_OF goes from ORGANISATION to ORGANISATION, not from ORGANISATION 'Asian Migrants Centre' to FORUM 'Abuja Forum 2023'",
    ]);
  });
});

describe("an XLSX workbook in Kumu's layout", () => {
  async function workbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const elements = book.addWorksheet("Elements");
    elements.addRow(["Label", "Type", "Org type", "Sector", "Scope", "Founded"]);
    elements.addRow(["Saltmarsh Care Workers Guild", "Organization", "Trade union", "Labour", "Local", 2014]);
    elements.addRow([
      "Estuary Migrant Rights Forum",
      "Organization",
      "Network",
      "Civil society",
      "Regional",
      { formula: "2000+9", result: 2009 },
    ]);
    elements.addRow(["Estuary Forum Two", "Organization", "Network", "Civil sociiety", "Regional", 2010]);
    const connections = book.addWorksheet("Connections");
    connections.addRow(["From", "To", "Type", "Role"]);
    connections.addRow(["Saltmarsh Care Workers Guild", "Estuary Migrant Rights Forum", "Member", "Member"]);
    book.addWorksheet("Sheet3");
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it("reads both sheets, reports the bad cell and the formula, and a contributor's import becomes one proposal", async () => {
    const p = await okPreview(contributor, "coalition.xlsx", "XLSX", await workbook(), { source: SOURCE, visibility: "MEMBERS" });
    expect(p.sheets.map((s) => [s.name, s.role, s.rowCount])).toEqual([
      ["Elements", "ELEMENTS", 3],
      ["Connections", "CONNECTIONS", 1],
    ]);
    expect(p.problems.map((x) => `${x.severity} ${x.sheet} › ${x.row} › ${x.column}: ${x.message}`)).toEqual([
      "WARNING Elements › 3 › null: cell F3 is a formula: its last computed value '2009' was read",
      expect.stringMatching(/^ERROR Elements › 4 › Sector: unknown sector 'Civil sociiety' \(expected one of: LABOUR, CIVIL_SOCIETY/),
    ]);
    const before = await atlasSnapshot(db);
    const res = await graphqlAs(app, contributor, APPLY, {
      // The person reviews the names that resemble atlas records and keeps them as new.
      input: {
        previewId: p.id,
        skipInvalidRows: true,
        decisions: p.items.filter((i) => i.status !== "NEW").map((i) => ({ key: i.key, action: "NEW" as const })),
      },
    });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.body.data!.applyImport.status).toBe("PROPOSED");
    expect(res.body.data!.applyImport.proposal).toMatchObject({
      status: "PENDING",
      operation: "importRecords",
      summary: "import 'coalition.xlsx': 2 node rows, 1 tie",
    });
    expect(await atlasSnapshot(db)).toEqual(before);
  }, 120_000);
});

describe("GEXF and GraphML", () => {
  it("imports a GEXF's nodes and edges, matched by id and name", async () => {
    const p = await okPreview(editor, "coalition.gexf", "GEXF", fixture("coalition.gexf"), { source: SOURCE });
    expect(p.problems).toEqual([]);
    expect(p.connectionCount).toBe(2);
    expect(item(p, "Europaen Trade Union Confederation").candidates[0].id).toBe("etuc");
    const before = await atlasSnapshot(db);
    const res = await graphqlAs(app, editor, APPLY, {
      input: { previewId: p.id, decisions: [{ key: item(p, "Europaen Trade Union Confederation").key, action: "MATCH", id: "etuc" }] },
    });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.body.data!.applyImport.change!.recordIds).toEqual(
      expect.arrayContaining([
        "member_of:coral-coast-fishers-union:tidewater-seafarers-network:member",
        "partners_with:tidewater-seafarers-network:etuc:partner",
      ]),
    );
    expect(await nodeProps("tidewater-seafarers-network")).toMatchObject({
      type: "NETWORK",
      sector: "LABOUR",
      scope: "REGIONAL",
      country: "ID",
    });
    await graphqlAs(app, editor, REVERT, { id: res.body.data!.applyImport.change!.id });
    expect(await atlasSnapshot(db)).toEqual(before);
  }, 120_000);

  it("imports a GraphML file with free-text vocabulary", async () => {
    const p = await okPreview(editor, "coalition.graphml", "GRAPHML", fixture("coalition.graphml"), { source: SOURCE });
    expect(p.problems).toEqual([]);
    const centre = item(p, "asian migrants center");
    expect(centre.status).toBe("CONFIDENT");
    expect(centre.candidates[0].id).toBe("amc");
    const res = await graphqlAs(app, editor, APPLY, {
      input: { previewId: p.id, acceptAllConfident: true },
    });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.body.data!.applyImport.change!.recordIds).toEqual(
      expect.arrayContaining([
        "member_of:mangrove-care-workers-association:monsoon-migrant-alliance",
        "partners_with:monsoon-migrant-alliance:amc",
      ]),
    );
    await graphqlAs(app, editor, REVERT, { id: res.body.data!.applyImport.change!.id });
  });
});

describe("bad files", () => {
  const cases: [string, ImportFormat, Buffer, RegExp, boolean?][] = [
    ["missing-node.gexf", "GEXF", fixture("missing-node.gexf"), /^missing-node\.gexf: has an edge to a node the file does not declare$/],
    [
      "entities.graphml",
      "GRAPHML",
      fixture("entities.graphml"),
      /^entities\.graphml: declares a DOCTYPE or entities, which are not accepted$/,
    ],
    ["latin1.csv", "CSV", Buffer.from("Label,Type\nF\xe9d\xe9ration,Organization\n", "latin1"), /^latin1\.csv: is not UTF-8 text/, true],
    ["book.csv", "CSV", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /^book\.csv: looks like an XLSX workbook/, true],
    ["fake.xlsx", "XLSX", Buffer.from("Label,Type\n"), /^fake\.xlsx: is not an XLSX workbook/],
    ["header-only.csv", "CSV", Buffer.from("Label,Type\n"), /^header-only\.csv › header-only: has a header but no rows$/],
    ["data.json", "JSON", Buffer.from('{"organizations": []}'), /^data\.json: has unknown keys 'organizations'/],
  ];
  it.each(cases)("%s is refused with a clear error and nothing written", async (name, format, content, message, base64) => {
    const res = await preview(editor, name, format, content, { source: SOURCE, base64: base64 ?? false });
    expect(res.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0].message).toMatch(message);
  });

  it("asks for a signed-in contributor", async () => {
    const res = await preview(null, "kumu-elements.csv", "CSV", fixture("kumu-elements.csv"), { source: SOURCE });
    expect(res.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
