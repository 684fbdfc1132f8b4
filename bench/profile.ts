/**
 * `npm run bench:profile -- [size] [query …]`: where the time of a named query goes, on the bench
 * store of that size (bench/.stores/<size>, loaded by `bench:api` or here). For each query: wall
 * time through the driver, the server's own figures (`resultAvailableAfter`: planning and the first
 * row; `resultConsumedAfter`: streaming the rest), hence the client-side decoding share, and the
 * PROFILE plan's operators with their db hits and rows. Not a benchmark: one warm run each.
 */
import { performance } from "node:perf_hooks";

import neo4j, { type ProfiledPlan } from "neo4j-driver";

import { toParams } from "../server/db/database.js";
import { filterParams } from "../server/read/filter.js";
import { luceneQuery } from "../server/read/lucene.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";

const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000 };
const log = (line: string) => process.stdout.write(`[profile] ${line}\n`);

const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const size = args[0] && SIZES[args[0]] ? args.shift()! : "10k";
const data = generateDataset({ organisations: SIZES[size], seed: 2024 });
const org = data.organisations[137].id;
const other = data.organisations[4242 % data.organisations.length].id;
const noFilter = filterParams(null);

/** Parameters per named query: a mid-sized organisation, the whole graph unfiltered. */
const PARAMS: Record<string, Record<string, unknown>> = {
  datasetMeta: {},
  search: { query: luceneQuery("Migrant Workers"), kinds: null, limit: 10, fetch: 10 },
  nodesByIds: { ids: [org] },
  nodeDetails: { id: org },
  neighbourhood: { ...noFilter, id: org, depth: 2, limit: 500, full: false },
  paths: { ...noFilter, from: org, to: other, maxLength: 4, limit: 5 },
  allies: { id: org, limit: 10 },
  expand: { ...noFilter, id: data.relationships.find((r) => r.type === "MEMBER_OF")!.target },
  networkColumns: noFilter,
  network: noFilter,
  timelineFacts: {},
  coMemberships: noFilter,
};

function operators(plan: ProfiledPlan, depth = 0, out: string[] = []): string[] {
  const details = String(plan.arguments?.Details ?? "").slice(0, 90);
  out.push(
    `${"  ".repeat(depth)}${plan.operatorType}  rows ${plan.rows}  db hits ${plan.dbHits}${plan.time ? `  ${(plan.time / 1e6).toFixed(2)} ms` : ""}  ${details}`,
  );
  for (const child of plan.children) operators(child, depth + 1, out);
  return out;
}

const store = await openBenchStore(size, data, log);
try {
  const names = args.length ? args : Object.keys(PARAMS).filter((n) => store.db.queries[n]);
  for (const name of names) {
    const text = store.db.queries[name]?.text;
    if (!text) throw new Error(`Unknown named query '${name}'`);
    const params = toParams(PARAMS[name] ?? {}) as Record<string, unknown>;
    const run = (cypher: string) => store.db.driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
    for (let i = 0; i < 3; i++) await run(text);
    const started = performance.now();
    const result = await run(text);
    const rows = result.records.map((r) => r.toObject());
    const wall = performance.now() - started;
    const available = Number(result.summary.resultAvailableAfter);
    const consumed = Number(result.summary.resultConsumedAfter);
    log(
      `${name}: wall ${wall.toFixed(1)} ms = server ${available} ms to first row + ${consumed} ms streaming + ${(wall - available - consumed).toFixed(1)} ms client (${rows.length} rows)`,
    );
    const profiled = await run(`PROFILE ${text}`);
    if (profiled.summary.profile) for (const line of operators(profiled.summary.profile)) log(`  ${line}`);
  }
} finally {
  await store.close();
}
