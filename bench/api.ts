/**
 * `npm run bench:api`: p50/p95 of each API query through GraphQL (Yoga in-process, JSON
 * serialisation included) next to the same named Cypher run through the bare driver in the same
 * process, on a generated dataset in a separate embedded Neo4j; plus the payload cost of each
 * field of `network` against `networkCompact`. Writes bench/results/api-<size>.{json,md}.
 *
 *   npm run bench:api                  # 10k organisations
 *   npm run bench:api -- 10k 100k      # both sizes (100k takes a while to load the first time)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";

import neo4j from "neo4j-driver";

import { mulberry32, sampleWithoutReplacement } from "../server/analytics/random.js";
import { createApp } from "../server/app.js";
import { type Database, toParams } from "../server/db/database.js";
import type { Dataset } from "../server/import/schema.js";
import { filterParams } from "../server/resolvers/filter.js";
import { luceneQuery } from "../server/resolvers/lucene.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000 };
/** Targets of issue 4 at 10k organisations (p95, ms). */
const TARGETS: Record<string, number> = { search: 20, node: 20, "neighbourhood(depth 2)": 20, paths: 100, allies: 100, network: 150 };

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

interface Case {
  name: string;
  iterations: number;
  /** Inputs rotate across iterations; both sides see the same ones. */
  inputs: Record<string, unknown>[];
  query: string;
  /** The named queries the resolver runs for these variables, in order, through the bare driver. */
  bare: (vars: Record<string, unknown>) => [string, Record<string, unknown>][];
}

interface Timing {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

function stats(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length, n: samples.length };
}

const round = (x: number) => Math.round(x * 100) / 100;

