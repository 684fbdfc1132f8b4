/**
 * `npm run bench:analysis-api`: what a script or the explorer waits for a `whatIf` answer through
 * GraphQL (Yoga in-process, JSON serialised) on the 10k bench graph in its own embedded Neo4j
 * (bench/store.ts), against issue 13's budget of 1 s an answer. bench/analysis.ts times the
 * computation alone; this adds the read of the filtered graph, the worker round trip and the
 * serialisation, and says what the first request of a fresh server costs (the read and the what-if
 * index, built once per data version and filter) apart from the later ones.
 *
 * Every removal asked is different (the result cache would answer a repeat without computing); the
 * repeat of one is timed too, as the cached case. Writes bench/results/analysis-api-10k.md and
 * the same table as a section of bench/results/analysis-10k.md, with the load average.
 */
import "../server/production-mode.js"; // first: as `npm start` runs the server
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";

import { mulberry32, sampleWithoutReplacement } from "../server/analytics/random.js";
import { createApp } from "../server/app.js";
import type { Dataset } from "../server/import/schema.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const ORGANISATIONS = 10_000;
const SEED = 1;
const TARGET_MS = 1000;
/** Distinct single organisations removed after the named cases (each a fresh computation). */
const RANDOM_REMOVALS = 20;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const loadAverage = () => loadavg().map(round);

const WHAT_IF = `query ($remove: [ID!]!, $withMembers: Boolean) {
  whatIf(remove: $remove, withMembers: $withMembers) {
    summary removed { id } cutOff { id label } components { before after } averageReach { before after }
    unionNgoPairs { connectedBefore lost lengthened disconnected examples { labour civil before after } mostAffected { id lostPairs } }
  }
}`;

interface Row {
  name: string;
  ms: number;
  load: number;
  answer: string;
}

/** The coalition with most members, one with about 50, and five organisations with ties. */
function targets(data: Dataset) {
  const members = new Map<string, number>();
  for (const r of data.relationships) if (r.type === "MEMBER_OF") members.set(r.target, (members.get(r.target) ?? 0) + 1);
  const bySize = [...members].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const tied = [...new Set(data.relationships.map((r) => r.source))].filter((id) => id.startsWith("org-")).sort();
  const rng = mulberry32(SEED);
  return {
    biggest: bySize[0],
    medium: bySize.find(([, size]) => size <= 50)!,
    five: tied.slice(100, 105),
    random: sampleWithoutReplacement(tied, RANDOM_REMOVALS, rng),
  };
}

async function main() {
  const data = generateDataset({ organisations: ORGANISATIONS, seed: SEED });
  const store = await openBenchStore("10k", data, log);
  const loadBefore = loadAverage();
  const rows: Row[] = [];
  try {
    const app = createApp(store.db);
    const ask = async (name: string, remove: string[], withMembers = false) => {
      const started = performance.now();
      const response = await app.yoga.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query: WHAT_IF, variables: { remove, withMembers } }),
      });
      const body = (await response.json()) as { data?: { whatIf: { summary: string } }; errors?: unknown[] };
      const ms = performance.now() - started;
      if (!body.data) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      const row = { name, ms: round(ms), load: loadAverage()[0], answer: body.data.whatIf.summary };
      log(`${name}: ${row.ms} ms (load ${row.load}) — ${row.answer}`);
      rows.push(row);
      return ms;
    };
    const t = targets(data);
    await ask(`first request of a fresh server: remove the biggest coalition (${t.biggest[1]} members)`, [t.biggest[0]]);
    await ask("the same again (result cache)", [t.biggest[0]]);
    await ask(`remove a coalition of ${t.medium[1]} members with its members`, [t.medium[0]], true);
    await ask("remove five organisations", t.five);
    const random: number[] = [];
    for (const id of t.random) random.push(await ask(`remove ${id}`, [id]));
    random.sort((a, b) => a - b);
    const summary = {
      p50: round(random[Math.floor(random.length / 2)]),
      max: round(random[random.length - 1]),
      over: random.filter((ms) => ms > TARGET_MS).length,
    };
    log(`${RANDOM_REMOVALS} single removals: p50 ${summary.p50} ms, max ${summary.max} ms, ${summary.over} over ${TARGET_MS} ms`);
    write(rows, summary, loadBefore, loadAverage());
  } finally {
    await store.close();
  }
}

function write(rows: Row[], summary: { p50: number; max: number; over: number }, before: number[], after: number[]) {
  const table = [
    `## whatIf through GraphQL (bench/analysis-api.ts)`,
    ``,
    `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}. Load average (1, 5, 15 min)`,
    `${before.join(", ")} at the start and ${after.join(", ")} at the end; the load column is the 1-minute figure after each answer.`,
    `Wall ms per answer through Yoga in-process (the worker thread, JSON serialised), the 10k bench graph in its own`,
    `embedded Neo4j. The first request reads the filtered graph and builds the what-if index (once per data version and`,
    `filter); every later removal reuses both. Target ${TARGET_MS} ms an answer.`,
    ``,
    `| request | ms | load | answer |`,
    `|---|---:|---:|---|`,
    ...rows.map((r) => `| ${r.name} | ${r.ms} | ${r.load} | ${r.answer.replace(/\|/g, "\\|")} |`),
    ``,
    `${RANDOM_REMOVALS} distinct single removals: p50 ${summary.p50} ms, max ${summary.max} ms, ${summary.over} over ${TARGET_MS} ms.`,
    ``,
  ].join("\n");
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(new URL("analysis-api-10k.md", RESULTS_DIR), `# Analysis API benchmark, 10k organisations\n\n${table}`);
  // The same section in the computation's report, replacing an earlier run's.
  const main = new URL("analysis-10k.md", RESULTS_DIR);
  const text = existsSync(main) ? readFileSync(main, "utf8") : "";
  const start = text.indexOf("## whatIf through GraphQL");
  writeFileSync(main, `${(start < 0 ? text : text.slice(0, start)).trimEnd()}\n\n${table}`);
  log("wrote bench/results/analysis-api-10k.md and its section of analysis-10k.md");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
