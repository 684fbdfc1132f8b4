import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { toGraphRows } from "../../server/import/to-graph.js";
import { DataValidationError, parseDataset, relationshipId } from "../../server/import/validate.js";

const cite = [{ source: "doc", locator: "Intro", evidence: "Says so." }];

/** A small valid dataset; each test breaks one thing in a copy. */
function validRaw() {
  return {
    sources: [{ id: "doc", title: "A document", authors: ["A. Author"], year: 2015, file: "000.txt", description: "Test source." }],
    organisations: [
      {
        id: "mfa",
        name: "Migrant Forum in Asia",
        acronym: "MFA",
        type: "NETWORK",
        sector: "CIVIL_SOCIETY",
        scope: "REGIONAL",
        region: "ASIA_PACIFIC",
        citations: cite,
      },
      {
        id: "gcm",
        name: "Global Coalition of Migration",
        type: "NETWORK",
        sector: "CIVIL_SOCIETY",
        scope: "GLOBAL",
        founded: 2011,
        citations: cite,
      },
    ],
    forums: [{ id: "pga-2010", name: "PGA 2010", series: "PGA", kind: "CIVIL_SOCIETY", year: 2010, country: "MX", citations: cite }],
    campaigns: [],
    instruments: [],
    people: [],
    issues: [],
    relationships: [
      { type: "MEMBER_OF", source: "mfa", target: "gcm", role: "MEMBER", citations: cite },
      { type: "APPEARED_AT", source: "mfa", target: "pga-2010", year: 2010, citations: cite },
    ],
  };
}

