/**
 * `npm run bench:edits`: freshness at 10k organisations (issue 10). On the seeded synthetic store
 * (bench/store.ts), through GraphQL in-process as a signed-in editor (API token):
 *  - each mutation's latency (createNode, createRelationship, updateNode, deleteRelationship,
 *    deleteNode, in cycles that leave the store as it was), target p95 ≤ 30 ms;
 *  - the explorer's whole-network read (its boot query, with the opening layout) right after each
 *    edit, as an anonymous visitor, target p95 ≤ 50 ms;
 *  - how long after an edit `metrics` answers figures of that version (not stale), target ≤ 5 s;
 * on a warmed server whose read models follow the writes incrementally, and, for comparison
 * ("before"), the same read after an edit on a server that rebuilds them (freshness switched off).
 * Writes bench/results/edits-<size>.{json,md}, with the load average next to every figure.
 *
 *   npm run bench:edits             # 10k organisations, 10 cycles (50 edits)
 *   npm run bench:edits -- 10k 20   # 20 cycles
 *   BENCH_PROFILE=1 npm run bench:edits -- 10k 3   # also: where the measured cycles spent their CPU time
 *
 * It also logs the Neo4j round trips (named queries, plus each transaction's commit) per mutation.
 */
import "../server/production-mode.js"; // first: as `npm start` runs the server
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";

import { createApp, type App } from "../server/app.js";
import { createApiToken } from "../server/auth/api-tokens.js";
import { addUser } from "../server/auth/users.js";
import type { Database } from "../server/db/database.js";
import { QUERIES } from "../server/db/registry.js";
import { NETWORK_QUERY } from "../web/src/api/network-query.js";
import { generateDataset } from "./generate.js";
import { profiled } from "./cpu-profile.js";
import { openBenchStore } from "./store.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000 };
const TARGETS = { mutation: 30, readAfterEdit: 50, metricsFreshMs: 5000 };
const WARM_CYCLES = 5;
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const loadAverage = () => loadavg().map((x) => round(x));

interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
}
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!), n: sorted.length };
}

