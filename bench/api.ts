/**
 * `npm run bench:api`: p50/p95 of each API query through GraphQL (Yoga in-process, JSON
 * serialisation included) next to the same named Cypher run through the bare driver in the same
 * process, on a generated dataset in a separate embedded Neo4j; plus the payload cost of each
 * field of `network` against `networkCompact`. Writes bench/results/api-<size>.{json,md}.
 *
 * Whole-graph queries are served from the read-model and result caches (server/cache), so they are
 * measured twice: cold (a fresh app, empty caches, every run; Neo4j itself stays warm) against the
 * Cypher the cold path runs, and warm (one app, repeated) against the one Cypher read a warm
 * request still makes, the dataset hash. The machine's load average is recorded with the figures.
 *
 *   npm run bench:api                  # 10k organisations
 *   npm run bench:api -- 10k 100k      # both sizes (100k takes a while to load the first time;
 *                                      # give it NODE_OPTIONS=--max-old-space-size=8192)
 *   npm run bench:api -- 10k --only=search,node   # some cases, logged only (nothing written)
 */
import "../server/production-mode.js"; // first: as `npm start` runs the server
import { VISIBILITIES } from "../core/access.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";

import neo4j from "neo4j-driver";

import { mulberry32, sampleWithoutReplacement } from "../server/analytics/random.js";
import { createApp } from "../server/app.js";
import { type Database, toParams } from "../server/db/database.js";
import type { Dataset } from "../server/import/schema.js";
import { filterParams } from "../server/read/filter.js";
import { NEIGHBOURHOOD_LIMIT_DEFAULT } from "../server/graphql/resolvers/neighbourhood.js";
import { luceneQuery } from "../server/read/lucene.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";
import { QUERIES } from "../server/db/registry.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000 };
/**
 * Cache budget per size, as an operator would set ATLAS_CACHE_MB (which overrides it here too): the
 * default 512 MiB holds a 10k graph's read models; at 100k the whole-graph columns alone weigh
 * about 230 MiB, and without them in memory neighbourhood and paths fall back to Cypher.
 */
const CACHE_MB: Record<string, number> = { "1k": 512, "10k": 512, "100k": 2048 };
/** Targets of issue 4 at 10k organisations (p95, ms). */
const TARGETS: Record<string, number> = {
  search: 20,
  node: 20,
  "neighbourhood(depth 2)": 20,
  "neighbourhood(depth 2) on a warmed server": 20,
  paths: 100,
  "paths on a warmed server": 100,
  allies: 100,
  network: 150,
};

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

