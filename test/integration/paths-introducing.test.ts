/**
 * Paths walk organisational ties first ("who could introduce whom"), on the bundled data.
 *
 * What a reader of the five documents expects, written down before the code was run:
 * - J4DW reaches IDWF through people and meetings, not through "Domestic work": J4DW's founder,
 *   Melissa Begonia, was at the 2011 International Labour Conference and in the C189 campaign with
 *   the C189 domestic workers' network, out of which IDWF grew. Both chains are among the answers.
 * - J4DW → ITUC: the documents give ITUC no tie to any body, meeting or campaign (only that it
 *   advocates the Decent Work Agenda), so by default there is no path; asked to walk through
 *   topics, the path finder finds the chains through shared themes again.
 * - No default path has an issue or instrument on it, and every step is an introducing type.
 * - In memory and in Cypher the default answers are the same: every simple path over introducing
 *   relationships between non-topic nodes, by brute force.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { allSimplePaths } from "../_paths.js";
import { data, kindsById } from "./_data.js";

let db: Database;
let cypher: ReturnType<typeof createApp>;
let memory: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  cypher = createApp(db, { cache: { budgetMb: 0 } });
  memory = createApp(db);
  await memory.warm();
});
afterAll(() => db.close());

const PATHS = gql(`query TestIntroducingPaths($from: ID!, $to: ID!, $maxLength: Int, $limit: Int, $throughTopics: Boolean) {
  paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit, throughTopics: $throughTopics) {
    length nodes { id kind } edges { type source target citations { locator evidence source { title } } }
  }
}`);

// Written out here, independently of server/analytics/tie-semantics.ts.
const INTRODUCING = new Set([
  "MEMBER_OF",
  "SUPPORTS",
  "PARTNERS_WITH",
  "FOUNDED_BY",
  "PART_OF",
  "EMERGED_FROM",
  "AFFILIATED_WITH",
  "CAMPAIGNED_IN",
  "APPEARED_AT",
  "LAUNCHED",
]);
const TOPICS = new Set(["ISSUE", "INSTRUMENT"]);
const kinds = kindsById();

const ask = async (app: ReturnType<typeof createApp>, variables: Parameters<typeof graphql<unknown, object>>[2]) => {
  const { data: result, errors } = await graphql(app, PATHS, variables as never);
  expect(errors).toBeUndefined();
  return result!.paths;
};

describe.each([
  ["in memory", () => memory],
  ["in Cypher", () => cypher],
])("paths over organisational ties (%s)", (_, app) => {
  it("should take J4DW to IDWF through its founder and the C189 campaign and conference, not through a topic", async () => {
    const paths = await ask(app(), { from: "j4dw", to: "idwf", maxLength: 4, limit: 10 });
    const chains = paths.map((p) => p.nodes.map((n) => n.id).join(" > "));
    expect(chains).toContain("j4dw > melissa-begonia > ilc-2011 > c189-domestic-workers-network > idwf");
    expect(chains).toContain("j4dw > melissa-begonia > ilo-c189-campaign > c189-domestic-workers-network > idwf");
    for (const path of paths) {
      expect(path.nodes.some((n) => TOPICS.has(n.kind))).toBe(false);
      for (const edge of path.edges) {
        expect(INTRODUCING.has(edge.type), edge.type).toBe(true);
        expect(edge.citations.length).toBeGreaterThan(0);
        expect(edge.citations[0].evidence).toBeTruthy();
      }
    }
  });

  it("should find no organisational chain from J4DW to ITUC, and the topic chains only when asked", async () => {
    expect(await ask(app(), { from: "j4dw", to: "ituc", maxLength: 6 })).toEqual([]);
    const throughTopics = await ask(app(), { from: "j4dw", to: "ituc", maxLength: 4, throughTopics: true });
    expect(throughTopics.length).toBeGreaterThan(0);
    for (const path of throughTopics) expect(path.nodes.some((n) => TOPICS.has(n.kind))).toBe(true);
  });

  it("should give every simple path over introducing ties between bodies, meetings and people, shortest first", async () => {
    const edges = data.relationships
      .filter((r) => INTRODUCING.has(r.type) && !TOPICS.has(kinds.get(r.source)!) && !TOPICS.has(kinds.get(r.target)!))
      .map((r) => [r.source, r.target] as const);
    for (const [from, to] of [
      ["j4dw", "idwf"],
      ["picum", "afl-cio"],
      ["caram-asia", "gcm"],
    ]) {
      const paths = await ask(app(), { from, to, maxLength: 4, limit: 10 });
      expect(paths.length, `${from} → ${to}`).toBeGreaterThan(0);
      const expected = allSimplePaths(edges, from, to, 4);
      // Cypher searches the 20 shortest walks only, so compare what both are sure of: the shortest.
      const shortest = expected.filter((p) => p.length === expected[0].length).slice(0, 10);
      expect(paths.map((p) => p.nodes.map((n) => n.id)).slice(0, shortest.length), `${from} → ${to}`).toEqual(shortest);
    }
  });
});
