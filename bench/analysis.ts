/**
 * `npm run bench:analysis`: the issue-13 analyses (brokerage roles, change between years, forum
 * co-presence, what-if removal) timed as computations over the read model they take: the whole
 * unfiltered `networkColumns` of a seeded synthetic graph, built in memory (bench/read-model.ts)
 * so no store is needed. The API-level figures (GraphQL, off the event loop) come with the
 * resolvers. Writes bench/results/analysis-<size>.{json,md} with the load average.
 *
 *   npm run bench:analysis            # 10k organisations
 *   npm run bench:analysis -- 1k 10k
 *
 * Each case runs once on a fresh process's first call of that analysis ("first": cold code, no
 * cache), then `REPEATS` more times (p50, max). Wall time is what a caller waits; CPU time is the
 * process's own, which says more on a shared, busy machine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";

import { brokerageRoles } from "../server/analytics/brokerage.js";
import { coPresence } from "../server/analytics/co-presence.js";
import { type ColumnGraph, indexColumns } from "../server/analytics/column-graph.js";
import { buildUndirectedGraph } from "../server/analytics/graph.js";
import { computeMetrics, DEFAULT_METRICS_OPTIONS } from "../server/analytics/metrics.js";
import { type WhatIfIndex, whatIfIndex, whatIfRemove } from "../server/analytics/what-if.js";
import { metricChanges, yearDiff } from "../server/analytics/year-diff.js";
import { lifespans, snapshot, snapshotTopology } from "../server/analytics/year-snapshot.js";
import { toGraphRows } from "../server/import/to-graph.js";
import { generateDataset } from "./generate.js";
import { columnsOfRows } from "./read-model.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000 };
const REPEATS = 10;
const SEED = 1;
/** Issue 13's budgets at 10k organisations (ms). */
const TARGETS = { brokerage: 2000, diff: 500, coPresence: 500, whatIf: 1000 } as const;
/** The API's default number of co-presence ties listed (server/graphql/resolvers/analyses.ts). */
const CO_PRESENCE_LIMIT = 500;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const round = (x: number) => Math.round(x * 10) / 10;

interface Case {
  name: string;
  target?: number;
  /** Repeats after the first call (default REPEATS). */
  repeats?: number;
  run: () => unknown;
  /** A figure of the answer, to show the size of what was computed. */
  describe: (result: never) => string;
}

interface Timing {
  firstWall: number;
  firstCpu: number;
  p50Wall: number;
  maxWall: number;
  p50Cpu: number;
}

function time(run: () => unknown): { wall: number; cpu: number; result: unknown } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, result };
}

function measure(c: Case): Timing & { answer: string } {
  const first = time(c.run);
  const walls: number[] = [];
  const cpusUsed: number[] = [];
  for (let k = 0; k < (c.repeats ?? REPEATS); k++) {
    const { wall, cpu } = time(c.run);
    walls.push(wall);
    cpusUsed.push(cpu);
  }
  const median = (xs: number[]) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return {
    firstWall: round(first.wall),
    firstCpu: round(first.cpu),
    p50Wall: round(median(walls)),
    maxWall: walls.length === 0 ? NaN : round(Math.max(...walls)),
    p50Cpu: round(median(cpusUsed)),
    answer: c.describe(first.result as never),
  };
}

/** The coalition with most members, one with about 50, and the organisation with most ties. */
function pickTargets(graph: ColumnGraph) {
  const members = new Map<string, number>();
  const degree = new Map<string, number>();
  graph.columns.edges.type.forEach((type, j) => {
    const { source, target } = graph.columns.edges;
    if (type === "MEMBER_OF") members.set(target[j], (members.get(target[j]) ?? 0) + 1);
    for (const id of [source[j], target[j]]) degree.set(id, (degree.get(id) ?? 0) + 1);
  });
  const bySize = [...members].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const medium = bySize.find(([, size]) => size <= 50)!;
  return {
    biggest: bySize[0],
    medium,
    organisations: [...degree.keys()]
      .filter((id) => id.startsWith("org-"))
      .sort()
      .slice(100, 105),
  };
}

