import { VISIBILITIES } from "../../core/access.js";
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { QUERIES } from "../../server/db/registry.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const SEARCH = gql(`query ApiSearch($text: String!, $kinds: [NodeKind!], $limit: Int) {
  search(text: $text, kinds: $kinds, limit: $limit) { score node { id name kind } }
}`);

describe("GraphQL API", () => {
  describe("search", () => {
    it.each([
      ["IDWF", "idwf"],
      ["idwf", "idwf"],
      ["Via Campensina", "via-campesina"],
      ["vía campesina", "via-campesina"],
      ["Migrant Forum in Asia", "mfa"],
      ["domestic workers federation", "idwf"],
    ])("should find %s", async (text, id) => {
      const { data } = await graphql(app, SEARCH, { text });
      expect(data?.search[0]?.node.id).toBe(id);
    });

    it("should filter by kind and respect the limit", async () => {
      const { data } = await graphql(app, SEARCH, { text: "ilo", kinds: ["FORUM"], limit: 2 });
      expect(data?.search.length).toBeGreaterThan(0);
      expect(data?.search.length).toBeLessThanOrEqual(2);
      expect(data?.search.every((h) => h.node.kind === "FORUM")).toBe(true);
    });

    it("should reject a limit above its cap, naming the argument", async () => {
      const { errors } = await graphql(app, SEARCH, { text: "mfa", limit: 500 });
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "limit" });
    });

    it("should reject empty text", async () => {
      const { errors } = await graphql(app, SEARCH, { text: "  " });
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "text" });
    });
  });

  describe("node", () => {
    it("should return an organisation with cited relationships", async () => {
      const { data } = await graphql(
        app,
        gql(`
          query ApiNode {
            node(id: "j4dw") {
              __typename
              id
              ... on Organisation {
                acronym
                type
                citations {
                  source {
                    id
                  }
                }
                relationships {
                  type
                  direction
                  other {
                    id
                  }
                  citations {
                    source {
                      title
                    }
                    evidence
                  }
                }
              }
            }
          }
        `),
      );
      const node = data!.node;
      assert(node?.__typename === "Organisation", "j4dw is an organisation");
      expect(node.acronym).toBe("J4DW");
      expect(node.citations.length).toBeGreaterThan(0);
      const affiliation = node.relationships.find((r) => r.type === "MEMBER_OF" && r.other.id === "unite");
      expect(affiliation?.direction).toBe("OUT");
      for (const r of node.relationships) {
        expect(r.citations.length).toBeGreaterThan(0);
        expect(r.citations[0].source.title).toBeTruthy();
        expect(r.citations[0].evidence).toBeTruthy();
      }
    });

    it("should return null for an unknown id", async () => {
      const { data, errors } = await graphql(
        app,
        gql(`
          query ApiUnknownNode {
            node(id: "no-such-body") {
              id
            }
          }
        `),
      );
      expect(errors).toBeUndefined();
      expect(data?.node).toBeNull();
    });
  });

  describe("network", () => {
    it("should return every node and relationship of the graph", async () => {
      const { data } = await graphql(
        app,
        gql(`
          query ApiNetwork {
            network {
              nodes {
                id
              }
              edges {
                id
                source
                target
              }
            }
          }
        `),
      );
      const [counts] = await db.read(QUERIES.graphCounts, { visible: VISIBILITIES });
      expect(data!.network.nodes).toHaveLength(counts.nodes);
      expect(data!.network.edges).toHaveLength(counts.relationships);
      const ids = new Set(data!.network.nodes.map((n) => n.id));
      expect(data!.network.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    });

    it("should drop bodies founded after yearTo", async () => {
      const all = await graphql(
        app,
        gql(`
          query ApiFounded {
            network {
              nodes {
                id
                ... on Organisation {
                  founded
                }
              }
            }
          }
        `),
      );
      const founded = all.data!.network.nodes.flatMap((n) => ("founded" in n && n.founded ? [{ id: n.id, founded: n.founded }] : []));
      const latest = founded.sort((a, b) => b.founded - a.founded)[0];
      const asOf = await graphql(
        app,
        gql(`
          query ApiAsOf($y: Int) {
            network(filter: { yearTo: $y }) {
              nodes {
                id
              }
            }
          }
        `),
        { y: latest.founded - 1 },
      );
      const ids = asOf.data!.network.nodes.map((n) => n.id);
      expect(ids).not.toContain(latest.id);
      expect(ids.length).toBeLessThan(all.data!.network.nodes.length);
      expect(ids.length).toBeGreaterThan(0);
    });

    it("should filter by kind", async () => {
      const { data } = await graphql(
        app,
        gql(`
          query ApiForums {
            network(filter: { kinds: [FORUM] }) {
              nodes {
                kind
              }
            }
          }
        `),
      );
      expect(data!.network.nodes.length).toBeGreaterThan(0);
      expect(new Set(data!.network.nodes.map((n) => n.kind))).toEqual(new Set(["FORUM"]));
    });

    it("should reject a reversed year range", async () => {
      const { errors } = await graphql(
        app,
        `
          {
            network(filter: { yearFrom: 2010, yearTo: 2000 }) {
              nodes {
                id
              }
            }
          }
        `,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.yearFrom" });
    });
  });

  describe("neighbourhood", () => {
    const Q = gql(
      `query ApiNeighbourhood($id: ID!, $depth: Int) { neighbourhood(id: $id, depth: $depth) { nodes { id } edges { source target } } }`,
    );

    it("should grow with depth and contain the direct neighbours", async () => {
      const one = await graphql(app, Q, { id: "j4dw", depth: 1 });
      const two = await graphql(app, Q, { id: "j4dw", depth: 2 });
      const ids1 = one.data!.neighbourhood.nodes.map((n) => n.id);
      expect(ids1).toEqual(expect.arrayContaining(["j4dw", "unite"]));
      expect(two.data!.neighbourhood.nodes.length).toBeGreaterThan(ids1.length);
    });

    it("should answer NOT_FOUND for an unknown id", async () => {
      const { errors } = await graphql(app, Q, { id: "no-such-body", depth: 1 });
      expect(errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
    });

    it("should reject depth above 3", async () => {
      const { errors } = await graphql(app, Q, { id: "mfa", depth: 4 });
      expect(errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "depth" });
      expect(JSON.stringify(errors)).not.toMatch(/at .*\.ts:\d+/);
    });
  });

  describe("sources", () => {
    it("should list the five documents", async () => {
      const { data } = await graphql(
        app,
        gql(`
          query ApiSources {
            sources {
              id
              title
            }
          }
        `),
      );
      expect(data!.sources.map((s) => s.id).sort()).toEqual([
        "gfmd-csm-2024",
        "likic-brboric-schierup-2010",
        "piper-2005",
        "piper-2015",
        "piper-rosewarne-withers-2017",
      ]);
    });
  });
});

describe("HTTP", () => {
  it("should report health with graph counts", async () => {
    const response = await fetchFromApp(app, "/healthz");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const [counts] = await db.read(QUERIES.graphCounts, { visible: VISIBILITIES });
    expect(body).toEqual({ status: "ok", neo4j: "up", nodes: counts.nodes, relationships: counts.relationships });
  });

  it("should answer 503 with a reason when Neo4j is down", async () => {
    const closed = await connectTestDb();
    await closed.close();
    const response = await fetchFromApp(createApp(closed), "/healthz");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", neo4j: "down" });
  });

  it("should mask unexpected errors without stack traces", async () => {
    const closed = await connectTestDb();
    await closed.close();
    const { errors } = await graphql(
      createApp(closed),
      `
        {
          sources {
            id
          }
        }
      `,
    );
    expect(errors?.[0].extensions?.code).toMatch(/SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR/);
    expect(JSON.stringify(errors)).not.toMatch(/stack|neo4j-driver|\.ts:\d+/);
  });
});

/** Sends a request through the app's Node handler on an ephemeral port. */
async function fetchFromApp(target: ReturnType<typeof createApp>, path: string): Promise<Response> {
  const server = target.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  try {
    return await fetch(`http://127.0.0.1:${port}${path}`).then(async (r) => new Response(await r.text(), { status: r.status }));
  } finally {
    server.close();
  }
}
