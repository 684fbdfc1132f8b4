/**
 * Whole-graph computations run on the worker pool, off the event loop: the main thread keeps
 * turning while one runs, the work happens on another thread, and the answers are the ones the same
 * code gives in-thread on the bundled data. (How long a trivial query waits meanwhile is measured by
 * `npm run bench:contention`, not asserted here.)
 */
import { VISIBILITIES } from "../../core/access.js";
import { performance } from "node:perf_hooks";
import { threadId } from "node:worker_threads";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_METRICS_OPTIONS } from "../../server/analytics/metrics.js";
import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { QUERIES } from "../../server/db/registry.js";
import type { SubgraphColumns } from "../../server/read/columns.js";
import { compactOfColumns } from "../../server/read/compact.js";
import { filterParams, type NetworkFilter } from "../../server/read/filter.js";
import { completedTasks, runInWorker, runTask } from "../../server/workers/index.js";
import { metricsTaskOfColumns } from "../../server/workers/columns.js";
import type { CompactNetwork } from "../../core/wire.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";

let db: Database;

beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(() => db.close());

async function columnsOf(filter: NetworkFilter | null): Promise<SubgraphColumns> {
  const [columns] = await db.read(QUERIES.networkColumns, { ...filterParams(filter), visible: VISIBILITIES });
  return columns;
}

const withoutProvenance = <T extends { threadId: number; startedAt: number; endedAt: number }>({
  threadId: _t,
  startedAt: _s,
  endedAt: _e,
  ...rest
}: T) => rest;

const METRICS = gql(`query TestWorkerMetrics($filter: NetworkFilter) {
  metrics(filter: $filter) {
    density modularity components communities
    nodes { node { id } degree betweenness pagerank community bridgeScore }
  }
}`);
const LAYOUT = gql(`query TestWorkerLayout($filter: NetworkFilter) { networkCompact(filter: $filter) { ids layout } }`);
const GROUPED = gql(`query TestWorkerGrouped($filter: NetworkFilter) {
  networkCompact(filter: $filter, groupBy: MEMBERSHIP) {
    ids names labels kinds types sectors regions activeFrom activeTo sources targets edgeIds edgeTypes edgeWeights
    groups { id memberCount memberIds sharedIds directMemberIds collapsed }
  }
}`);

describe("whole-graph computations off the event loop", () => {
  it("should compute metrics on a worker thread while the event loop keeps turning, with the in-thread answer", async () => {
    const columns = await columnsOf(null);
    const inThread = runTask(metricsTaskOfColumns(columns, DEFAULT_METRICS_OPTIONS).task);

    // A setImmediate probe records each turn of this thread's event loop while the pool computes.
    const turns: number[] = [];
    let probing = true;
    const probe = () => {
      turns.push(performance.timeOrigin + performance.now());
      if (probing) setImmediate(probe);
    };
    probe();
    const { task, transfer } = metricsTaskOfColumns(columns, DEFAULT_METRICS_OPTIONS);
    const pooled = await runInWorker(task, transfer);
    probing = false;

    expect(inThread.threadId).toBe(threadId);
    expect(pooled.threadId).not.toBe(threadId);
    // Turns strictly inside the computation: impossible had it run on this thread.
    const during = turns.filter((t) => t > pooled.startedAt && t < pooled.endedAt);
    expect(during.length).toBeGreaterThan(0);
    expect(pooled.order).toHaveLength(columns.nodes.id.length);
    expect(withoutProvenance(pooled)).toEqual(withoutProvenance(inThread));
  });

  it("should serve metrics from the pool, one computation for concurrent identical requests, equal to the in-thread values", async () => {
    const app = createApp(db);
    const filter: NetworkFilter = { yearTo: 2016, kinds: ["ORGANISATION"] };
    const before = completedTasks();
    const answers = await Promise.all([graphql(app, METRICS, { filter }), graphql(app, METRICS, { filter })]);
    expect(completedTasks() - before).toBe(1);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(answers[1].data).toEqual(answers[0].data);

    const columns = await columnsOf(filter);
    const expected = runTask(metricsTaskOfColumns(columns, DEFAULT_METRICS_OPTIONS).task);
    const metrics = answers[0].data!.metrics;
    expect(metrics.density).toBe(expected.density);
    expect(metrics.modularity).toBe(expected.modularity);
    expect(metrics.nodes.map((n) => n.node.id)).toEqual(Array.from(expected.order, (i) => columns.nodes.id[i]));
    metrics.nodes.forEach((n, k) => {
      expect([n.degree, n.betweenness, n.pagerank, n.community, n.bridgeScore], n.node.id).toEqual([
        expected.degree[k],
        expected.betweenness[k],
        expected.pagerank[k],
        expected.community[k],
        expected.bridgeScore[k],
      ]);
    });
  });

  it("should lay the network out on the pool, exactly as in-thread", async () => {
    const app = createApp(db);
    const filter = { yearTo: 2012 };
    const before = completedTasks();
    const { data, errors } = await graphql(app, LAYOUT, { filter });
    expect(errors).toBeUndefined();
    expect(completedTasks() - before).toBe(1);
    const network = compactOfColumns(await columnsOf(filter), "NONE") as unknown as CompactNetwork;
    const expected = runTask({ kind: "openingLayout", network });
    expect(data!.networkCompact.ids).toEqual(network.ids);
    expect(data!.networkCompact.layout).toEqual(Array.from(expected.positions));
  });

  it("should group the network by membership on the pool, exactly as in-thread", async () => {
    const app = createApp(db);
    const filter = { yearTo: 2020 };
    const before = completedTasks();
    const { data, errors } = await graphql(app, GROUPED, { filter });
    expect(errors).toBeUndefined();
    expect(completedTasks() - before).toBe(1);
    const expected = compactOfColumns(await columnsOf(filter), "MEMBERSHIP");
    expect(expected.groups.length).toBeGreaterThan(0);
    const { edgeRoles: _r, edgeActiveFrom: _f, edgeActiveTo: _t, ...selected } = expected;
    expect(data!.networkCompact).toEqual(selected);
  });
});
