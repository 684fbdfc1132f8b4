/**
 * The structural analyses through GraphQL (brokerage, diff, coPresence, whatIf): each answer is the
 * analysis module's own result over the same filtered read, computed on the worker thread; arguments
 * are checked with errors naming the field; the filter is respected. The analyses' correctness
 * against independent computations is test/unit/analytics-*; privacy is in privacy.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { VISIBILITIES } from "../../core/access.js";
import { brokerageRoles, brokerageSummary } from "../../server/analytics/brokerage.js";
import { coPresence, coPresenceSummary } from "../../server/analytics/co-presence.js";
import { indexColumns } from "../../server/analytics/column-graph.js";
import { whatIfIndex, whatIfRemove, whatIfSummary } from "../../server/analytics/what-if.js";
import { yearDiff } from "../../server/analytics/year-diff.js";
import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import { loadDataset } from "../../server/import/load.js";
import { relationshipId } from "../../server/import/validate.js";
import { filterParams } from "../../server/read/filter.js";
import { completedTasks } from "../../server/workers/index.js";
import { graphql } from "../_helpers.js";
import { connectTestDb } from "../_helpers.js";
import { graphql as gql } from "../gql/index.js";
import { biggestNetwork, data } from "./_data.js";

let db: Database;
let app: App;

beforeAll(async () => {
  db = await connectTestDb();
  await loadDataset(db, data);
  app = createApp(db);
});
afterAll(() => db.close());

/** The graph an anonymous visitor may see, read as the API reads it, indexed for the analyses. */
const graphOf = async (filter: Parameters<typeof filterParams>[0] = null) =>
  indexColumns((await db.read(QUERIES.networkColumns, { ...filterParams(filter), visible: VISIBILITIES.slice(0, 1) }))[0]);

const BROKERAGE = gql(`query TestBrokerage($partition: BrokeragePartition!, $filter: NetworkFilter) {
  brokerage(partition: $partition, filter: $filter) {
    partition summary organisations arcs
    roles { name explanation }
    nodes { id label group total raw { coordinator itinerant representative gatekeeper liaison } }
    groups { value size internalTies externalTies ei }
    network { ei expectedEi }
  }
}`);
const DIFF = gql(`query TestDiff($from: Int!, $to: Int!) {
  diff(from: $from, to: $to) {
    from to summary
    appeared { id kind datedBy { year recordKind recordId } }
    gone { id }
    tiesAppeared { id type source target datedBy { year recordId } }
    tiesEnded { id }
    coalitions { id joined { id } left { id } }
    metricChanges { id }
  }
}`);
const CO_PRESENCE = gql(`query TestCoPresence($from: Int, $to: Int, $minShared: Int, $limit: Int) {
  coPresence(from: $from, to: $to, minShared: $minShared, limit: $limit) {
    summary organisations minShared tieCount occurrenceCount
    ties { source target weight occurrences }
    occurrences { id kind yearFrom appearances { organisation relationshipIds } }
  }
}`);
const WHAT_IF = gql(`query TestWhatIf($remove: [ID!]!, $withMembers: Boolean) {
  whatIf(remove: $remove, withMembers: $withMembers) {
    summary missing
    removed { id kind }
    cutOff { id }
    components { before after }
    averageReach { before after }
    unionNgoPairs { connectedBefore lost lengthened disconnected }
  }
}`);

