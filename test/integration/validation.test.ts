import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const code = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0].extensions;

/** What GraphiQL asks for a field's type, four levels deep (within the depth limit). */
const INTROSPECTION = gql(`query TestIntrospection {
  __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } }
}`);

describe("input validation and query limits", () => {
  describe("arguments", () => {
    it.each([
      ["search text too long", `query ($t: String!) { search(text: $t) { score } }`, { t: "x".repeat(201) }, "text"],
      ["search limit 0", `{ search(text: "mfa", limit: 0) { score } }`, {}, "limit"],
      ["neighbourhood depth 0", `{ neighbourhood(id: "mfa", depth: 0) { nodes { id } } }`, {}, "depth"],
      ["an id of 201 characters", `query ($id: ID!) { node(id: $id) { id } }`, { id: "a".repeat(201) }, "id"],
      ["allies limit 0", `{ allies(id: "mfa", limit: 0) { score } }`, {}, "limit"],
      ["members first 101", `{ node(id: "gcm") { ... on Organisation { members(first: 101) { totalCount } } } }`, {}, "first"],
      ["a year out of range", `{ network(filter: { yearTo: 3000 }) { nodes { id } } }`, {}, "filter.yearTo"],
      ["paths from a node to itself", `{ paths(from: "mfa", to: "mfa") { length } }`, {}, "to"],
    ])("should reject %s as BAD_USER_INPUT naming the field", async (_, query, variables, field) => {
      const result = await graphql(app, query, variables);
      expect(code(result)).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(result.errors?.[0].message).toContain(field);
    });

    it("should answer NOT_FOUND for unknown ids wherever a node is required", async () => {
      for (const query of [
        `{ neighbourhood(id: "nope") { nodes { id } } }`,
        `{ expand(id: "nope") { nodes { id } } }`,
        `{ allies(id: "nope") { score } }`,
        `{ paths(from: "nope", to: "mfa") { length } }`,
        `{ compare(ids: ["mfa", "nope"]) { shared { category } } }`,
      ]) {
        expect(code(await graphql(app, query)), query).toMatchObject({ code: "NOT_FOUND" });
      }
    });

    it("should reject bad enum values in variables as BAD_USER_INPUT naming the variable", async () => {
      const result = await graphql(
        app,
        `
          query ($f: NetworkFilter) {
            network(filter: $f) {
              nodes {
                id
              }
            }
          }
        `,
        { f: { sectors: ["LABOR"] } },
      );
      expect(code(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "f" });
      expect(result.errors?.[0].message).toContain("LABOR");
      const inline = await graphql(
        app,
        `
          {
            network(filter: { kinds: [COUNTRY] }) {
              nodes {
                id
              }
            }
          }
        `,
      );
      expect(code(inline)).toMatchObject({ code: "BAD_USER_INPUT" });
    });
  });

  describe("query limits", () => {
    it("should refuse a query nested too deep", async () => {
      const deep = `{ node(id: "mfa") { relationships { other { relationships { other { relationships { other { relationships { other { id } } } } } } } } } }`;
      const result = await graphql(app, deep);
      expect(code(result)).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
      expect(result.data).toBeUndefined();
    });

    it("should refuse too many aliases", async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: node(id: "mfa") { id }`).join(" ");
      expect(code(await graphql(app, `{ ${aliases} }`))).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
    });

    it("should refuse a query whose cost is too high", async () => {
      const fields = "id name kind aliases description citations { locator evidence source { id title authors year } }";
      const wide = Array.from(
        { length: 14 },
        (_, i) =>
          `n${i}: neighbourhood(id: "mfa", depth: 3) { nodes { ${fields} } edges { id type source target citations { locator evidence source { id title } } } }`,
      ).join(" ");
      const result = await graphql(app, `{ ${wide} }`);
      expect(code(result)).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
      expect(result.errors?.[0].message).toMatch(/cost/i);
    });

    it("should still serve the explorer's heaviest queries and introspection", async () => {
      const path = await graphql(
        app,
        `
          {
            paths(from: "j4dw", to: "idwf") {
              nodes {
                id
              }
              edges {
                citations {
                  source {
                    title
                  }
                }
              }
            }
          }
        `,
      );
      expect(path.errors).toBeUndefined();
      const introspection = await graphql(app, INTROSPECTION);
      expect(introspection.errors).toBeUndefined();
      expect(introspection.data!.__schema.types.length).toBeGreaterThan(20);
    });
  });
});
