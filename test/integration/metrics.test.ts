import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDataset } from "../../core/dataset.js";
import { METRIC_KEYS } from "../../core/metrics.js";
import type { CompactNetwork } from "../../core/wire.js";
import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { NETWORK_QUERY } from "../../web/src/api/network-query.js";
import { computeView } from "../../web/src/graph/view.js";
import { getAllFilters } from "../../web/src/state/filters.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";
import { data, kindsById } from "./_data.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});
afterAll(() => db.close());

const METRICS = gql(`query TestMetrics($filter: NetworkFilter) { metrics(filter: $filter) {
  density modularity components communities betweennessMethod betweennessSamples
  nodes { node { id } degree betweenness pagerank community bridgeScore } } }`);

/** Distinct neighbours of each node in data/, ignoring direction and parallel relationships. */
function neighbourCounts(keep: (id: string) => boolean = () => true): Map<string, number> {
  const neighbours = new Map<string, Set<string>>();
  for (const id of kindsById().keys()) if (keep(id)) neighbours.set(id, new Set());
  for (const r of data.relationships) {
    if (r.source === r.target || !neighbours.has(r.source) || !neighbours.has(r.target)) continue;
    neighbours.get(r.source)!.add(r.target);
    neighbours.get(r.target)!.add(r.source);
  }
  return new Map([...neighbours].map(([id, set]) => [id, set.size]));
}