describe("brokerage", () => {
  it("gives the module's roles per organisation and E–I per group, with the five roles explained", async () => {
    const res = await graphql(app, BROKERAGE, { partition: "TYPE" });
    expect(res.errors).toBeUndefined();
    const answer = res.data!.brokerage;
    const expected = brokerageRoles(await graphOf(), "TYPE");
    expect(answer.summary).toBe(brokerageSummary(expected));
    expect(answer.organisations).toBe(expected.organisations);
    expect(answer.nodes).toEqual(
      expected.nodes.slice(0, 100).map(({ id, label, group, total, raw }) => ({ id, label, group, total, raw })),
    );
    expect(answer.groups).toEqual(
      expected.groups.map(({ value, size, internalTies, externalTies, ei }) => ({ value, size, internalTies, externalTies, ei })),
    );
    expect(answer.roles.map((r) => r.name)).toEqual(["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]);
    for (const role of answer.roles) expect(role.explanation).toMatch(/^[A-Z].+\.$/);
    expect(answer.nodes.some((n) => n.total > 0)).toBe(true);
  });

  it("counts only the organisations the filter keeps", async () => {
    const filter = { sectors: ["LABOUR" as const] };
    const res = await graphql(app, BROKERAGE, { partition: "REGION", filter });
    expect(res.errors).toBeUndefined();
    const expected = brokerageRoles(await graphOf(filter), "REGION");
    expect(res.data!.brokerage.nodes.map((n) => n.id)).toEqual(expected.nodes.map((n) => n.id));
    const labour = new Set(data.organisations.filter((o) => o.sector === "LABOUR").map((o) => o.id));
    expect(res.data!.brokerage.nodes.length).toBeGreaterThan(0);
    for (const node of res.data!.brokerage.nodes) expect(labour.has(node.id), node.id).toBe(true);
  });
});

describe("brokerage limit", () => {
  const LIMITED = gql(`query TestBrokerageLimit($limit: Int) {
    brokerage(partition: SECTOR, limit: $limit) { organisations nodes { id total } }
  }`);

  it("lists the `limit` organisations with most brokerage, and still counts them all", async () => {
    const expected = brokerageRoles(await graphOf(), "SECTOR");
    expect(expected.nodes.length).toBeGreaterThan(3);
    const res = await graphql(app, LIMITED, { limit: 3 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.brokerage.nodes).toEqual(expected.nodes.slice(0, 3).map(({ id, total }) => ({ id, total })));
    expect(res.data!.brokerage.organisations).toBe(expected.organisations);
    const byDefault = await graphql(app, LIMITED, {});
    expect(byDefault.data!.brokerage.nodes.map((n) => n.id)).toEqual(expected.nodes.slice(0, 100).map((n) => n.id));
  });

  it("refuses a limit out of range, naming it", async () => {
    const res = await graphql(app, LIMITED, { limit: 0 });
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/^limit must be an integer from 1 to 10000/);
  });
});

describe("diff", () => {
  const CITED = gql(`query TestDiffCitations($from: Int!, $to: Int!) {
    diff(from: $from, to: $to) {
      appeared { id datedBy { recordKind recordId source target citations { source { id } locator evidence } } }
      tiesAppeared { id datedBy { recordKind recordId source target citations { source { id } evidence } } }
    }
  }`);

  it("cites the relationship that dates each change, from the stored record", async () => {
    const res = await graphql(app, CITED, { from: 2005, to: 2015 });
    expect(res.errors).toBeUndefined();
    const { appeared, tiesAppeared } = res.data!.diff;
    const stored = new Map(data.relationships.map((r) => [relationshipId(r), r]));
    const byRelationship = [...appeared, ...tiesAppeared].filter((c) => c.datedBy.recordKind === "RELATIONSHIP");
    expect(byRelationship.length).toBeGreaterThan(0);
    for (const change of byRelationship) {
      const record = stored.get(change.datedBy.recordId);
      expect(record, change.datedBy.recordId).toBeDefined();
      expect([change.datedBy.source, change.datedBy.target]).toEqual([record!.source, record!.target]);
      expect(change.datedBy.citations.map((c) => [c.source.id, c.evidence])).toEqual(record!.citations.map((c) => [c.source, c.evidence]));
    }
    for (const change of appeared.filter((c) => c.datedBy.recordKind === "NODE")) {
      expect(change.datedBy).toMatchObject({ citations: [], source: null, target: null });
    }
  });

  it("lists what appeared and ended between two years, each dated by a record", async () => {
    const res = await graphql(app, DIFF, { from: 2005, to: 2015 });
    expect(res.errors).toBeUndefined();
    const answer = res.data!.diff;
    const expected = yearDiff(await graphOf(), 2005, 2015);
    expect(answer.appeared.map((n) => n.id)).toEqual(expected.nodes.appeared.map((n) => n.id));
    expect(answer.tiesAppeared.map((t) => t.id)).toEqual(expected.ties.appeared.map((t) => t.id));
    expect(answer.tiesEnded.map((t) => t.id)).toEqual(expected.ties.ended.map((t) => t.id));
    expect(answer.coalitions.map((c) => c.id)).toEqual(expected.coalitions.map((c) => c.id));
    expect(answer.appeared.length).toBeGreaterThan(0);
    for (const tie of answer.tiesAppeared) {
      expect(tie.datedBy.year).toBeGreaterThan(2005);
      expect(tie.datedBy.year).toBeLessThanOrEqual(2015);
    }
    expect(answer.metricChanges).toBeNull();
  });

  it("lists the first `limit` changes of each kind, and counts them all", async () => {
    const LIMITED = gql(`query TestDiffLimit($from: Int!, $to: Int!, $limit: Int) {
      diff(from: $from, to: $to, limit: $limit) {
        summary appeared { id } gone { id } tiesAppeared { id } tiesEnded { id }
        counts { appeared gone tiesAppeared tiesEnded coalitions }
        coalitions { id joined { id } left { id } joinedCount leftCount }
      }
    }`);
    const res = await graphql(app, LIMITED, { from: 2002, to: 2024, limit: 2 });
    expect(res.errors).toBeUndefined();
    const answer = res.data!.diff;
    const expected = yearDiff(await graphOf(), 2002, 2024);
    expect(expected.ties.appeared.length).toBeGreaterThan(2);
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    expect(ids(answer.appeared)).toEqual(ids(expected.nodes.appeared).slice(0, 2));
    expect(ids(answer.tiesAppeared)).toEqual(ids(expected.ties.appeared).slice(0, 2));
    expect(ids(answer.tiesEnded)).toEqual(ids(expected.ties.ended).slice(0, 2));
    expect(ids(answer.coalitions)).toEqual(ids(expected.coalitions).slice(0, 2));
    expect(answer.counts).toEqual({
      appeared: expected.nodes.appeared.length,
      gone: expected.nodes.gone.length,
      tiesAppeared: expected.ties.appeared.length,
      tiesEnded: expected.ties.ended.length,
      coalitions: expected.coalitions.length,
    });
    answer.coalitions.forEach((c, k) => {
      expect([c.joinedCount, c.leftCount]).toEqual([expected.coalitions[k].joined.length, expected.coalitions[k].left.length]);
      expect(ids(c.joined)).toEqual(ids(expected.coalitions[k].joined).slice(0, 2));
    });
    const all = await graphql(app, DIFF, { from: 2002, to: 2024 });
    expect(answer.summary).toBe(all.data!.diff.summary);
    const zero = await graphql(app, LIMITED, { from: 2002, to: 2024, limit: 0 });
    expect(zero.errors?.[0].message).toMatch(/^limit must be an integer from 1 to 10000/);
  });

  it("refuses years in the wrong order or out of range, naming the argument", async () => {
    const swapped = await graphql(app, DIFF, { from: 2015, to: 2005 });
    expect(swapped.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(swapped.errors?.[0].message).toMatch(/^from must not be after to/);
    const far = await graphql(app, DIFF, { from: 1000, to: 2005 });
    expect(far.errors?.[0].message).toMatch(/^from must be a year from/);
  });
});

describe("coPresence", () => {
  it("ties organisations by the occurrences they shared, each tie explained", async () => {
    const res = await graphql(app, CO_PRESENCE, { minShared: 1 });
    expect(res.errors).toBeUndefined();
    const answer = res.data!.coPresence;
    const expected = coPresence(await graphOf(), { minShared: 1 });
    expect(answer.ties).toEqual(expected.ties.map(({ source, target, weight, occurrences }) => ({ source, target, weight, occurrences })));
    expect(answer.ties.length).toBeGreaterThan(0);
    const shown = new Set(answer.occurrences.map((o) => o.id));
    for (const tie of answer.ties) {
      expect(tie.weight).toBe(tie.occurrences.length);
      expect(tie.weight).toBeGreaterThanOrEqual(1);
      for (const id of tie.occurrences) expect(shown.has(id), id).toBe(true);
    }
  });

  it("lists and explains the heaviest ties up to the limit, and counts every one", async () => {
    const res = await graphql(app, CO_PRESENCE, { minShared: 1, limit: 2 });
    expect(res.errors).toBeUndefined();
    const answer = res.data!.coPresence;
    const all = coPresence(await graphOf(), { minShared: 1 });
    const expected = coPresence(await graphOf(), { minShared: 1, limit: 2 });
    expect(all.tieCount).toBeGreaterThan(2);
    expect(answer.ties).toEqual(expected.ties.map(({ source, target, weight, occurrences }) => ({ source, target, weight, occurrences })));
    expect([answer.tieCount, answer.occurrenceCount, answer.organisations]).toEqual([all.tieCount, all.occurrenceCount, all.organisations]);
    expect(answer.summary).toBe(coPresenceSummary(all));
    expect(Math.min(...answer.ties.map((t) => t.weight))).toBe(all.ties.map((t) => t.weight).sort((a, b) => b - a)[1]);
  });

  it("refuses a minimum or a limit below one, naming it", async () => {
    const res = await graphql(app, CO_PRESENCE, { minShared: 0 });
    expect(res.errors?.[0].message).toMatch(/^minShared must be an integer from 1/);
    const limit = await graphql(app, CO_PRESENCE, { limit: 0 });
    expect(limit.errors?.[0].message).toMatch(/^limit must be an integer from 1 to 10000/);
  });
});

describe("whatIf", () => {
  it("says what removing the biggest coalition costs, off the event loop, and changes nothing", async () => {
    const hub = biggestNetwork().id;
    const tasks = completedTasks();
    const res = await graphql(app, WHAT_IF, { remove: [hub, "zz-no-such-node"], withMembers: false });
    expect(res.errors).toBeUndefined();
    const answer = res.data!.whatIf;
    const expected = whatIfRemove(whatIfIndex(await graphOf()), [hub, "zz-no-such-node"]);
    expect(answer.summary).toBe(whatIfSummary(expected));
    expect(answer.removed.map((n) => n.id)).toEqual([hub]);
    expect(answer.missing).toEqual(["zz-no-such-node"]);
    expect(answer.components).toEqual(expected.components);
    expect(answer.unionNgoPairs.lost).toBe(expected.unionNgoPairs.lost);
    expect(completedTasks()).toBeGreaterThan(tasks);
    // Nothing was removed from the store.
    const again = await graphql(app, gql(`query TestWhatIfNode($id: ID!) { node(id: $id) { id } }`), { id: hub });
    expect(again.data!.node?.id).toBe(hub);
  });

  it("refuses an empty removal, naming the argument", async () => {
    const res = await graphql(app, WHAT_IF, { remove: [] });
    expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0].message).toMatch(/^remove must name 1–200 nodes/);
  });
});
