/**
 * Paths walk organisational ties first ("who could introduce whom"), on the bundled data.
 *
 * What a reader of the five documents expects, written down before the code was run:
 * - J4DW reaches IDWF through people and meetings, not through "Domestic work": J4DW's founder,
 *   Melissa Begonia, was at the 2011 International Labour Conference and in the C189 campaign with
 *   the C189 domestic workers' network, out of which IDWF grew. Both chains are among the answers.
 * - ITUC: the only body the documents tie it to is ITUC Africa (its African organisation, by name),
 *   a co-organiser of the 2023 Abuja Forum, which launched the GFMD civil-society process of
 *   2023-2024. So ITUC reaches that process and that round of the GFMD through ITUC Africa and the
 *   Abuja Forum, and the Forum's other co-organisers (PANDiMR among them) through the Forum.
 * - J4DW → ITUC: J4DW sits in the C189 and ILO world of 2009-2012, ITUC Africa in the African
 *   civil-society process of 2023; the documents join the two only through organisations, meetings
 *   and people, but by a chain far longer than the path finder's six steps (it runs through the
 *   ILO, the UN, the Asian networks, the GCM and the GFMD), so the API answers no default path of
 *   six steps or fewer; asked to walk through topics, it finds the chains through shared themes.
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
import { data, distance, kindsById } from "./_data.js";

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

describe("the bundled data's organisational ties", () => {
  it("should join J4DW to ITUC through bodies, meetings and people only, in more than six steps", () => {
    const introducing = data.relationships.filter(
      (r) => INTRODUCING.has(r.type) && !TOPICS.has(kinds.get(r.source)!) && !TOPICS.has(kinds.get(r.target)!),
    );
    const steps = distance("j4dw", "ituc", { ...data, relationships: introducing });
    expect(steps).toBeDefined();
    expect(steps!).toBeGreaterThan(6);
  });
});

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

  it("should take ITUC through ITUC Africa and the Abuja Forum to the 2023-2024 GFMD and the Forum's co-organisers", async () => {
    const toRound = await ask(app(), { from: "ituc", to: "gfmd-2023-2024", maxLength: 4, limit: 10 });
    expect(toRound.map((p) => p.nodes.map((n) => n.id).join(" > "))).toContain(
      "ituc > ituc-africa > abuja-forum-2023 > gfmd-2023-2024-civil-society-process > gfmd-2023-2024",
    );
    const toPeer = await ask(app(), { from: "ituc", to: "pandimr", maxLength: 4, limit: 10 });
    expect(toPeer[0].nodes.map((n) => n.id)).toEqual(["ituc", "ituc-africa", "abuja-forum-2023", "pandimr"]);
    for (const path of [...toRound, ...toPeer]) {
      expect(path.nodes.some((n) => TOPICS.has(n.kind))).toBe(false);
      for (const edge of path.edges) {
        expect(INTRODUCING.has(edge.type), edge.type).toBe(true);
        expect(edge.citations[0].evidence).toBeTruthy();
      }
    }
  });

  it("should find no organisational chain of six steps or fewer from J4DW to ITUC, and the topic chains only when asked", async () => {
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
