import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { columnsOfRows } from "../../bench/read-model.js";
import { edgeId, indexColumns } from "../../server/analytics/column-graph.js";
import { buildUndirectedGraph } from "../../server/analytics/graph.js";
import { computeMetrics, type GraphMetrics, type NodeMetricValues } from "../../server/analytics/metrics.js";
import { metricChanges, yearDiff, yearDiffSummary } from "../../server/analytics/year-diff.js";
import { lifespans, snapshot, snapshotTopology } from "../../server/analytics/year-snapshot.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { toGraphRows } from "../../server/import/to-graph.js";

/**
 * A dated dataset (test/fixtures/year-diff/data, read and validated like data/) and, written by
 * hand from its dates, what is on the map as of 2005 and as of 2015 (as-of-*.json, each entry
 * saying why). The diff must be exactly the difference between those two.
 */
const FIXTURES = new URL("../fixtures/year-diff/", import.meta.url);
const graph = indexColumns(columnsOfRows(toGraphRows(readDataset(fileURLToPath(new URL("data", FIXTURES))))));
interface AsOf {
  year: number;
  nodes: Record<string, string>;
  relationships: Record<string, string>;
}
const asOf = (year: number) => JSON.parse(readFileSync(new URL(`as-of-${year}.json`, FIXTURES), "utf8")) as AsOf;
const [early, late] = [asOf(2005), asOf(2015)];
const minus = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a)
    .filter((id) => !(id in b))
    .sort();

