/**
 * `npm run bench:analysis-api`: what a script or the explorer waits for each analysis through
 * GraphQL (Yoga in-process, JSON serialised) on the 10k bench graph in its own embedded Neo4j
 * (bench/store.ts), against issue 13's budgets: brokerage roles 2 s cold, diff 500 ms, co-presence
 * 500 ms, what-if 1 s. bench/analysis.ts times the computations alone; this adds the worker round
 * trip and the serialisation. The app is first warmed as `npm start` warms it once it listens (the
 * explorer's opening read models; the warm-up's time is logged), so the figures are a running server's.
 *
 * Every request asked is different (the result cache would answer a repeat without computing), so
 * each is "cold" for its answer; one repeat is timed as the cached case. Beside the wall time, the
 * event loop's longest stall during the request (monitorEventLoopDelay): the analyses run on a
 * worker thread, so it stays short. Writes bench/results/analysis-api-10k.md and the same tables as
 * a section of bench/results/analysis-10k.md, with the load average.
 */
import "../server/production-mode.js"; // first: as `npm start` runs the server
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

import { mulberry32, sampleWithoutReplacement } from "../server/analytics/random.js";
import { createApp } from "../server/app.js";
import type { Dataset } from "../server/import/schema.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const ORGANISATIONS = 10_000;
const SEED = 1;
/** Issue 13's budgets (ms). */
const TARGETS = { brokerage: 2000, diff: 500, coPresence: 500, whatIf: 1000 } as const;
type Analysis = keyof typeof TARGETS;
/** Distinct single organisations removed after the named cases (each a fresh computation). */
const RANDOM_REMOVALS = 20;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const loadAverage = () => loadavg().map(round);

const QUERIES: Record<Analysis | "read", string> = {
  read: `{ networkCompact { __typename } }`,
  brokerage: `query ($partition: BrokeragePartition!) {
    brokerage(partition: $partition) { summary organisations arcs nodes { id label total raw { coordinator itinerant representative gatekeeper liaison } normalised { coordinator itinerant representative gatekeeper liaison } } groups { value ei } network { ei expectedEi } }
  }`,
  diff: `query ($from: Int!, $to: Int!) {
    diff(from: $from, to: $to) {
      summary appeared { id datedBy { year recordId } } gone { id } tiesAppeared { id source target datedBy { year recordId citations { locator } } }
      tiesEnded { id datedBy { year recordId citations { locator } } } coalitions { id joined { id } left { id } }
    }
  }`,
  coPresence: `query ($from: Int, $to: Int, $minShared: Int) {
    coPresence(from: $from, to: $to, minShared: $minShared) {
      summary tieCount occurrenceCount organisations ties { source target sourceLabel targetLabel weight occurrences }
      occurrences { id label kind yearFrom yearTo appearances { organisation relationshipIds } }
    }
  }`,
  whatIf: `query ($remove: [ID!]!, $withMembers: Boolean) {
    whatIf(remove: $remove, withMembers: $withMembers) {
      summary removed { id } cutOff { id label } components { before after } averageReach { before after }
      unionNgoPairs { connectedBefore lost lengthened disconnected examples { labour civil before after } mostAffected { id lostPairs } }
    }
  }`,
};

