import { readFileSync } from "node:fs";

import { buildSchema, GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";

import { SCHEMA_FILE } from "../../server/app.js";
import {
  humanise,
  NODE_KINDS,
  ORGANISATION_TYPES,
  REGIONS,
  RELATIONSHIP_PHRASES,
  RELATIONSHIP_TYPES,
  SCOPES,
  SECTORS,
} from "../../web/src/graph/vocabulary.js";

const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe("web vocabulary", () => {
  it("should list exactly the GraphQL enum values, in the schema's order", () => {
    expect([...NODE_KINDS]).toEqual(values("NodeKind"));
    expect([...ORGANISATION_TYPES]).toEqual(values("OrganisationType"));
    expect([...SECTORS]).toEqual(values("Sector"));
    expect([...SCOPES]).toEqual(values("Scope"));
    expect([...REGIONS]).toEqual(values("Region"));
    expect([...RELATIONSHIP_TYPES]).toEqual(values("RelationshipType"));
  });

  it("should phrase every relationship type both ways", () => {
    expect(Object.keys(RELATIONSHIP_PHRASES).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  describe("#humanise", () => {
    it("should turn enum values into readable labels", () => {
      expect(humanise("UNION_CONFEDERATION")).toBe("Union confederation");
      expect(humanise("NGO")).toBe("NGO");
      expect(humanise("ASIA_PACIFIC")).toBe("Asia–Pacific");
      expect(humanise(null)).toBe("");
    });
  });
});