async function gql(app: App, bearer: string | null, query: string, variables: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const response = await app.yoga.fetch("http://bench/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0].message}`);
  return body.data!;
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
};

const METRICS = `{ metrics { asOfVersion stale density } }`;

/** Neo4j round trips by query name (a transaction's commit counts as one), for the current mutation. */
const roundTrips = new Map<string, number>();
function counted(db: Database): Database {
  const count = (name: string) => roundTrips.set(name, (roundTrips.get(name) ?? 0) + 1);
  return {
    ...db,
    read: (query, ...params) => (count(query.name), db.read(query, ...params)),
    write: (query, ...params) => (count(query.name), db.write(query, ...params)),
    writeTransaction: (work) =>
      db.writeTransaction((run) => work((query, ...params) => (count(query.name), run(query, ...params)))).finally(() => count("(commit)")),
  } as Database;
}

async function benchSize(label: string, cycles: number) {
  const data = generateDataset({ organisations: SIZES[label], seed: 2024 });
  const store = await openBenchStore(label, data, log);
  const db = counted(store.db);
  const username = `bench-editor-${Date.now()}`;
  try {
    await addUser(store.db, { username, role: "editor", password: `bench-${Math.random()}` });
    const { token } = await createApiToken(store.db, username, "bench:edits");
    const source = data.sources[0].id;
    const citation = { source, locator: "p. 1", evidence: "The benchmark cites this document for its synthetic edits." };
    const app = createApp(db, { cache: { budgetMb: 512 } });
    const warmMs = (await app.warm()) + (await app.warmSignedIn());
    log(`${label}: warm() of every level took ${warmMs} ms; load ${loadAverage().join(" ")}`);
    const [counts] = await store.db.read(QUERIES.graphCounts, { visible: ["PUBLIC", "MEMBERS", "EDITORS"] });
    // Metrics in use (as the explorer's analysis panel would), so they are kept fresh after edits.
    const [, metricsColdMs] = await timed(() => gql(app, null, METRICS));
    log(`${label}: ${counts.nodes} nodes, ${counts.relationships} relationships; cold metrics ${round(metricsColdMs)} ms`);
    await gql(app, null, NETWORK_QUERY);

    const target = data.organisations[0].id;
    const mutations: Record<string, number[]> = {};
    const reads: number[] = [];
    const metricsFresh: number[] = [];
    const loads: number[][] = [loadAverage()];
    const trips: Record<string, string> = {};
    const mutate = async (name: string, input: Record<string, unknown>) => {
      const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
      roundTrips.clear();
      const [result, ms] = await timed(() =>
        gql(app, token, `mutation($input: ${type}!) { ${name}(input: $input) { status change { seq } } }`, { input }),
      );
      trips[name] = [...roundTrips].map(([query, n]) => (n > 1 ? `${query}×${n}` : query)).join(", ");
      if (measuring) (mutations[name] ??= []).push(ms);
      const seq = (result[name] as { change: { seq: number } }).change.seq;
      const editedAt = performance.now();
      // The explorer's whole-network read right after the edit (anonymous, as on first load).
      const [, readMs] = await timed(() => gql(app, null, NETWORK_QUERY));
      if (measuring) reads.push(readMs);
      return { seq, editedAt };
    };

    // The first cycles are not measured: they warm Neo4j's JIT for the write queries (a freshly
    // started JVM answers each of them ~5× slower), as a server that has been up a while would be.
    let measuring = false;
    const cycle = async (cycle: number) => {
      measuring = cycle >= 0;
      const id = `bench-edit-${Date.now()}-${cycle + WARM_CYCLES}`;
      await mutate("createNode", {
        id,
        kind: "ORGANISATION",
        fields: { name: `Bench edit ${cycle}`, type: "NGO", sector: "CIVIL_SOCIETY", scope: "LOCAL", citations: [citation] },
      });
      await mutate("createRelationship", { type: "MEMBER_OF", source: id, target, fields: { role: "MEMBER", citations: [citation] } });
      const { seq, editedAt } = await mutate("updateNode", { id, version: 1, fields: { name: `Bench edit ${cycle} (renamed)` } });
      // Fresh metrics: poll (every 50 ms) until they are of this edit's version or later.
      for (;;) {
        const { metrics } = (await gql(app, null, METRICS)) as { metrics: { asOfVersion: number; stale: boolean } };
        if (!metrics.stale && metrics.asOfVersion >= seq) break;
        await new Promise((done) => setTimeout(done, 50));
      }
      if (measuring) metricsFresh.push(performance.now() - editedAt);
      await mutate("deleteRelationship", { id: `member_of:${id}:${target}:member`, version: 1 });
      await mutate("deleteNode", { id, version: 2 });
      if (!measuring) return;
      loads.push(loadAverage());
      log(`cycle ${cycle + 1}/${cycles}: read after edit p95 so far ${stats(reads).p95} ms; load ${loadAverage()[0]}`);
    };
    for (let k = -WARM_CYCLES; k < 0; k++) await cycle(k);
    await profiled("the measured cycles", log, async () => {
      for (let k = 0; k < cycles; k++) await cycle(k);
    });
    log(
      `Neo4j round trips per mutation:\n${Object.entries(trips)
        .map(([name, list]) => `  ${name}: ${list}`)
        .join("\n")}`,
    );
    await app.caches.freshness?.settled();

    // Before: the same read after an edit on a server that rebuilds its read models from Neo4j.
    const rebuild = createApp(db, { cache: { budgetMb: 512 } });
    rebuild.caches.freshness = undefined;
    await gql(rebuild, null, NETWORK_QUERY); // warm for the anonymous level, whose read is measured
    const rebuildReads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = `bench-rebuild-${Date.now()}-${i}`;
      await gql(rebuild, token, `mutation($input: CreateNodeInput!) { createNode(input: $input) { status } }`, {
        input: {
          id,
          kind: "ORGANISATION",
          fields: { name: `Bench rebuild ${i}`, type: "NGO", sector: "CIVIL_SOCIETY", scope: "LOCAL", citations: [citation] },
        },
      });
      rebuildReads.push((await timed(() => gql(rebuild, null, NETWORK_QUERY)))[1]);
      await gql(rebuild, token, `mutation($input: DeleteNodeInput!) { deleteNode(input: $input) { status } }`, {
        input: { id, version: 1 },
      });
    }
    loads.push(loadAverage());

    const allMutations = Object.values(mutations).flat();
    const result = {
      size: label,
      nodes: counts.nodes,
      relationships: counts.relationships,
      cores: availableParallelism(),
      cycles,
      loadAverages: loads,
      mutation: { all: stats(allMutations), ...Object.fromEntries(Object.entries(mutations).map(([k, v]) => [k, stats(v)])) },
      readAfterEdit: stats(reads),
      readAfterEditRebuilding: stats(rebuildReads),
      metricsFreshMs: stats(metricsFresh),
      targets: TARGETS,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(new URL(`edits-${label}.json`, RESULTS_DIR), JSON.stringify(result, null, 2) + "\n");
    const met = (value: number, targetMs: number) => (value <= targetMs ? "met" : "**missed**");
    const lines = [
      `# Edits and freshness at ${label} organisations`,
      "",
      `\`npm run bench:edits -- ${label} ${cycles}\`: ${counts.nodes} nodes, ${counts.relationships} relationships, ${availableParallelism()} cores,`,
      `${cycles} cycles of five edits, after ${WARM_CYCLES} unmeasured ones. Load average (1, 5, 15 min) at the start and after each cycle: ${loads.map((l) => l.join("/")).join(", ")}.`,
      "",
      "| figure | p50 ms | p95 ms | max ms | n | target | |",
      "| --- | ---: | ---: | ---: | ---: | --- | --- |",
      `| a mutation (all kinds) | ${result.mutation.all.p50} | ${result.mutation.all.p95} | ${result.mutation.all.max} | ${result.mutation.all.n} | p95 ≤ ${TARGETS.mutation} | ${met(result.mutation.all.p95, TARGETS.mutation)} |`,
      ...Object.entries(mutations).map(([k, v]) => {
        const s = stats(v);
        return `| ${k} | ${s.p50} | ${s.p95} | ${s.max} | ${s.n} | | |`;
      }),
      `| whole-network read right after an edit | ${result.readAfterEdit.p50} | ${result.readAfterEdit.p95} | ${result.readAfterEdit.max} | ${result.readAfterEdit.n} | p95 ≤ ${TARGETS.readAfterEdit} | ${met(result.readAfterEdit.p95, TARGETS.readAfterEdit)} |`,
      `| the same, read models rebuilt (before) | ${result.readAfterEditRebuilding.p50} | ${result.readAfterEditRebuilding.p95} | ${result.readAfterEditRebuilding.max} | ${result.readAfterEditRebuilding.n} | | |`,
      `| edit → fresh metrics | ${result.metricsFreshMs.p50} | ${result.metricsFreshMs.p95} | ${result.metricsFreshMs.max} | ${result.metricsFreshMs.n} | ≤ ${TARGETS.metricsFreshMs} | ${met(result.metricsFreshMs.max, TARGETS.metricsFreshMs)} |`,
      "",
    ];
    writeFileSync(new URL(`edits-${label}.md`, RESULTS_DIR), lines.join("\n"));
    log(lines.join("\n"));
  } finally {
    await store.db.driver
      .executeQuery(
        "MATCH (u:User {username: $username}) OPTIONAL MATCH (x)-[:SESSION_OF|TOKEN_OF]->(u) DETACH DELETE x, u",
        { username },
        { database: store.db.database },
      )
      .catch(() => {});
    await store.close();
  }
}

const [size = "10k", cyclesArg = "10"] = process.argv.slice(2);
if (!SIZES[size]) throw new Error(`Unknown size '${size}' (use ${Object.keys(SIZES).join(", ")})`);
await benchSize(size, Number(cyclesArg));
process.exit(0);