function problemsOf(raw: ReturnType<typeof validRaw>) {
  try {
    parseDataset(raw);
  } catch (error) {
    if (error instanceof DataValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected the dataset to be invalid");
}

describe("dataset validation", () => {
  it("should accept a valid dataset", () => {
    const data = parseDataset(validRaw());
    expect(data.organisations.map((o) => o.id)).toEqual(["mfa", "gcm"]);
  });

  it("should accept the bundled dataset", () => {
    const data = readDataset(DATA_DIR);
    expect(data.sources).toHaveLength(5);
    expect(data.organisations.length).toBeGreaterThan(6);
    // The bundled atlas is public: no record narrows who may see it.
    const records = [
      data.organisations,
      data.forums,
      data.campaigns,
      data.instruments,
      data.people,
      data.issues,
      data.relationships,
    ].flat();
    expect(records.filter((r) => r.visibility !== undefined)).toEqual([]);
  });

  it("should name file, record and field of a dangling reference", () => {
    const raw = validRaw();
    raw.relationships[0].target = "nowhere";
    expect(problemsOf(raw)).toContainEqual({
      file: "relationships.json",
      record: "#0 (member_of:mfa:nowhere:member)",
      field: "target",
      message: "unknown node id 'nowhere'",
    });
  });

  it("should reject duplicate ids across kinds", () => {
    const raw = validRaw();
    raw.forums[0].id = "mfa";
    expect(problemsOf(raw)).toContainEqual(expect.objectContaining({ file: "forums.json", record: "mfa", field: "id" }));
  });

  it("should reject a relationship without citations", () => {
    const raw = validRaw();
    raw.relationships[1].citations = [];
    expect(problemsOf(raw)).toContainEqual(expect.objectContaining({ file: "relationships.json", field: "citations" }));
  });

  it("should reject a citation without evidence", () => {
    const raw = validRaw();
    raw.organisations[1].citations = [{ source: "doc", locator: "Intro", evidence: "  " }];
    expect(problemsOf(raw)).toContainEqual(expect.objectContaining({ record: "gcm", field: "citations.0.evidence" }));
  });

  it("should reject a citation of an unknown source", () => {
    const raw = validRaw();
    raw.relationships[0].citations = [{ source: "elsewhere", locator: "p. 1", evidence: "Says so." }];
    expect(problemsOf(raw)).toContainEqual(
      expect.objectContaining({ field: "citations.0.source", message: expect.stringContaining("unknown source 'elsewhere'") }),
    );
  });

  it("should reject unknown enum values", () => {
    const raw = validRaw();
    (raw.organisations[0] as { type: string }).type = "CLUB";
    expect(problemsOf(raw)).toContainEqual(expect.objectContaining({ file: "organisations.json", record: "mfa", field: "type" }));
  });

  it("should accept a visibility on nodes and relationships, store it, and leave all-public data as it was", () => {
    const raw = validRaw();
    const publicHash = toGraphRows(parseDataset(raw)).hash;
    Object.assign(raw.organisations[1], { visibility: "MEMBERS" });
    Object.assign(raw.relationships[0], { visibility: "EDITORS" });
    const rows = toGraphRows(parseDataset(raw));
    expect(rows.nodes.find((n) => n.id === "gcm")!.props.visibility).toBe("MEMBERS");
    expect(rows.nodes.find((n) => n.id === "mfa")!.props).not.toHaveProperty("visibility");
    expect(rows.relationships[0].props.visibility).toBe("EDITORS");
    expect(rows.relationships[1].props).not.toHaveProperty("visibility");
    // Absent means PUBLIC: the bundled data's hash (and so every store loaded from it) is unchanged.
    expect(rows.hash).not.toBe(publicHash);
    expect(toGraphRows(parseDataset(validRaw())).hash).toBe(publicHash);
  });

  it("should reject an unknown visibility, naming the record and field", () => {
    const raw = validRaw();
    Object.assign(raw.organisations[0], { visibility: "SECRET" });
    Object.assign(raw.relationships[1], { visibility: "public" });
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.objectContaining({ file: "organisations.json", record: "mfa", field: "visibility" }));
    expect(problems).toContainEqual(expect.objectContaining({ file: "relationships.json", field: "visibility" }));
  });

  it("should reject a role the relationship type does not allow", () => {
    const raw = validRaw();
    raw.relationships[0].role = "FUNDER";
    expect(problemsOf(raw)).toContainEqual(
      expect.objectContaining({ field: "role", message: expect.stringContaining("unknown role 'FUNDER'") }),
    );
  });

  it("should reject years out of range", () => {
    const raw = validRaw();
    raw.organisations[1].founded = 3011;
    expect(problemsOf(raw)).toContainEqual(
      expect.objectContaining({ record: "gcm", field: "founded", message: expect.stringContaining("2025") }),
    );
  });

  it("should reject self-loops", () => {
    const raw = validRaw();
    raw.relationships[0].target = "mfa";
    expect(problemsOf(raw)).toContainEqual(expect.objectContaining({ field: "target", message: expect.stringContaining("self-loop") }));
  });

  it("should reject endpoints of the wrong kind", () => {
    const raw = validRaw();
    raw.relationships[0].target = "pga-2010";
    expect(problemsOf(raw)).toContainEqual(
      expect.objectContaining({ field: "target", message: expect.stringContaining("MEMBER_OF cannot end at a FORUM") }),
    );
  });

  it("should hold the founding and response types to the kinds that can found, answer and launch", () => {
    const raw = validRaw();
    raw.relationships = [
      { type: "FOUNDED_BY", source: "gcm", target: "pga-2010", citations: cite },
      { type: "LAUNCHED", source: "mfa", target: "pga-2010", citations: cite },
      { type: "FORMED_IN_RESPONSE_TO", source: "gcm", target: "pga-2010", role: "MEMBER", citations: cite },
      { type: "MEMBER_OF", source: "mfa", target: "gcm", role: "CONSTITUENT", citations: cite },
    ] as typeof raw.relationships;
    expect(problemsOf(raw).map((p) => `${p.field}: ${p.message}`)).toEqual([
      "target: FOUNDED_BY cannot end at a FORUM (allowed: ORGANISATION, PERSON)",
      "source: LAUNCHED cannot start at a ORGANISATION (allowed: FORUM)",
      "role: FORMED_IN_RESPONSE_TO takes no role",
    ]);
  });

  it("should reject duplicate relationships", () => {
    const raw = validRaw();
    raw.relationships.push({ ...raw.relationships[0] });
    expect(problemsOf(raw)).toContainEqual(expect.objectContaining({ message: expect.stringContaining("duplicate relationship") }));
  });

  it("should reject unknown country codes", () => {
    const raw = validRaw();
    raw.forums[0].country = "XX";
    expect(problemsOf(raw)).toContainEqual(expect.objectContaining({ record: "pga-2010", field: "country" }));
  });

  it("should name a file that is not valid JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "atlas-data-"));
    writeFileSync(join(dir, "organisations.json"), "[{");
    expect(() => readDataset(dir)).toThrowError(/organisations.json › \(file\) › \(json\): is not valid JSON/);
  });
});

describe("#relationshipId", () => {
  it("should be stable and include the role", () => {
    expect(relationshipId({ type: "MEMBER_OF", source: "j4dw", target: "unite", role: "AFFILIATE" })).toBe(
      "member_of:j4dw:unite:affiliate",
    );
    expect(relationshipId({ type: "SUPPORTS", source: "bwi", target: "pga" })).toBe("supports:bwi:pga");
  });
});
