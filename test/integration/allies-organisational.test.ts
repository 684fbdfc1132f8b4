/**
 * Allies rank organisational ties above shared topics and leave states out, on the bundled data.
 *
 * What a reader of the five documents expects, written down before the code was run:
 * - J4DW's best ally is the C189 domestic workers' network: J4DW's founder Melissa Begonia was in
 *   the C189 campaign and at the 2011 International Labour Conference alongside it. Both shared
 *   things are named, through her, and cited.
 * - The governments of Indonesia and the Philippines also work on domestic work, but a state is
 *   not a civil-society ally: they are left out unless asked for, and then come after.
 * - Suggestions sharing a coalition, campaign, forum occurrence or partner come before those
 *   sharing only a theme, whatever the theme's weight.
 * - Beyond UNITE (its union, already tied to it) and Begonia, the documents give J4DW nothing but the
 *   C189 campaign and the 2011-2012 conferences, where the only other named body is the C189 network
 *   (the ILO is intergovernmental): so that network is its one organisational ally. The IDWF, which
 *   grew out of that network, shares only the theme of domestic work with J4DW: it is suggested, after,
 *   with that theme as its reason.
 * - PICUM's allies start with MFA and the Pan-African Network, its fellow members of GCM, PGA and
 *   the WSFM: three shared coalitions, each a cited reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { data } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const ALLIES = gql(`query TestOrganisationalAllies($id: ID!, $limit: Int, $includeStates: Boolean) {
  allies(id: $id, limit: $limit, includeStates: $includeStates) {
    score organisationalScore node { id } reasons
    ties { node { id name } category organisational reason edges { type source target citations { locator evidence source { id } } } }
  }
}`);

const STATES = new Set(data.organisations.filter((o) => o.type === "GOVERNMENT" || o.type === "INTERGOVERNMENTAL").map((o) => o.id));

async function allies(id: string, includeStates?: boolean) {
  const { data: result, errors } = await graphql(app, ALLIES, { id, limit: 50, includeStates });
  expect(errors).toBeUndefined();
  return result!.allies;
}

describe("allies: organisational ties first", () => {
  it("should name the C189 network as J4DW's first ally, through Melissa Begonia, with cited ties", async () => {
    const found = await allies("j4dw");
    expect(found[0].node.id).toBe("c189-domestic-workers-network");
    const first = found[0];
    expect(first.organisationalScore).toBeGreaterThan(0);
    const shared = first.ties.filter((t) => t.organisational).map((t) => t.node.id);
    expect(shared).toEqual(expect.arrayContaining(["ilo-c189-campaign", "ilc-2011"]));
    for (const tie of first.ties.filter((t) => t.organisational)) {
      expect(tie.reason).toContain(tie.node.name);
      expect(tie.reason).toContain("Melissa Begonia");
      // Both sides are cited: J4DW's founder's tie and the network's own.
      expect(tie.edges.length).toBeGreaterThanOrEqual(3);
      expect(tie.edges.some((e) => e.source === "c189-domestic-workers-network")).toBe(true);
      expect(tie.edges.some((e) => e.type === "AFFILIATED_WITH" && e.target === "j4dw")).toBe(true);
      for (const edge of tie.edges) expect(edge.citations[0].evidence).toBeTruthy();
    }
    expect(first.reasons).toEqual(first.ties.map((t) => t.reason));
  });

  it("should give J4DW the C189 network as its one organisational ally and the IDWF after it, on a shared theme", async () => {
    const found = await allies("j4dw");
    expect(found.filter((a) => a.organisationalScore > 0).map((a) => a.node.id)).toEqual(["c189-domestic-workers-network"]);
    const idwf = found.find((a) => a.node.id === "idwf");
    expect(idwf).toBeDefined();
    expect(idwf!.organisationalScore).toBe(0);
    expect(idwf!.ties.map((t) => t.node.id)).toContain("domestic-work");
    expect(idwf!.reasons.join(" ")).toContain("Domestic work");
    expect(found.map((a) => a.node.id)).not.toContain("unite");
  });

  it("should leave states and intergovernmental bodies out unless asked, and rank them after", async () => {
    const without = await allies("j4dw");
    expect(without.filter((a) => STATES.has(a.node.id))).toEqual([]);
    const withStates = await allies("j4dw", true);
    const ids = withStates.map((a) => a.node.id);
    expect(ids).toEqual(expect.arrayContaining(["government-of-indonesia", "government-of-the-philippines"]));
    expect(ids.indexOf("c189-domestic-workers-network")).toBe(0);
  });

  it("should put every organisational match before any match on topics alone", async () => {
    for (const id of ["j4dw", "picum", "caram-asia", "idwf"]) {
      const found = await allies(id);
      const keys = found.map((a) => [a.organisationalScore, a.score]);
      expect(keys, id).toEqual([...keys].sort((x, y) => y[0] - x[0] || y[1] - x[1]));
      for (const ally of found) {
        expect(ally.organisationalScore > 0, `${id}: ${ally.node.id}`).toBe(ally.ties.some((t) => t.organisational));
        // A reason per shared thing, organisational ones first.
        const flags = ally.ties.map((t) => t.organisational);
        expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
      }
    }
  });

  it("should start PICUM's allies with its fellow members of GCM, PGA and the WSFM", async () => {
    const found = await allies("picum");
    expect(
      found
        .slice(0, 2)
        .map((a) => a.node.id)
        .sort(),
    ).toEqual(["mfa", "pan-african-network"]);
    for (const ally of found.slice(0, 2)) {
      const coalitions = ally.ties.filter((t) => t.category === "MEMBERSHIP").map((t) => t.node.id);
      expect(coalitions.sort()).toEqual(["gcm", "pga", "wsfm"]);
      for (const tie of ally.ties.filter((t) => t.category === "MEMBERSHIP")) {
        expect(tie.reason).toBe(`Both are members of ${tie.node.name}`);
        expect(tie.edges.map((e) => e.source).sort()).toEqual([ally.node.id, "picum"].sort());
      }
    }
  });
});