interface Case {
  name: string;
  iterations: number;
  /** Inputs rotate across iterations; both sides see the same ones. */
  inputs: Record<string, unknown>[];
  query: string;
  /** The named queries the resolver runs for these variables (on a cold cache), through the bare driver. */
  bare: (vars: Record<string, unknown>) => [string, Record<string, unknown>][];
  /** A whole-graph read model: measured cold and warm. */
  cached?: boolean;
  /** Run on a server whose start-up warm-up (app.warm()) has filled the whole-graph read models. */
  warmed?: boolean;
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
    pairs: sampleWithoutReplacement(labour, 20, rng)
      .map((o) => [o.id, civil[Math.floor(rng() * civil.length)].id] as const)
      .slice(0, 20),
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
const COMPACT_SELECTION = `ids names labels kinds types sectors regions activeFrom activeTo sources targets edgeIds edgeTypes edgeActiveFrom edgeActiveTo edgeWeights`;
const PATHS_QUERY = `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, limit: 5) { length nodes { id name kind } edges { id type source target citations { locator evidence source { id title } } } } }`;
const NEIGHBOURHOOD_SELECTION = `truncated ${NETWORK_SELECTION}`;

function cases(data: Dataset, seed: number): Case[] {
  const pick = pickInputs(data, seed);
  const noFilter = filterParams(null);
  const columns = (params: Record<string, unknown>): [string, Record<string, unknown>] => ["networkColumns", params];
  return [
    {
      name: "search",
      iterations: 100,
      inputs: pick.words.map((text) => ({ text })),
      query: `query ($text: String!) { search(text: $text, limit: 10) { score node { id name kind } } }`,
      bare: (v) => [["search", { query: luceneQuery(v.text as string), kinds: null, limit: 40, fetch: 40, visible: VISIBILITIES }]],
    },
    {
      name: "search (typo)",
      iterations: 100,
      inputs: pick.typos.map((text) => ({ text })),
      query: `query ($text: String!) { search(text: $text, limit: 10) { score node { id name kind } } }`,
      bare: (v) => [["search", { query: luceneQuery(v.text as string), kinds: null, limit: 40, fetch: 40, visible: VISIBILITIES }]],
    },
    {
      name: "node",
      iterations: 100,
      inputs: pick.orgIds.map((id) => ({ id })),
      query: NODE_QUERY,
      bare: (v) => [["nodeDetails", { id: v.id }]],
    },
    {
      name: "neighbourhood(depth 2)",
      iterations: 60,
      inputs: pick.orgIds.map((id) => ({ id })),
      query: `query ($id: ID!) { neighbourhood(id: $id, depth: 2) { ${NEIGHBOURHOOD_SELECTION} } }`,
      bare: (v) => [["neighbourhood", { ...noFilter, id: v.id, depth: 2, limit: NEIGHBOURHOOD_LIMIT_DEFAULT, full: false }]],
    },
    {
      name: "neighbourhood(depth 2) on a warmed server",
      iterations: 60,
      inputs: pick.orgIds.map((id) => ({ id })),
      query: `query ($id: ID!) { neighbourhood(id: $id, depth: 2) { ${NEIGHBOURHOOD_SELECTION} } }`,
      bare: () => [["datasetMeta", {}]],
      warmed: true,
    },
    {
      name: "neighbourhood(depth 2, limit 100)",
      iterations: 60,
      inputs: pick.orgIds.map((id) => ({ id })),
      query: `query ($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 100) { ${NEIGHBOURHOOD_SELECTION} } }`,
      bare: (v) => [["neighbourhood", { ...noFilter, id: v.id, depth: 2, limit: 100, full: false }]],
    },
    {
      name: "paths",
      iterations: 40,
      inputs: pick.pairs.map(([from, to]) => ({ from, to })),
      query: PATHS_QUERY,
      bare: (v) => [["paths", { ...noFilter, from: v.from, to: v.to, maxLength: 4, limit: 5 }]],
    },
    {
      // In memory over the cached graph (what `npm start` serves); besides the dataset hash it
      // reads the paths' relationships (pathEdges), which only the GraphQL side counts.
      name: "paths on a warmed server",
      iterations: 40,
      inputs: pick.pairs.map(([from, to]) => ({ from, to })),
      query: PATHS_QUERY,
      bare: () => [["datasetMeta", {}]],
      warmed: true,
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
      bare: () => [columns(noFilter)],
      cached: true,
    },
    {
      name: "network (with citations)",
      iterations: 3,
      inputs: [{}],
      query: `{ network { nodes { id name kind description citations { locator } } edges { id type source target citations { locator evidence source { id } } } } }`,
      bare: () => [["network", noFilter]],
      cached: true,
    },
    {
      name: "networkCompact",
      iterations: 8,
      inputs: [{}],
      query: `{ networkCompact { ${COMPACT_SELECTION} } }`,
      bare: () => [columns(noFilter)],
      cached: true,
    },
    {
      name: "explorer start (networkCompact + groups)",
      iterations: 8,
      inputs: [{}],
      query: `{ network: networkCompact { ${COMPACT_SELECTION.replace(" edgeWeights", "")} } grouped: networkCompact(groupBy: MEMBERSHIP) { groups { id memberCount memberIds } } }`,
      bare: () => [columns(noFilter)],
      cached: true,
    },
    {
      name: "network(groupBy: MEMBERSHIP)",
      iterations: 8,
      inputs: [{}],
      query: `{ network(groupBy: MEMBERSHIP) { ${NETWORK_SELECTION} groups { id memberCount memberIds } } }`,
      bare: () => [columns(noFilter)],
      cached: true,
    },
    {
      name: "network(yearTo: 2010)",
      iterations: 8,
      inputs: [{}],
      query: `{ network(filter: { yearTo: 2010 }) { ${NETWORK_SELECTION} } }`,
      bare: () => [columns(filterParams({ yearTo: 2010 }))],
      cached: true,
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
        ["nodeDetails", { id: v.id }],
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
      bare: () => [columns(noFilter), ["timelineFacts", {}]],
      cached: true,
    },
    {
      name: "coMembership(minShared: 2)",
      iterations: 5,
      inputs: [{}],
      query: `{ coMembership(minShared: 2) { nodes { id } edges { source target weight } } }`,
      bare: () => [["coMemberships", noFilter], columns(noFilter)],
      cached: true,
    },
    {
      name: "metrics",
      iterations: 3,
      inputs: [{}],
      query: `{ metrics { betweennessMethod betweennessSamples communities modularity nodes { node { id } degree betweenness pagerank community bridgeScore } } }`,
      bare: () => [columns(noFilter)],
      cached: true,
    },
  ];
}

/** The named queries through the driver alone, as the server runs reads: auto-commit, READ access. */
async function runBare(db: Database, steps: [string, Record<string, unknown>][]): Promise<number> {
  let rows = 0;
  for (const [name, params] of steps) {
    const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(db.queries[name].text, toParams(params) as Record<string, unknown>);
      rows += result.records.map((r) => r.toObject()).length;
    } finally {
      await session.close();
    }
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
    [
      "network",
      "nodes { id name kind ... on Organisation { acronym type sector } } edges { source target id type citations { locator evidence source { id } } }",
    ],
    ["networkCompact", "ids"],
    ["networkCompact", "ids names"],
    ["networkCompact", "ids names kinds"],
    ["networkCompact", "ids names kinds labels types sectors"],
    ["networkCompact", "ids names kinds labels types sectors sources targets"],
    ["networkCompact", "ids names kinds labels types sectors sources targets edgeTypes edgeRoles"],
    ["networkCompact", "ids names kinds labels types sectors sources targets edgeTypes edgeRoles edgeIds"],
  ] as const;
  const out: { query: string; selection: string; bytes: number; gzipBytes: number; addedBytes: number }[] = [];
  let previous: { query: string; bytes: number } | undefined;
  for (const [query, selection] of steps) {
    const text = await runGraphQL(app, `{ ${query} { ${selection} } }`, {});
    const bytes = Buffer.byteLength(text);
    out.push({
      query,
      selection,
      bytes,
      gzipBytes: gzipSync(text).length,
      addedBytes: previous?.query === query ? bytes - previous.bytes : bytes,
    });
    previous = { query, bytes };
  }
  return out;
}