function cases(graph: ColumnGraph): Case[] {
  const picked = pickTargets(graph);
  // Sampled betweenness whatever the size: with the defaults, a year's snapshot under 10,000 nodes
  // (2015 here) gets exact betweenness, which takes minutes at this size (see the README note).
  const sampled = { ...DEFAULT_METRICS_OPTIONS, exactLimit: 0 };
  const metricsIn = (year: number) => {
    const { nodes, edges } = snapshotTopology(graph, snapshot(graph, lifespans(graph), year));
    return computeMetrics(buildUndirectedGraph(nodes, edges), sampled);
  };
  log("computing the metrics of 2005 and 2015 for the metric changes, and the what-if index…");
  const [metrics2005, metrics2015] = [metricsIn(2005), metricsIn(2015)];
  const index = whatIfIndex(graph);
  return [
    {
      name: "index the read model (indexColumns, once per cached read)",
      run: () => indexColumns(graph.columns),
      describe: (g: ColumnGraph) => `${g.ids.length} nodes`,
    },
    ...(["SECTOR", "REGION", "SCOPE", "TYPE"] as const).map((partition) => ({
      name: `brokerage roles, ${partition.toLowerCase()}`,
      target: TARGETS.brokerage,
      run: () => brokerageRoles(graph, partition),
      describe: (r: ReturnType<typeof brokerageRoles>) =>
        `${r.organisations} organisations, ${r.arcs} arcs, ${r.nodes.reduce((s, n) => s + n.total, 0)} brokered pairs`,
    })),
    {
      name: "change 2005 → 2015 (yearDiff)",
      target: TARGETS.diff,
      run: () => yearDiff(graph, 2005, 2015),
      describe: (d: ReturnType<typeof yearDiff>) =>
        `${d.nodes.appeared.length} nodes appeared, ${d.ties.appeared.length} ties appeared, ${d.ties.ended.length} ended`,
    },
    {
      name: "change 2005 → 2015, metric changes (from the two years' metrics)",
      target: TARGETS.diff,
      run: () => metricChanges(graph, metrics2005, metrics2015),
      describe: (c: ReturnType<typeof metricChanges>) =>
        `${c.length} nodes, ${c.filter((x) => x.changedCommunity).length} changed community`,
    },
    {
      name: `metrics of one year's snapshot (computeMetrics as \`metrics\`, betweenness sampled from ${sampled.samples} sources)`,
      repeats: 0,
      run: () => metricsIn(2015),
      describe: (m: ReturnType<typeof computeMetrics>) =>
        `${m.nodes.size} nodes, ${m.communities} communities, betweenness ${m.betweennessMethod.toLowerCase()}`,
    },
    ...[
      { label: "all years, shared ≥ 2", options: { minShared: 2 } },
      { label: "2010–2014, shared ≥ 1", options: { yearFrom: 2010, yearTo: 2014 } },
      { label: "all years, shared ≥ 1", options: {} },
    ].map(({ label, options }) => ({
      // As the API asks: its default limit of ties listed and explained.
      name: `co-presence, ${label}, ${CO_PRESENCE_LIMIT} heaviest explained`,
      target: TARGETS.coPresence,
      run: () => coPresence(graph, { ...options, limit: CO_PRESENCE_LIMIT }),
      describe: (r: ReturnType<typeof coPresence>) => `${r.tieCount} ties among ${r.organisations} organisations`,
    })),
    {
      name: "what-if index (the unions' distances; once per read model)",
      run: () => whatIfIndex(graph),
      describe: (index: WhatIfIndex) => `${index.unions.length} unions × ${graph.ids.length} nodes, ${round(index.bytes / 2 ** 20)} MiB`,
    },
    ...[
      { label: `the biggest coalition (${picked.biggest[1]} members)`, remove: [picked.biggest[0]], options: {} },
      { label: `a coalition of ${picked.medium[1]} members with its members`, remove: [picked.medium[0]], options: { withMembers: true } },
      { label: "five organisations", remove: picked.organisations, options: {} },
    ].map(({ label, remove, options }) => ({
      name: `what-if: remove ${label}`,
      target: TARGETS.whatIf,
      run: () => whatIfRemove(index, remove, options),
      describe: (r: ReturnType<typeof whatIfRemove>) =>
        `${r.removed.length} removed, ${r.cutOff.length} cut off, ${r.unionNgoPairs.lost} of ${r.unionNgoPairs.connectedBefore} union–NGO pairs lose their shortest route`,
    })),
  ];
}

async function benchSize(size: string) {
  const organisations = SIZES[size];
  if (!organisations) throw new Error(`unknown size '${size}' (one of ${Object.keys(SIZES).join(", ")})`);
  log(`${size}: generating and building the read model…`);
  const graph = indexColumns(columnsOfRows(toGraphRows(generateDataset({ organisations, seed: SEED }))));
  const loadBefore = loadavg().map(round);
  const rows = cases(graph).map((c) => {
    const timing = measure(c);
    log(
      `${c.name}: first ${timing.firstWall} ms (cpu ${timing.firstCpu}), p50 ${timing.p50Wall}, max ${timing.maxWall} — ${timing.answer}`,
    );
    return { name: c.name, target: c.target ?? null, ...timing };
  });
  const loadAfter = loadavg().map(round);
  const meta = {
    size,
    nodes: graph.ids.length,
    relationships: graph.source.length,
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "?"}`,
    node: process.version,
    date: new Date().toISOString(),
    loadBefore,
    loadAfter,
    repeats: REPEATS,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(new URL(`analysis-${size}.json`, RESULTS_DIR), `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  const mark = (row: { target: number | null; firstWall: number }) =>
    row.target === null ? "" : `${row.target} ${row.firstWall <= row.target ? "✓" : "✗"}`;
  const md = [
    `# Analysis benchmark, ${size} organisations`,
    "",
    `${meta.nodes} nodes, ${meta.relationships} relationships (bench/generate.ts, seed ${SEED}); ${meta.cpus}, Node ${meta.node}; ${meta.date}.`,
    `Load average (1, 5, 15 min) ${loadBefore.join(", ")} at the start and ${loadAfter.join(", ")} at the end.`,
    `The computation alone over the unfiltered read model (no GraphQL, no store). *first* = the process's first call of`,
    `that analysis (cold code, nothing cached); then ${REPEATS} repeats. Wall ms unless marked CPU. Target = issue 13's budget, checked on *first*.`,
    "",
    "| case | first | first CPU | p50 | max | p50 CPU | target | answer |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.firstWall} | ${r.firstCpu} | ${[r.p50Wall, r.maxWall, r.p50Cpu].map((x) => (Number.isNaN(x) ? "—" : x)).join(" | ")} | ${mark(r)} | ${r.answer} |`,
    ),
    "",
  ].join("\n");
  // bench:analysis-api keeps its section at the end of this report: carry it over, not away.
  const file = new URL(`analysis-${size}.md`, RESULTS_DIR);
  const earlier = existsSync(file) ? readFileSync(file, "utf8") : "";
  const api = earlier.indexOf("## The analyses through GraphQL");
  writeFileSync(file, api < 0 ? md : `${md}\n${earlier.slice(api)}`);
  log(`${size}: written bench/results/analysis-${size}.{json,md}`);
}

const sizes = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const size of sizes.length ? sizes : ["10k"]) await benchSize(size);
