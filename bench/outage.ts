/**
 * `npm run bench:outage`: how long the atlas is down after its embedded Neo4j is killed. Starts the
 * real server (server/main.ts, its own store under bench/.stores/outage/ and free ports), then per
 * run: kill -9 the JVM (pid from the store's atlas-launcher.pid), poll /healthz every 100 ms, and
 * time kill → first 503 (the server noticed) and kill → 200 again (restarted, driver reconnected).
 * Writes bench/results/outage.{json,md} with the load average next to each run.
 *
 *   npm run bench:outage                 # 3 runs, 65 s apart
 *   npm run bench:outage -- --runs 5 --gap 65
 *
 * The gap matters: a JVM that dies within 60 s of its start counts as a failed start, and the next
 * restart waits longer (1, 2, 5, 10, 30 s). 65 s apart, every run measures the first attempt.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { freePort } from "../server/db/embedded.js";
import { PID_FILE } from "../server/db/stale-launcher.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS_DIR = join(ROOT, "bench", "results");
const DATA_DIR = join(ROOT, "bench", ".stores", "outage");

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, gap: { type: "string", default: "65" } } });
const RUNS = Number(values.runs);
const GAP_S = Number(values.gap);

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

async function healthStatus(base: string): Promise<number> {
  try {
    return (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return 0;
  }
}

function startServer(port: number, boltPort: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", join(ROOT, "server/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), NEO4J_EMBEDDED_PORT: String(boltPort), ATLAS_DATA_DIR: DATA_DIR, NEO4J_URI: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      out += text;
      for (const line of text.split("\n")) if (/restart|unavailable|available again/.test(line)) log(`server: ${line.trim()}`);
      if (out.includes("is ready on")) resolve(server);
    });
    server.once("exit", (code) => reject(new Error(`the server exited (${code}) during start-up:\n${out}`)));
  });
}

interface Run {
  run: number;
  noticedMs: number;
  healthyMs: number;
  loadBefore: string;
  loadAfter: string;
}

const port = await freePort();
const server = await startServer(port, await freePort());
const base = `http://127.0.0.1:${port}`;
const runs: Run[] = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    if (run > 1) {
      log(`waiting ${GAP_S} s before the next kill…`);
      await sleep(GAP_S * 1000);
    }
    if ((await healthStatus(base)) !== 200) throw new Error("the server is not healthy before the kill");
    const jvm = Number(readFileSync(join(DATA_DIR, "neo4j", PID_FILE), "utf8").split(" ")[0]);
    const loadBefore = load();
    const killed = performance.now();
    process.kill(jvm, "SIGKILL");
    let noticedMs = NaN;
    for (;;) {
      const status = await healthStatus(base);
      const elapsed = performance.now() - killed;
      if (status !== 200 && Number.isNaN(noticedMs)) noticedMs = elapsed;
      if (status === 200 && !Number.isNaN(noticedMs)) {
        runs.push({ run, noticedMs: Math.round(noticedMs), healthyMs: Math.round(elapsed), loadBefore, loadAfter: load() });
        log(
          `run ${run}: down noticed after ${Math.round(noticedMs)} ms, healthy again after ${(elapsed / 1000).toFixed(1)} s (load ${loadBefore} → ${load()})`,
        );
        break;
      }
      if (elapsed > 300_000) {
        // Kept as a result, not thrown away: on an overloaded machine this is what happens.
        log(`run ${run}: not healthy again within 5 minutes (load ${load()}); stopping`);
        runs.push({ run, noticedMs: Math.round(noticedMs), healthyMs: NaN, loadBefore, loadAfter: load() });
        break;
      }
      await sleep(100);
    }
    if (Number.isNaN(runs[runs.length - 1].healthyMs)) break;
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}

const sorted = runs
  .map((r) => r.healthyMs)
  .filter((ms) => !Number.isNaN(ms))
  .sort((a, b) => a - b);
const result = {
  date: new Date().toISOString(),
  cpus: cpus().length,
  gapS: GAP_S,
  runs,
  medianHealthyMs: sorted[Math.floor(sorted.length / 2)],
};
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(join(RESULTS_DIR, "outage.json"), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(RESULTS_DIR, "outage.md"),
  [
    "# Outage after the embedded Neo4j is killed",
    "",
    `\`npm run bench:outage\` on ${result.date.slice(0, 10)}, ${result.cpus} cores shared with other work; runs ${GAP_S} s apart, so each is a first restart attempt (1 s backoff).`,
    "kill -9 of the JVM → /healthz answers non-200 (noticed) → /healthz answers 200 again (restarted, driver reconnected), polled every 100 ms.",
    "",
    "| run | noticed (ms) | healthy again (s) | load average before (1/5/15 min) | after |",
    "|---|---|---|---|---|",
    ...runs.map(
      (r) =>
        `| ${r.run} | ${r.noticedMs} | ${Number.isNaN(r.healthyMs) ? "not within 5 min" : (r.healthyMs / 1000).toFixed(1)} | ${r.loadBefore} | ${r.loadAfter} |`,
    ),
    "",
    `Median kill → healthy: ${(result.medianHealthyMs / 1000).toFixed(1)} s. Most of it is the JVM's start (Neo4j's recovery of the killed store included).`,
    "",
  ].join("\n"),
);
log(`wrote bench/results/outage.{json,md}`);