function pickInputs(data: Dataset, seed: number) {
  const rng = mulberry32(seed);
  const degree = new Map<string, number>();
  for (const r of data.relationships) for (const id of [r.source, r.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const orgs = data.organisations.filter((o) => (degree.get(o.id) ?? 0) >= 3 && (degree.get(o.id) ?? 0) <= 12);
  const labour = orgs.filter((o) => o.sector === "LABOUR");
  const civil = orgs.filter((o) => o.sector === "CIVIL_SOCIETY");
  const members = new Map<string, number>();
  for (const r of data.relationships) if (r.type === "MEMBER_OF") members.set(r.target, (members.get(r.target) ?? 0) + 1);
  const networks = [...members].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return {
    orgIds: sampleWithoutReplacement(orgs, 20, rng).map((o) => o.id),
    pairs: sampleWithoutReplacement(labour, 20, rng).map((o) => [o.id, civil[Math.floor(rng() * civil.length)].id] as const).slice(0, 20),
    words: sampleWithoutReplacement(orgs, 20, rng).map((o) => o.name.split(" ").slice(0, 2).join(" ")),
    typos: sampleWithoutReplacement(orgs, 20, rng).map((o) => o.name.split(" ")[0].slice(0, -1) + "x " + o.name.split(" ")[1]),
    networks: networks.slice(5, 25),
    triples: Array.from({ length: 20 }, () => sampleWithoutReplacement(orgs, 3, rng).map((o) => o.id)),
  };
}

const NODE_QUERY = `query ($id: ID!) { node(id: $id) { id name kind aliases description citations { locator evidence source { id title } }
  ... on Organisation { acronym type sector scope country founded memberCount figures { note value }
    relationships { id type direction role since other { id name kind } citations { locator evidence source { id title } } } } } }`;
const NETWORK_SELECTION = `nodes { id name kind ... on Organisation { acronym type sector } } edges { id type source target weight }`;

function cases(data: Dataset, seed: number): Case[] {
  const pick = pickInputs(data, seed);
  const noFilter = filterParams(null);
  return [
    {
      name: "search",
      iterations: 100,
      inputs: pick.words.map((text) => ({ text })),
      query: `query ($text: String!) { search(text: $text, limit: 10) { score node { id name kind } } }`,
      bare: (v) => [["search", { query: luceneQuery(v.text as string), kinds: null, limit: 10, fetch: 10 }]],
    },
    {
      name: "search (typo)",
      iterations: 100,
      inputs: pick.typos.map((text) => ({ text })),
      query: `query ($text: String!) { search(text: $text, limit: 10) { score node { id name kind } } }`,
      bare: (v) => [["search", { query: luceneQuery(v.text as string), kinds: null, limit: 10, fetch: 10 }]],
    },
    {
      name: "node",
      iterations: 100,
      inputs: pick.orgIds.map((id) => ({ id })),
      query: NODE_QUERY,
      bare: (v) => [
        ["nodesByIds", { ids: [v.id] }],
        ["relationshipsOfNodes", { ids: [v.id] }],
        ["memberCounts", { ids: [v.id] }],
        ["sourcesByIds", { ids: ["synthetic-1", "synthetic-2", "synthetic-3"] }],
      ],
    },
    {
      name: "neighbourhood(depth 2)",
      iterations: 40,
      inputs: pick.orgIds.map((id) => ({ id })),
      query: `query ($id: ID!) { neighbourhood(id: $id, depth: 2) { ${NETWORK_SELECTION} } }`,
      bare: (v) => [["neighbourhood", { ...noFilter, id: v.id, depth: 2 }]],
    },
    {
      name: "paths",
      iterations: 40,
      inputs: pick.pairs.map(([from, to]) => ({ from, to })),
      query: `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, limit: 5) { length nodes { id name kind } edges { id type source target citations { locator evidence source { id title } } } } }`,
      bare: (v) => [["paths", { ...noFilter, from: v.from, to: v.to, maxLength: 4, limit: 5 }]],
    },
    {
      name: "allies",
      iterations: 40,
      inputs: pick.orgIds.map((id) => ({ id })),
      query: `query ($id: ID!) { allies(id: $id, limit: 10) { score reasons node { id name kind } shared { id } } }`,
      bare: (v) => [["allies", { id: v.id, limit: 10 }]],
    },
    {
      name: "network",
      iterations: 8,
      inputs: [{}],
      query: `{ network { ${NETWORK_SELECTION} } }`,
      bare: () => [["networkLean", noFilter]],
    },
    {
      name: "network (with citations)",
      iterations: 3,
      inputs: [{}],
      query: `{ network { nodes { id name kind description citations { locator } } edges { id type source target citations { locator evidence source { id } } } } }`,
      bare: () => [["network", noFilter]],
    },
    {
      name: "networkCompact",
      iterations: 8,
      inputs: [{}],
      query: `{ networkCompact { ids names labels kinds types sectors regions activeFrom activeTo sources targets edgeIds edgeTypes edgeActiveFrom edgeActiveTo edgeWeights } }`,
      bare: () => [["networkCompact", noFilter]],
    },
    {
      name: "network(groupBy: MEMBERSHIP)",
      iterations: 8,
      inputs: [{}],
      query: `{ network(groupBy: MEMBERSHIP) { ${NETWORK_SELECTION} groups { id memberCount memberIds } } }`,
      bare: () => [["networkLean", noFilter]],
    },
    {
      name: "network(yearTo: 2010)",
      iterations: 8,
      inputs: [{}],
      query: `{ network(filter: { yearTo: 2010 }) { ${NETWORK_SELECTION} } }`,
      bare: () => [["networkLean", filterParams({ yearTo: 2010 })]],
    },
    {
      name: "expand",
      iterations: 30,
      inputs: pick.networks.map((id) => ({ id })),
      query: `query ($id: ID!) { expand(id: $id) { memberIds ${NETWORK_SELECTION} } }`,
      bare: (v) => [["expand", { ...noFilter, id: v.id }]],
    },
    {
      name: "members(first: 20)",
      iterations: 60,
      inputs: pick.networks.map((id) => ({ id })),
      query: `query ($id: ID!) { node(id: $id) { ... on Organisation { memberCount members(first: 20) { totalCount edges { node { id name } } pageInfo { endCursor } } } } }`,
      bare: (v) => [
        ["nodesByIds", { ids: [v.id] }],
        ["memberCounts", { ids: [v.id] }],
        ["membersPages", { requests: [{ key: "k", id: v.id, first: 20, afterName: null, afterId: null }] }],
      ],
    },
    {
      name: "compare(3)",
      iterations: 40,
      inputs: pick.triples.map((ids) => ({ ids })),
      query: `query ($ids: [ID!]!) { compare(ids: $ids) { shared { node { id name } category } distinct { node { id } items { node { id name } category } } } }`,
      bare: (v) => [["compareItems", { ids: v.ids }]],
    },
    {
      name: "timeline",
      iterations: 5,
      inputs: [{}],
      query: `{ timeline { year kind label nodes { id } } }`,
      bare: () => [["timeline", noFilter]],
    },
    {
      name: "coMembership(minShared: 2)",
      iterations: 3,
      inputs: [{}],
      query: `{ coMembership(minShared: 2) { nodes { id } edges { source target weight } } }`,
      bare: () => [["coMembership", { ...noFilter, minShared: 2 }]],
    },
  ];
}

async function runBare(db: Database, steps: [string, Record<string, unknown>][]): Promise<number> {
  let rows = 0;
  for (const [name, params] of steps) {
    const result = await db.driver.executeQuery(db.queries[name].text, toParams(params) as Record<string, unknown>, { routing: neo4j.routing.READ, database: db.database });
    rows += result.records.map((r) => r.toObject()).length;
  }
  return rows;
}

async function runGraphQL(app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await app.yoga.fetch("http://bench/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (text.startsWith('{"errors"')) throw new Error(`GraphQL error: ${text.slice(0, 300)}`);
  return text;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Bytes (raw and gzip) of `network` and `networkCompact` as fields are added one by one. */
async function payloads(app: ReturnType<typeof createApp>) {
  const steps = [
    ["network", "nodes { id }"],
    ["network", "nodes { id name }"],
    ["network", "nodes { id name kind }"],
    ["network", "nodes { id name kind ... on Organisation { acronym type sector } }"],
    ["network", "nodes { id name kind ... on Organisation { acronym type sector } } edges { source target }"],
    ["network", "nodes { id name kind ... on Organisation { acronym type sector } } edges { source target id type }"],
    ["network", "nodes { id name kind ... on Organisation { acronym type sector } } edges { source target id type citations { locator evidence source { id } } }"],
    ["networkCompact", "ids"],
    ["networkCompact", "ids names"],
    ["networkCompact", "ids names kinds"],
    ["networkCompact", "ids names kinds labels types sectors"],
    ["networkCompact", "ids names kinds labels types sectors sources targets"],
    ["networkCompact", "ids names kinds labels types sectors sources targets edgeIds edgeTypes"],
  ] as const;
  const out: { query: string; selection: string; bytes: number; gzipBytes: number; addedBytes: number }[] = [];
  let previous: { query: string; bytes: number } | undefined;
  for (const [query, selection] of steps) {
    const text = await runGraphQL(app, `{ ${query} { ${selection} } }`, {});
    const bytes = Buffer.byteLength(text);
    out.push({ query, selection, bytes, gzipBytes: gzipSync(text).length, addedBytes: previous?.query === query ? bytes - previous.bytes : bytes });
    previous = { query, bytes };
  }
  return out;
}

async function benchSize(label: string, seed: number) {
  const organisations = SIZES[label];
  if (!organisations) throw new Error(`Unknown size '${label}' (use ${Object.keys(SIZES).join(", ")})`);
  const data = generateDataset({ organisations, seed });
  const store = await openBenchStore(label, data, log);
  try {
    const app = createApp(store.db);
    const [counts] = await store.db.read<{ nodes: number; relationships: number }>("graphCounts");
    log(`${label}: ${counts.nodes} nodes, ${counts.relationships} relationships`);
    const results: Record<string, unknown>[] = [];
    for (const c of cases(data, seed)) {
      const iterations = label === "100k" ? Math.max(3, Math.ceil(c.iterations / 5)) : c.iterations;
      // Warm up both sides (plans, page cache, JIT) on every input.
      for (const vars of c.inputs.slice(0, 5)) {
        await runBare(store.db, c.bare(vars));
        await runGraphQL(app, c.query, vars);
      }
      const bare: number[] = [];
      const gql: number[] = [];
      let bytes = 0;
      for (let i = 0; i < iterations; i++) {
        const vars = c.inputs[i % c.inputs.length];
        bare.push(await time(() => runBare(store.db, c.bare(vars))));
        gql.push(await time(async () => (bytes = Buffer.byteLength(await runGraphQL(app, c.query, vars)))));
      }
      const g = stats(gql);
      const b = stats(bare);
      const row = {
        query: c.name,
        graphql: { p50: round(g.p50), p95: round(g.p95), mean: round(g.mean), n: g.n },
        bare: { p50: round(b.p50), p95: round(b.p95), mean: round(b.mean), n: b.n },
        overheadP50: round(g.p50 / b.p50),
        overheadP95: round(g.p95 / b.p95),
        responseBytes: bytes,
        targetP95: label === "10k" ? (TARGETS[c.name] ?? null) : null,
      };
      log(`${label} ${c.name}: GraphQL p50 ${row.graphql.p50} / p95 ${row.graphql.p95} ms; bare p50 ${row.bare.p50} / p95 ${row.bare.p95} ms; ×${row.overheadP50}`);
      results.push(row);
    }
    // Metrics: the first call computes (cold), later calls hit the cache keyed by the dataset hash.
    const metricsQuery = `{ metrics { betweennessMethod betweennessSamples communities modularity nodes { node { id } degree betweenness pagerank community bridgeScore } } }`;
    const cold = await time(() => runGraphQL(createApp(store.db), metricsQuery, {}));
    const warmApp = createApp(store.db);
    await runGraphQL(warmApp, metricsQuery, {});
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await time(() => runGraphQL(warmApp, metricsQuery, {})));
    const method = JSON.parse(await runGraphQL(warmApp, `{ metrics { betweennessMethod betweennessSamples } }`, {})).data.metrics;
    const metricsBare = await time(() => runBare(store.db, [["metricsGraph", filterParams(null)]]));
    const metrics = { coldMs: round(cold), warm: stats(warm), readGraphMs: round(metricsBare), ...method };
    log(`${label} metrics: cold ${metrics.coldMs} ms (graph read ${metrics.readGraphMs} ms), warm p50 ${round(metrics.warm.p50)} ms, ${method.betweennessMethod}`);

    const payload = await payloads(app);
    const report = {
      size: label,
      organisations,
      seed,
      nodes: counts.nodes,
      relationships: counts.relationships,
      loadMs: store.loadMs,
      machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model, node: process.version },
      date: new Date().toISOString(),
      queries: results,
      metrics,
      payload,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(new URL(`api-${label}.json`, RESULTS_DIR), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(new URL(`api-${label}.md`, RESULTS_DIR), markdown(report));
    log(`${label}: wrote bench/results/api-${label}.json and .md`);
  } finally {
    await store.close();
  }
}

function markdown(report: {
  size: string;
  nodes: number;
  relationships: number;
  date: string;
  machine: { cpus: number; cpu?: string; node: string };
  queries: Record<string, unknown>[];
  metrics: { coldMs: number; readGraphMs: number; warm: Timing; betweennessMethod: string; betweennessSamples: number | null };
  payload: { query: string; selection: string; bytes: number; gzipBytes: number; addedBytes: number }[];
}): string {
  const lines = [
    `# API benchmark, ${report.size} organisations`,
    "",
    `${report.nodes} nodes, ${report.relationships} relationships; ${report.machine.cpus} cores (${report.machine.cpu}), Node ${report.machine.node}; ${report.date}.`,
    "GraphQL = Yoga in-process (`yoga.fetch`, JSON serialised); bare = the same named Cypher through the driver. Times in ms.",
    "",
    "| query | GraphQL p50 | GraphQL p95 | bare p50 | bare p95 | overhead p50 | overhead p95 | target p95 | response bytes |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const q of report.queries as { query: string; graphql: Timing; bare: Timing; overheadP50: number; overheadP95: number; targetP95: number | null; responseBytes: number }[]) {
    const target = q.targetP95 === null ? "" : `${q.targetP95} ${q.graphql.p95 <= q.targetP95 ? "✓" : "✗"}`;
    lines.push(`| ${q.query} | ${q.graphql.p50} | ${q.graphql.p95} | ${q.bare.p50} | ${q.bare.p95} | ${q.overheadP50}× | ${q.overheadP95}× | ${target} | ${q.responseBytes} |`);
  }
  const m = report.metrics;
  lines.push("", `metrics: first call ${m.coldMs} ms (of which reading the graph ${m.readGraphMs} ms), cached p50 ${round(m.warm.p50)} ms; betweenness ${m.betweennessMethod}${m.betweennessSamples ? ` (${m.betweennessSamples} sources)` : ""}.`);
  lines.push("", "## Payload per field (whole graph)", "", "| query | selection | bytes | gzip | added by the last field(s) |", "|---|---|---:|---:|---:|");
  for (const p of report.payload) lines.push(`| ${p.query} | \`${p.selection}\` | ${p.bytes} | ${p.gzipBytes} | ${p.addedBytes} |`);
  return `${lines.join("\n")}\n`;
}

const sizes = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const label of sizes.length ? sizes : ["10k"]) await benchSize(label, 2024);