describe("change between years", () => {
  const spans = lifespans(graph);

  describe("#snapshot", () => {
    for (const fixture of [early, late]) {
      it(`should show as of ${fixture.year} what the hand-written fixture lists`, () => {
        const shot = snapshot(graph, spans, fixture.year);
        expect(graph.ids.filter((_, i) => shot.nodes[i]).sort()).toEqual(Object.keys(fixture.nodes).sort());
        expect(
          graph.columns.edges.type
            .map((_, j) => j)
            .filter((j) => shot.edges[j])
            .map((j) => edgeId(graph, j))
            .sort(),
        ).toEqual(Object.keys(fixture.relationships).sort());
      });
    }
  });

  describe("#yearDiff", () => {
    const diff = yearDiff(graph, 2005, 2015, spans);
    const dated = (recordKind: string, recordId: string, year: number) => ({ recordKind, recordId, year });

    it("should be the difference between the two snapshots", () => {
      expect(diff.nodes.appeared.map((n) => n.id)).toEqual(minus(late.nodes, early.nodes));
      expect(diff.nodes.gone.map((n) => n.id)).toEqual(minus(early.nodes, late.nodes));
      expect(diff.ties.appeared.map((t) => t.id)).toEqual(minus(late.relationships, early.relationships));
      expect(diff.ties.ended.map((t) => t.id)).toEqual(minus(early.relationships, late.relationships));
    });

    /**
     * beta and mu by their founding; delta, undated, by its earliest tie (member of alpha since
     * 2009); forum-2012 by its year; gamma by its dissolution. A tie by the latest of its own start
     * and its ends' (its own on a tie), or the earliest of its own end and its ends': mu's undated
     * membership by mu's founding, gamma's and iota's memberships by gamma's dissolution.
     */
    it("should cite the record that dates every change", () => {
      expect(diff.nodes.appeared.map((n) => [n.id, n.kind, n.datedBy])).toEqual([
        ["beta", "ORGANISATION", dated("NODE", "beta", 2008)],
        ["delta", "ORGANISATION", dated("RELATIONSHIP", "member_of:delta:alpha", 2009)],
        ["forum-2012", "FORUM", dated("NODE", "forum-2012", 2012)],
        ["mu", "ORGANISATION", dated("NODE", "mu", 2011)],
      ]);
      expect(diff.nodes.gone.map((n) => n.datedBy)).toEqual([dated("NODE", "gamma", 2010)]);
      expect(Object.fromEntries(diff.ties.appeared.map((t) => [t.id, t.datedBy]))).toEqual({
        "appeared_at:beta:forum-2012": dated("RELATIONSHIP", "appeared_at:beta:forum-2012", 2012),
        "appeared_at:delta:forum-2012": dated("RELATIONSHIP", "appeared_at:delta:forum-2012", 2012),
        "member_of:beta:alpha": dated("RELATIONSHIP", "member_of:beta:alpha", 2013),
        "member_of:delta:alpha": dated("RELATIONSHIP", "member_of:delta:alpha", 2009),
        "member_of:mu:alpha": dated("NODE", "mu", 2011),
      });
      expect(Object.fromEntries(diff.ties.ended.map((t) => [t.id, t.datedBy]))).toEqual({
        "campaigned_in:alpha:camp2": dated("RELATIONSHIP", "campaigned_in:alpha:camp2", 2007),
        "member_of:gamma:alpha": dated("NODE", "gamma", 2010),
        "member_of:iota:gamma": dated("NODE", "gamma", 2010),
        "member_of:theta:alpha": dated("RELATIONSHIP", "member_of:theta:alpha", 2012),
      });
      expect(diff.ties.appeared.find((t) => t.id === "member_of:beta:alpha")).toMatchObject({
        type: "MEMBER_OF",
        source: "beta",
        target: "alpha",
        role: null,
      });
    });

    it("should list who joined and left each coalition, busiest first", () => {
      expect(diff.coalitions.map((c) => [c.id, c.label, c.joined.map((t) => t.source), c.left.map((t) => t.source)])).toEqual([
        ["alpha", "ALPHA", ["beta", "delta", "mu"], ["gamma", "theta"]],
        ["gamma", "Gamma Federation", [], ["iota"]],
      ]);
    });

    it("should find nothing between a year and itself, and refuse a backward span", () => {
      const same = yearDiff(graph, 2010, 2010);
      expect([same.nodes.appeared, same.nodes.gone, same.ties.appeared, same.ties.ended, same.coalitions]).toEqual([[], [], [], [], []]);
      expect(() => yearDiff(graph, 2015, 2005)).toThrow("from (2015) must not be after to (2005)");
    });
  });

  describe("#metricChanges", () => {
    const metricsOf = (communities: Record<string, number>): GraphMetrics => ({
      nodes: new Map(
        Object.entries(communities).map(([id, community]) => [
          id,
          { degree: 1, betweenness: 0, pagerank: 0.1, community, bridgeScore: 0 } satisfies NodeMetricValues,
        ]),
      ),
      density: 0,
      modularity: 0,
      components: 1,
      communities: new Set(Object.values(communities)).size,
      betweennessMethod: "EXACT",
      betweennessSamples: null,
    });

    /**
     * In both years: alpha, beta, delta (community 0 before), epsilon, eta (1 before); gamma only
     * before (1), mu only after. After: alpha, beta in 5; delta, epsilon, eta, mu in 3.
     * Overlaps over the nodes in both years: 5∩0 = {alpha, beta}, 3∩0 = {delta}, 3∩1 = {epsilon, eta}:
     * 5 matches 0 and 3 matches 1, so delta (0 → 3 ≙ 1) changed community and nobody else did.
     * Continuity (Jaccard of its two communities among those nodes): alpha 2/(3 + 2 − 2) = 2/3,
     * delta 1/(3 + 3 − 1) = 1/5, epsilon 2/(2 + 3 − 2) = 2/3.
     */
    it("should match communities across the years by their members", () => {
      const from = metricsOf({ alpha: 0, beta: 0, delta: 0, epsilon: 1, eta: 1, gamma: 1 });
      const to = metricsOf({ alpha: 5, beta: 5, delta: 3, epsilon: 3, eta: 3, mu: 3 });
      const changes = Object.fromEntries(metricChanges(graph, from, to).map((c) => [c.id, [c.changedCommunity, c.communityContinuity]]));
      expect(changes).toEqual({
        alpha: [false, 2 / 3],
        beta: [false, 2 / 3],
        delta: [true, 1 / 5],
        epsilon: [false, 2 / 3],
        eta: [false, 2 / 3],
        gamma: [null, null],
        mu: [null, null],
      });
    });

    it("should carry each year's metrics of the snapshots", () => {
      const metricsIn = (year: number) => {
        const { nodes, edges } = snapshotTopology(graph, snapshot(graph, spans, year));
        return computeMetrics(buildUndirectedGraph(nodes, edges));
      };
      const changes = metricChanges(graph, metricsIn(2005), metricsIn(2015));
      const alpha = changes.find((c) => c.id === "alpha")!;
      // 2005: epsilon, theta, gamma, forum-2004, camp2; 2015: epsilon, forum-2004, delta, beta, mu.
      expect([alpha.from!.degree, alpha.to!.degree]).toEqual([5, 5]);
      expect(changes.find((c) => c.id === "gamma")!.to).toBeNull();
      expect(changes.find((c) => c.id === "beta")!.from).toBeNull();
      expect(changes.map((c) => c.id)).toEqual([...new Set([...Object.keys(early.nodes), ...Object.keys(late.nodes)])].sort());
    });
  });

  describe("#yearDiffSummary", () => {
    it("should count the changes and name who gained most members", () => {
      const diff = yearDiff(graph, 2005, 2015);
      expect(yearDiffSummary(diff)).toBe(
        "Between 2005 and 2015, 3 organisations appeared; 3 memberships began and 3 ended; 5 ties appeared and 4 ended. ALPHA gained most members (+1).",
      );
      expect(yearDiffSummary(yearDiff(graph, 2016, 2016))).toBe(
        "Between 2016 and 2016, 0 organisations appeared; 0 memberships began and 0 ended; 0 ties appeared and 0 ended.",
      );
    });
  });
});
