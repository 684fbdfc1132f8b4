/** The import pipeline's pure steps: parsing, the guessed mapping, rows read onto the vocabulary, the similarity score. */
import { describe, expect, it } from "vitest";

import { guessMapping, resolveMapping } from "../../server/imports/mapping.js";
import { similarity } from "../../server/imports/match.js";
import { parseImportFile } from "../../server/imports/parse.js";
import { buildDrafts } from "../../server/imports/rows.js";

const csv = (text: string) => parseImportFile("t.csv", "CSV", Buffer.from(text));

describe("parsing", () => {
  it("reads semicolon and tab separated files, a BOM and quoted separators, numbering rows as a spreadsheet does (blank ones too)", async () => {
    const { parsed } = await csv('\uFEFFLabel;Description\n"Acme; Partners";"says ""hi"""\n\n;\nBeta;x\n');
    expect(parsed.sheets[0].headers).toEqual(["Label", "Description"]);
    expect(parsed.sheets[0].rows).toEqual([
      { row: 2, cells: { Label: "Acme; Partners", Description: 'says "hi"' } },
      { row: 5, cells: { Label: "Beta", Description: "x" } },
    ]);
    const tabs = await csv("From\tTo\tType\na\tb\tMEMBER_OF\n");
    expect(tabs.parsed.sheets[0]).toMatchObject({ role: "CONNECTIONS", headers: ["From", "To", "Type"] });
  });

  it("refuses a duplicate header and values under no header", async () => {
    await expect(csv("Label,Label\na,b\n")).rejects.toThrow("t.csv › t: the header 'Label' appears twice");
    await expect(csv("Label,\na,b\n")).rejects.toThrow("t.csv › t: column 2 has values but no header");
  });

  it("reads data/ JSON with the forum's own kind kept apart from the node's kind", async () => {
    const { parsed } = await parseImportFile(
      "d.json",
      "JSON",
      Buffer.from(JSON.stringify({ forums: [{ id: "f", name: "F", series: "OTHER", kind: "UN", citations: [] }], relationships: [] })),
    );
    expect(parsed.sheets[0].rows[0].cells).toEqual({ id: "f", name: "F", series: "OTHER", forumKind: "UN", kind: "FORUM" });
  });
});

describe("mapping and rows", () => {
  it("guesses Kumu's and Gephi's headers and lets the person override a guess", async () => {
    const { parsed } = await csv("Id,Label,Type,Acronym,Notes\nx,Acme,NGO,AC,hello\n");
    expect(guessMapping(parsed).map((m) => m.field)).toEqual(["id", "name", "kind", "acronym", "description"]);
    const { mapping, problems } = resolveMapping(parsed, [
      { sheet: "t", column: "Notes", field: null },
      { sheet: "t", column: "Nope", field: "name" },
    ]);
    expect(mapping.find((m) => m.column === "Notes")!.field).toBeNull();
    expect(problems).toEqual([{ sheet: "t", column: "Nope", message: "no such column (the sheet has: Id, Label, Type, Acronym, Notes)" }]);
  });

  it("reads Gephi's edge table: Type is the direction, Label the relationship type, the label columns the ends' names", async () => {
    const { parsed } = await csv(
      "Source,Target,Type,Id,Label,Kind,Source Label,Target Label,since\namc,mfa,Directed,r1,MEMBER_OF,MEMBER_OF,Asian Migrants Center,Migrant Forum in Asia,1994\n",
    );
    expect(guessMapping(parsed).map((m) => m.field)).toEqual(["from", "to", null, null, "type", null, "fromName", "toName", "since"]);
    const drafts = buildDrafts(parsed, guessMapping(parsed));
    expect(drafts.problems).toEqual([]);
    expect(drafts.connections[0]).toMatchObject({
      type: "MEMBER_OF",
      from: "amc",
      to: "mfa",
      fromName: "Asian Migrants Center",
      toName: "Migrant Forum in Asia",
      record: { since: 1994 },
    });
    // Kumu's Type is the relationship type: kept as such when it holds no direction.
    const kumu = await csv("From,To,Type\nAcme,Beta,Member of\nAcme,Gamma,directed\n");
    expect(guessMapping(kumu.parsed).map((m) => m.field)).toEqual(["from", "to", "type"]);
  });

  it("maps free-text vocabulary, splits multi-value cells, and reports what does not fit", async () => {
    const { parsed } = await csv(
      "Label,Type,Sector,Scope,Aliases,Founded\nAcme,Trade-union,civil society,Local,A | B |A,2004.0\nBeta,Organization,Labor,Local,,1750\n",
    );
    const drafts = buildDrafts(parsed, guessMapping(parsed));
    expect(drafts.elements).toHaveLength(1);
    expect(drafts.elements[0]).toMatchObject({
      kind: "ORGANISATION",
      record: { name: "Acme", type: "TRADE_UNION", sector: "CIVIL_SOCIETY", scope: "LOCAL", aliases: ["A", "B"], founded: 2004 },
    });
    expect(drafts.problems.map((p) => [p.row, p.column, p.message.split(" (")[0]])).toEqual([
      [3, "Sector", "unknown sector 'Labor'"],
      [3, "Founded", "'1750' is not a year: expected a year from 1800 to 2025, such as 2004"],
    ]);
  });
});

describe("similarity", () => {
  it("ignores case, accents and punctuation, and scores typos by edit distance", () => {
    expect(similarity("Fédération Générale", "federation generale")).toBe(1);
    expect(similarity("Asian Migrants Centre", "Asian Migrants Center")).toBeGreaterThan(0.9);
    expect(similarity("Asian Migrants Centre", "African Trade Union Migration Network")).toBeLessThan(0.5);
  });
});
