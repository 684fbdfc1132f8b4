/**
 * `npm run bench:contention`: does whole-graph work hold up other requests? A server (child
 * process, bench/contention-server.ts, warmed like `npm start`) receives expensive requests that no
 * cache can answer — `metrics` under 15 aliases with distinct filters, and cold opening layouts
 * (`networkCompact { layout }` with a distinct filter) — while a probe sends a trivial query
 * (`node(id)` with two fields) one after another and records its latency. The probe's p50/p95/max
 * alone and under that load, with the expensive requests' own durations and the load average, go to
 * bench/results/contention-<label>.{md,json}.
 *
 *   npm run bench:contention -- before            # bundled data, writes contention-before.*
 *   npm run bench:contention -- after 10k         # also a 10k synthetic graph (sampled betweenness)
 *   npm run bench:contention -- try               # any other label: logged only, nothing written
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import { DATA_DIR } from "../server/db/open.js";
import type { Dataset } from "../server/import/schema.js";
import { readDataset } from "../server/import/read-dataset.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SERVER = fileURLToPath(new URL("./contention-server.ts", import.meta.url));
const WRITTEN_LABELS = new Set(["before", "after"]);
/** Target of issue 9: a trivial query's p95 while expensive ones run (ms). */
const TARGET_P95_MS = 100;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

interface Scenario {
  name: string;
  data: () => Dataset;
  /** Concurrent clients sending aliased-metrics requests, and how many each sends, one after another. */
  metricsClients: number;
  metricsRequests: number;
  /** Aliases (distinct filters) per metrics request. */
  aliases: number;
  /** Cold opening layouts, one after another, alongside the metrics clients. */
  layouts: number;
  /** Distinct filters that keep (nearly) the whole graph, the n-th call giving the n-th filter. */
  filter: (n: number) => Record<string, unknown>;
}

/**
 * Bundled: every yearFrom/yearTo pair from 1900–1999 × 2015–2024 is its own read model, and keeps
 * nearly every node. 10k: yearFrom only, so more than 10,000 nodes stay and betweenness is sampled
 * (exact betweenness of a 9,000-node snapshot would take minutes, and measure nothing new).
 */
const SCENARIOS: Record<string, Scenario> = {
  bundled: {
    name: "bundled",
    data: () => readDataset(DATA_DIR),
    metricsClients: 2,
    metricsRequests: 2,
    aliases: 15,
    layouts: 4,
    filter: (n) => ({ yearFrom: 1900 + (n % 100), yearTo: 2015 + (Math.floor(n / 100) % 10) }),
  },
  "10k": {
    name: "10k",
    data: () => generateDataset({ organisations: 10_000, seed: 1 }),
    metricsClients: 2,
    metricsRequests: 1,
    aliases: 2,
    layouts: 2,
    filter: (n) => ({ yearFrom: 1800 + n }),
  },
};

const TRIVIAL = `{ node(id: "$ID") { id name } }`;

interface Timing {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const round = (x: number) => Math.round(x * 10) / 10;
  return { n: samples.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

/**
 * One POST on a fresh connection (no keep-alive): a busy server closing an idle pooled socket just
 * as the next request goes out would otherwise show up as ECONNRESET, and both runs pay the same
 * loopback connect.
 */
function post(port: number, query: string): Promise<number> {
  const started = performance.now();
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString()) as { errors?: { message: string }[] };
          if (answer.errors?.length) reject(new Error(`query failed: ${answer.errors[0].message}\n${query.slice(0, 300)}`));
          else resolve(performance.now() - started);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function startServer(uri: string, password: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...process.execArgv, SERVER], {
    env: { ...process.env, CONTENTION_NEO4J_URI: uri, CONTENTION_NEO4J_PASSWORD: password },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`the bench server exited (${code}) before listening:\n${out}`)));
  });
  return { child, port };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmtLoad = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

interface ScenarioResult {
  scenario: string;
  trivialQuery: string;
  idle: Timing;
  underLoad: Timing;
  metricsRequests: Timing;
  layoutRequests: Timing;
  loadSeconds: number;
  shape: Pick<Scenario, "metricsClients" | "metricsRequests" | "aliases" | "layouts">;
  loadAverage: { before: string; after: string };
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const data = scenario.data();
  const store = await openBenchStore(scenario.name, data, log);
  const { child, port } = await startServer(store.uri, store.password);
  try {
    const probeId = data.organisations[0].id;
    const trivial = TRIVIAL.replace("$ID", probeId);
    for (let i = 0; i < 20; i++) await post(port, trivial);
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) {
      idle.push(await post(port, trivial));
      await sleep(5);
    }