interface Row {
  analysis: Analysis | "read";
  name: string;
  ms: number;
  /** The event loop's longest stall during the request. */
  loopMs: number;
  load: number;
  answer: string;
  /** Counted against the target (not the read, not a cached repeat, not the first what-if's index). */
  counted: boolean;
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
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  try {
    const app = createApp(store.db);
    const ask = async (analysis: Analysis | "read", name: string, variables: Record<string, unknown>, counted = true) => {
      loop.reset();
      const started = performance.now();
      const response = await app.yoga.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query: QUERIES[analysis], variables }),
      });
      const body = (await response.json()) as { data?: Record<string, { summary?: string }>; errors?: unknown[] };
      const ms = performance.now() - started;
      if (!body.data) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      const answer = analysis === "read" ? "" : (Object.values(body.data)[0].summary ?? "");
      const row = { analysis, name, ms: round(ms), loopMs: round(loop.max / 1e6), load: loadAverage()[0], answer, counted };
      log(`${analysis} ${name}: ${row.ms} ms (loop ${row.loopMs} ms, load ${row.load}) — ${row.answer}`);
      rows.push(row);
    };
    const t = targets(data);
    // As `npm start` does once it listens: the explorer's opening read models (and the queries and
    // worker the first requests use) are warmed before anyone asks.
    const warmMs = await app.warm();
    log(`warm-up as npm start does: ${warmMs} ms`);
    await ask("read", "the explorer's opening network (networkCompact, after the warm-up)", {}, false);
    for (const partition of ["SECTOR", "REGION", "SCOPE", "TYPE"]) await ask("brokerage", partition.toLowerCase(), { partition });
    for (const [from, to] of [
      [2005, 2015],
      [2010, 2020],
      [2002, 2024],
      [2015, 2016],
    ])
      await ask("diff", `${from} → ${to}`, { from, to });
    await ask("coPresence", "all years, shared ≥ 2", { minShared: 2 });
    await ask("coPresence", "2010–2014, shared ≥ 1", { from: 2010, to: 2014, minShared: 1 });
    await ask("coPresence", "all years, shared ≥ 1", { minShared: 1 });
    await ask("coPresence", "2002–2024, shared ≥ 3", { from: 2002, to: 2024, minShared: 3 });
    await ask(
      "whatIf",
      `first removal: the biggest coalition (${t.biggest[1]} members), with the what-if index`,
      { remove: [t.biggest[0]] },
      false,
    );
    await ask("whatIf", "the same again (result cache)", { remove: [t.biggest[0]] }, false);
    await ask("whatIf", `a coalition of ${t.medium[1]} members with its members`, { remove: [t.medium[0]], withMembers: true });
    await ask("whatIf", "five organisations", { remove: t.five });
    for (const id of t.random) await ask("whatIf", id, { remove: [id] });
    write(rows, loadBefore, loadAverage());
  } finally {
    loop.disable();
    await store.close();
  }
}

function write(rows: Row[], before: number[], after: number[]) {
  const summaries = (Object.keys(TARGETS) as Analysis[]).map((analysis) => {
    const ms = rows
      .filter((r) => r.analysis === analysis && r.counted)
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    const over = ms.filter((x) => x > TARGETS[analysis]).length;
    return `| ${analysis} | ${ms.length} | ${ms[Math.floor(ms.length / 2)]} | ${ms[ms.length - 1]} | ${TARGETS[analysis]} | ${over} |`;
  });
  const section = [
    `## The analyses through GraphQL (bench/analysis-api.ts)`,
    ``,
    `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}. Load average (1, 5, 15 min)`,
    `${before.join(", ")} at the start and ${after.join(", ")} at the end; the load column is the 1-minute figure after each answer.`,
    `Figures taken while other work ran on the machine are ceilings. Wall ms per answer through Yoga in-process (the worker`,
    `thread, JSON serialised), the 10k bench graph in its own embedded Neo4j; "loop" is the event loop's longest stall during`,
    `the request. The app is warmed first, as \`npm start\` warms it (the explorer's opening read models, so the "read" row is`,
    `the explorer's opening request after that). The first analysis sends the graph's columns to the worker, which then`,
    `keeps them, so later analyses send none. The first removal also builds the what-if index (once per data version and`,
    `filter). The read, that removal and the cached repeat are not counted against the targets.`,
    ``,
    `| analysis | requests counted | p50 ms | max ms | target ms | over target |`,
    `|---|---:|---:|---:|---:|---:|`,
    ...summaries,
    ``,
    `| analysis | request | ms | loop ms | load | answer |`,
    `|---|---|---:|---:|---:|---|`,
    ...rows.map((r) => `| ${r.analysis} | ${r.name} | ${r.ms} | ${r.loopMs} | ${r.load} | ${r.answer.replace(/\|/g, "\\|")} |`),
    ``,
  ].join("\n");
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(new URL("analysis-api-10k.md", RESULTS_DIR), `# Analysis API benchmark, 10k organisations\n\n${section}`);
  // The same section in the computation's report, replacing an earlier run's (of either title).
  const main = new URL("analysis-10k.md", RESULTS_DIR);
  const text = existsSync(main) ? readFileSync(main, "utf8") : "";
  const starts = ["## The analyses through GraphQL", "## whatIf through GraphQL"]
    .map((title) => text.indexOf(title))
    .filter((at) => at >= 0);
  const start = starts.length ? Math.min(...starts) : -1;
  writeFileSync(main, `${(start < 0 ? text : text.slice(0, start)).trimEnd()}\n\n${section}`);
  log("wrote bench/results/analysis-api-10k.md and its section of analysis-10k.md");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