describe("metrics", () => {
  it("should list every metric of the registry in NodeMetrics.values, equal to its named field", async () => {
    const query = gql(
      `query TestMetricValues { metrics { nodes { node { id } degree betweenness pagerank bridgeScore values { key value } } } }`,
    );
    const { data: result, errors } = await graphql(app, query);
    expect(errors).toBeUndefined();
    const rows = result!.metrics.nodes;
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row.values.map((v) => v.key)).toEqual(METRIC_KEYS);
      for (const { key, value } of row.values) expect(value, `${row.node.id} ${key}`).toBe(row[key as keyof typeof row]);
    }
    // Not all zero: the list carries the computed values, not placeholders.
    expect(rows.some((row) => row.values.some((v) => v.key === "betweenness" && v.value > 0))).toBe(true);
  });

  it("should cover every node with degrees that follow from the data", async () => {
    const { data: result, errors } = await graphql(app, METRICS);
    expect(errors).toBeUndefined();
    const m = result!.metrics;
    const degrees = neighbourCounts();
    expect(m.nodes).toHaveLength(degrees.size);
    for (const n of m.nodes) expect(n.degree, n.node.id).toBe(degrees.get(n.node.id));
    const edges = [...degrees.values()].reduce((a, b) => a + b, 0) / 2;
    expect(m.density).toBeCloseTo(edges / ((degrees.size * (degrees.size - 1)) / 2), 12);
    expect(m.nodes.reduce((sum, n) => sum + n.pagerank, 0)).toBeCloseTo(1, 6);
    expect(m.betweennessMethod).toBe("EXACT");
    expect(m.communities).toBe(new Set(m.nodes.map((n) => n.community)).size);
    expect(m.modularity).toBeGreaterThan(0);
    for (const n of m.nodes) {
      expect(n.betweenness).toBeGreaterThanOrEqual(0);
      expect(n.betweenness).toBeLessThanOrEqual(1);
      expect(n.bridgeScore).toBeGreaterThanOrEqual(0);
      expect(n.bridgeScore).toBeLessThanOrEqual(1);
    }
    // Some node brokers between the union and the NGO worlds (both sectors are in the data).
    expect(Math.max(...m.nodes.map((n) => n.bridgeScore))).toBeGreaterThan(0);
  });

  it("should respect the filter: metrics as of a year leave later bodies out", async () => {
    const latest = data.organisations.filter((o) => o.founded).sort((a, b) => b.founded! - a.founded!)[0];
    const { data: result } = await graphql(app, METRICS, {
      filter: { yearTo: latest.founded! - 1, kinds: ["ORGANISATION"] },
    });
    const ids = result!.metrics.nodes.map((n) => n.node.id);
    expect(ids).not.toContain(latest.id);
    const kinds = kindsById();
    expect(ids.every((id) => kinds.get(id) === "ORGANISATION")).toBe(true);
    const orgsThen = data.organisations.filter((o) => o.founded === undefined || o.founded <= latest.founded! - 1);
    expect(ids).toHaveLength(orgsThen.length);
  });

  it("should give, as of a year, the metrics of the network the timeline shows that year, with or without undated records", async () => {
    // The explorer's graph and its own view of a year (web/src/graph/view.ts), every facet shown.
    const network = (await graphql<{ networkCompact: CompactNetwork }>(app, NETWORK_QUERY)).data!.networkCompact;
    const dataset = createDataset(network);
    const AS_OF = gql(`query TestMetricsAsOf($asOf: Int, $datedOnly: Boolean) {
      metrics(asOf: $asOf, datedOnly: $datedOnly) { components nodes { node { id } degree } }
    }`);
    // The C189 campaign ended in 2011: on the map and in the figures in 2011, in neither in 2015,
    // though the [.., 2015] window of the filter still holds it.
    const ended = "ilo-c189-campaign";
    for (const datedOnly of [false, true]) {
      for (const year of [2005, 2011, 2015]) {
        const view = computeView(dataset, { filters: getAllFilters(), year, datedOnly, collapsed: [], revealed: [] });
        const neighbours = new Map<string, Set<string>>();
        dataset.nodes.forEach((node, i) => view.nodeVisible[i] && neighbours.set(node.id, new Set()));
        dataset.edges.forEach((e, j) => {
          if (!view.edgeVisible[j] || e.source === e.target) return;
          const [s, t] = [dataset.nodes[e.source].id, dataset.nodes[e.target].id];
          neighbours.get(s)!.add(t);
          neighbours.get(t)!.add(s);
        });
        const at = `${year}${datedOnly ? ", dated only" : ""}`;
        const { data: result, errors } = await graphql(app, AS_OF, { asOf: year, datedOnly });
        expect(errors).toBeUndefined();
        const degrees = new Map(result!.metrics.nodes.map((n) => [n.node.id, n.degree]));
        expect([...degrees.keys()].sort(), at).toEqual([...neighbours.keys()].sort());
        for (const [id, set] of neighbours) expect(degrees.get(id), `${at} ${id}`).toBe(set.size);
        // (It has an end but no start: undated, so left out with the undated records.)
        expect(degrees.has(ended), at).toBe(year <= 2011 && !datedOnly);
        // Undated bodies are in the figures unless the reader leaves them out.
        const undated = dataset.nodes.filter((_, i) => view.nodeFaded[i] === 1).map((node) => node.id);
        expect(undated.length, at).toBeGreaterThan(0);
        expect(
          undated.filter((id) => degrees.has(id) === datedOnly),
          at,
        ).toEqual([]);
      }
    }
    const window = await graphql(app, METRICS, { filter: { yearTo: 2015 } });
    expect(window.data!.metrics.nodes.some((n) => n.node.id === ended)).toBe(true);
    const wrong = await graphql(app, AS_OF, { asOf: 1000 });
    expect(wrong.errors?.[0].message).toMatch(/^asOf must be a year from/);
  });

  it("should be deterministic across apps, and sample betweenness past the limit, saying so", async () => {
    const [first, second] = await Promise.all([graphql(createApp(db), METRICS), graphql(createApp(db), METRICS)]);
    expect(first.data).toEqual(second.data);
    const sampled = await graphql(createApp(db, { metrics: { exactLimit: 10, samples: 20 } }), METRICS);
    expect(sampled.data!.metrics.betweennessMethod).toBe("SAMPLED");
    expect(sampled.data!.metrics.betweennessSamples).toBe(20);
    expect(sampled.data!.metrics.nodes.map((n) => n.community)).toEqual(first.data!.metrics.nodes.map((n) => n.community));
  });
});