interface Row {
  query: string;
  cache: "none" | "cold" | "warm";
  graphql: Timing;
  bare: Timing;
  overheadP50: number | null;
  overheadP95: number | null;
  responseBytes: number;
  targetP95: number | null;
}

const loadAverage = () => loadavg().map((x) => round(x));

async function measure(
  store: { db: Database },
  c: Case,
  label: string,
  app: () => ReturnType<typeof createApp>,
  iterations: number,
  cache: Row["cache"],
): Promise<Row> {
  const bare: number[] = [];
  const gql: number[] = [];
  let bytes = 0;
  for (let i = 0; i < iterations; i++) {
    const vars = c.inputs[i % c.inputs.length];
    // Cold: a fresh app (empty caches) per run, built outside the timed part.
    const target = app();
    const steps = cache === "warm" ? ([["datasetMeta", {}]] as [string, Record<string, unknown>][]) : c.bare(vars);
    bare.push(await time(() => runBare(store.db, steps)));
    gql.push(await time(async () => (bytes = Buffer.byteLength(await runGraphQL(target, c.query, vars)))));
  }
  const g = stats(gql);
  const b = stats(bare);
  const name = cache === "none" ? c.name : `${c.name} (${cache})`;
  const row: Row = {
    query: name,
    cache,
    graphql: { p50: round(g.p50), p95: round(g.p95), mean: round(g.mean), n: g.n },
    bare: { p50: round(b.p50), p95: round(b.p95), mean: round(b.mean), n: b.n },
    overheadP50: cache === "warm" ? null : round(g.p50 / b.p50),
    overheadP95: cache === "warm" ? null : round(g.p95 / b.p95),
    responseBytes: bytes,
    targetP95: label === "10k" ? (TARGETS[c.name] ?? null) : null,
  };
  log(
    `${label} ${name}: GraphQL p50 ${row.graphql.p50} / p95 ${row.graphql.p95} ms; bare p50 ${row.bare.p50} / p95 ${row.bare.p95} ms; load ${loadAverage()[0]}`,
  );
  return row;
}