    let next = 0;
    const metricsQuery = () => {
      const fields = Array.from({ length: scenario.aliases }, (_, a) => {
        const filter = JSON.stringify(scenario.filter(next++)).replace(/"(\w+)":/g, "$1:");
        return `m${a}: metrics(filter: ${filter}) { density modularity nodes { degree betweenness bridgeScore } }`;
      });
      return `{ ${fields.join(" ")} }`;
    };
    const layoutQuery = () => {
      const filter = JSON.stringify(scenario.filter(next++)).replace(/"(\w+)":/g, "$1:");
      return `{ networkCompact(filter: ${filter}) { ids layout } }`;
    };

    const loadBefore = fmtLoad();
    const underLoad: number[] = [];
    const metricsTimes: number[] = [];
    const layoutTimes: number[] = [];
    let loading = true;
    const probe = (async () => {
      while (loading) {
        underLoad.push(await post(port, trivial));
        await sleep(5);
      }
    })();
    const started = performance.now();
    await Promise.all([
      ...Array.from({ length: scenario.metricsClients }, async () => {
        for (let r = 0; r < scenario.metricsRequests; r++) metricsTimes.push(await post(port, metricsQuery()));
      }),
      (async () => {
        for (let r = 0; r < scenario.layouts; r++) layoutTimes.push(await post(port, layoutQuery()));
      })(),
    ]);
    const loadSeconds = (performance.now() - started) / 1000;
    loading = false;
    await probe;
    return {
      scenario: scenario.name,
      trivialQuery: trivial,
      idle: stats(idle),
      underLoad: stats(underLoad),
      metricsRequests: stats(metricsTimes),
      layoutRequests: stats(layoutTimes),
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      shape: {
        metricsClients: scenario.metricsClients,
        metricsRequests: scenario.metricsRequests,
        aliases: scenario.aliases,
        layouts: scenario.layouts,
      },
      loadAverage: { before: loadBefore, after: fmtLoad() },
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await store.close();
  }
}

function markdown(label: string, results: ScenarioResult[]): string {
  const ms = (t: Timing) => `${t.p50} / ${t.p95} / ${t.max}`;
  const lines = [
    `# Contention: a trivial query while whole-graph work runs (${label})`,
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:contention -- ${label}\` on a ${availableParallelism()}-core machine shared with other work.`,
    `Target (issue 9): the trivial query's p95 under load below ${TARGET_P95_MS} ms.`,
    "",
    "The server runs in its own process, warmed as `npm start` warms it. Load: concurrent clients each sending",
    "`metrics` requests, one after another, every request aliasing distinct uncached filters, beside one client",
    "asking for cold opening layouts (`networkCompact(filter) { ids layout }`, distinct filters). Meanwhile a probe",
    "sends the trivial query one after another (5 ms apart). Times in ms: p50 / p95 / max.",
    "",
    "| graph | load shape | trivial, idle | trivial, under load | metrics requests | layout requests | load lasted | load average (1, 5, 15 min) before → after |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const shape = `${r.shape.metricsClients} × ${r.shape.metricsRequests} metrics requests of ${r.shape.aliases} aliases, ${r.shape.layouts} layouts`;
    lines.push(
      `| ${r.scenario} | ${shape} | ${ms(r.idle)} (n=${r.idle.n}) | **${ms(r.underLoad)}** (n=${r.underLoad.n}) | ${ms(r.metricsRequests)} | ${ms(r.layoutRequests)} | ${r.loadSeconds} s | ${r.loadAverage.before} → ${r.loadAverage.after} |`,
    );
  }
  lines.push("", `Trivial query: \`${results[0]?.trivialQuery ?? TRIVIAL}\`.`, "");
  return lines.join("\n");
}

const args = process.argv.slice(2);
const label = args.find((a) => !(a in SCENARIOS)) ?? "try";
const names = args.filter((a) => a in SCENARIOS);
const results: ScenarioResult[] = [];
for (const name of names.length ? names : ["bundled"]) {
  log(`${name}: starting (load ${fmtLoad()})`);
  const result = await runScenario(SCENARIOS[name]);
  log(
    `${name}: trivial idle p95 ${result.idle.p95} ms; under load p50 ${result.underLoad.p50} p95 ${result.underLoad.p95} max ${result.underLoad.max} ms (n=${result.underLoad.n}); load lasted ${result.loadSeconds} s; load ${result.loadAverage.after}`,
  );
  results.push(result);
  // Written after each graph, so a failure at 10k keeps the bundled figures.
  if (WRITTEN_LABELS.has(label)) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      new URL(`contention-${label}.json`, RESULTS_DIR),
      JSON.stringify({ label, cores: availableParallelism(), results }, null, 2) + "\n",
    );
    writeFileSync(new URL(`contention-${label}.md`, RESULTS_DIR), markdown(label, results));
    log(`wrote bench/results/contention-${label}.{md,json}`);
  }
}
if (!WRITTEN_LABELS.has(label)) process.stdout.write(markdown(label, results));