async function benchSize(label: string, seed: number) {
  const organisations = SIZES[label];
  if (!organisations) throw new Error(`Unknown size '${label}' (use ${Object.keys(SIZES).join(", ")})`);
  const data = generateDataset({ organisations, seed });
  const store = await openBenchStore(label, data, log);
  try {
    const loadBefore = loadAverage();
    const cacheMb = Number(process.env.ATLAS_CACHE_MB ?? CACHE_MB[label]);
    const newApp = () => createApp(store.db, { cache: { budgetMb: cacheMb } });
    const app = newApp();
    // What `npm start` runs after listening: the explorer's whole-graph read models, computed once.
    const warmed = newApp();
    const warmMs = await warmed.warm();
    log(`${label}: app.warm() took ${warmMs} ms`);
    const [counts] = await store.db.read(QUERIES.graphCounts, { visible: VISIBILITIES });
    log(`${label}: ${counts.nodes} nodes, ${counts.relationships} relationships; load average ${loadBefore.join(" ")}`);
    const results: Row[] = [];
    const large = label === "100k";
    for (const c of cases(data, seed).filter((x) => !only || only.some((name) => x.name.includes(name)))) {
      const iterations = large ? Math.max(3, Math.ceil(c.iterations / 5)) : c.iterations;
      // Warm up both sides (plans, page cache, JIT) on every input.
      for (const vars of c.inputs.slice(0, 5)) {
        await runBare(store.db, c.bare(vars));
        await runGraphQL(c.cached ? newApp() : c.warmed ? warmed : app, c.query, vars);
      }
      if (!c.cached) {
        results.push(await measure(store, c, label, () => (c.warmed ? warmed : app), iterations, "none"));
        continue;
      }
      results.push(await measure(store, c, label, newApp, Math.min(iterations, large ? 3 : 8), "cold"));
      const warm = newApp();
      await runGraphQL(warm, c.query, c.inputs[0]);
      results.push(await measure(store, c, label, () => warm, Math.max(iterations, 10), "warm"));
    }
    if (only) return;
    // Everything the whole-graph cases above cached in one app, as the server would hold it.
    const held = newApp();
    for (const c of cases(data, seed).filter((x) => x.cached)) await runGraphQL(held, c.query, c.inputs[0]);
    const memory = process.memoryUsage();
    const caches = {
      readModels: { entries: held.caches.readModels.size, estimatedBytes: held.caches.readModels.weight },
      results: { entries: held.caches.results.size, bytes: held.caches.results.weight },
      heapUsedBytes: memory.heapUsed,
      rssBytes: memory.rss,
    };
    const method = JSON.parse(await runGraphQL(held, `{ metrics { betweennessMethod betweennessSamples } }`, {})).data.metrics;

    const payload = await payloads(app);
    const report = {
      size: label,
      organisations,
      seed,
      nodes: counts.nodes,
      relationships: counts.relationships,
      loadMs: store.loadMs,
      warmMs,
      cacheMb,
      machine: {
        cpus: availableParallelism(),
        cpu: cpus()[0]?.model,
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAverage(),
      },
      date: new Date().toISOString(),
      queries: results,
      metrics: method,
      caches,
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

const mib = (bytes: number) => `${round(bytes / 1024 / 1024)} MiB`;

function markdown(report: {
  size: string;
  nodes: number;
  relationships: number;
  loadMs: number | null;
  warmMs: number;
  cacheMb: number;
  date: string;
  machine: { cpus: number; cpu?: string; node: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  queries: Row[];
  metrics: { betweennessMethod: string; betweennessSamples: number | null };
  caches: {
    readModels: { entries: number; estimatedBytes: number };
    results: { entries: number; bytes: number };
    heapUsedBytes: number;
    rssBytes: number;
  };
  payload: { query: string; selection: string; bytes: number; gzipBytes: number; addedBytes: number }[];
}): string {
  const m = report.machine;
  const lines = [
    `# API benchmark, ${report.size} organisations`,
    "",
    `${report.nodes} nodes, ${report.relationships} relationships; ${m.cpus} cores (${m.cpu}), Node ${m.node}; ${report.date}.`,
    `Load average (1, 5, 15 min) ${m.loadAverageBefore.join(", ")} at the start and ${m.loadAverageAfter.join(", ")} at the end${report.loadMs ? `; store loaded in ${round(report.loadMs / 1000)} s` : ""}; \`app.warm()\` (start-up) ${report.warmMs} ms; cache budget ${report.cacheMb} MiB (ATLAS_CACHE_MB).`,
    "GraphQL = Yoga in-process (`yoga.fetch`, JSON serialised); bare = the same named Cypher through the driver. Times in ms.",
    "Whole-graph queries: *cold* = a fresh app with empty caches on every run (Neo4j warm), against the Cypher the cold path runs;",
    "*warm* = served from the read-model/result caches, against the one Cypher read a warm request still makes (the dataset hash).",
    "",
    "| query | GraphQL p50 | GraphQL p95 | bare p50 | bare p95 | overhead p50 | overhead p95 | target p95 | response bytes |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const q of report.queries) {
    const target = q.targetP95 === null ? "" : `${q.targetP95} ${q.graphql.p95 <= q.targetP95 ? "✓" : "✗"}`;
    const ratio = (x: number | null) => (x === null ? "—" : `${x}×`);
    lines.push(
      `| ${q.query} | ${q.graphql.p50} | ${q.graphql.p95} | ${q.bare.p50} | ${q.bare.p95} | ${ratio(q.overheadP50)} | ${ratio(q.overheadP95)} | ${target} | ${q.responseBytes} |`,
    );
  }
  const c = report.caches;
  lines.push(
    "",
    `metrics: betweenness ${report.metrics.betweennessMethod}${report.metrics.betweennessSamples ? ` (${report.metrics.betweennessSamples} sources)` : ""}.`,
    `Caches holding every whole-graph case above: ${c.readModels.entries} read models (estimated ${mib(c.readModels.estimatedBytes)}), ${c.results.entries} results (${mib(c.results.bytes)}); process heap ${mib(c.heapUsedBytes)}, RSS ${mib(c.rssBytes)}.`,
  );
  lines.push(
    "",
    "## Payload per field (whole graph)",
    "",
    "| query | selection | bytes | gzip | added by the last field(s) |",
    "|---|---|---:|---:|---:|",
  );
  for (const p of report.payload) lines.push(`| ${p.query} | \`${p.selection}\` | ${p.bytes} | ${p.gzipBytes} | ${p.addedBytes} |`);
  return `${lines.join("\n")}\n`;
}

const args = process.argv.slice(2);
/** `--only=search,node`: just the cases whose names contain one of these; nothing is written. */
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const sizes = args.filter((a) => !a.startsWith("-"));
for (const label of sizes.length ? sizes : ["10k"]) await benchSize(label, 2024);
