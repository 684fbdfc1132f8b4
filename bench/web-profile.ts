/**
 * Where the explorer's time goes before its first frame: a V8 CPU profile (Chromium DevTools
 * protocol) from navigation to `atlas:first-frame`, attributed through the build's source maps to
 * source files and functions, plus the page's own marks and the main thread's trace events by kind.
 * A diagnostic for bench:web's first-frame figure (same browser, flags, server and stores), not a
 * benchmark: it prints, it writes nothing under bench/results.
 *
 *   npx tsx bench/web-profile.ts [bundled|10k] [--runs 3] [--returning] [--web DIR] [--save out.cpuprofile]
 *
 * `--web DIR` profiles an already built web app (for example an older commit's, to compare);
 * otherwise the current tree is built (with source maps) into a temporary folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";

import { chromium } from "playwright-core";
import { SourceMapConsumer } from "source-map-js";
import { build } from "vite";

import { VISIBILITIES } from "../core/access.js";
import { createApp } from "../server/app.js";
import { DATA_DIR } from "../server/db/open.js";
import { QUERIES } from "../server/db/registry.js";
import { readDataset } from "../server/import/read-dataset.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/e2e/_chromium.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";

const log = (line: string) => process.stdout.write(`[web-profile] ${line}\n`);
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const scenario = process.argv.slice(2).find((a) => a === "bundled" || a === "10k") ?? "bundled";
const RUNS = Number(arg("--runs") ?? 3);
const RETURNING = process.argv.includes("--returning");
const ROOT = new URL("../", import.meta.url).pathname;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Source maps of the built scripts, by URL path (loaded on first use). */
function sourceMaps(webDir: string) {
  const cache = new Map<string, SourceMapConsumer | null>();
  return (url: string): SourceMapConsumer | null => {
    const path = new URL(url, "http://x").pathname;
    if (!cache.has(path)) {
      try {
        cache.set(path, new SourceMapConsumer(JSON.parse(readFileSync(join(webDir, `${path}.map`), "utf8"))));
      } catch {
        cache.set(path, null);
      }
    }
    return cache.get(path)!;
  };
}

/** Self time (ms) per source file and per function, for samples before `untilUs` (profile clock). */
function attribute(profile: Profile, untilUs: number, mapFor: ReturnType<typeof sourceMaps>) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime;
  const where = new Map<number, { file: string; fn: string }>();
  const locate = (node: ProfileNode) => {
    let hit = where.get(node.id);
    if (hit) return hit;
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let file = url ? new URL(url, "http://x").pathname : functionName || "(native)";
    let fn = functionName || "(anonymous)";
    const map = url ? mapFor(url) : null;
    if (map) {
      const original = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (original.source) {
        file = relative(ROOT, new URL(original.source, `file://${ROOT}web/`).pathname).replace(/^node_modules\//, "npm:");
        fn = `${original.name ?? functionName ?? "(anonymous)"} ${file}:${original.line}`;
      }
    }
    hit = { file, fn };
    where.set(node.id, hit);
    return hit;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t > untilUs) break;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i])!;
    const { file, fn } = locate(node);
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    // Inclusive: every function on the sample's stack, counted once per sample (recursion).
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = locate(byId.get(id)!).fn;
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + dt);
    }
  }
  return { byFile, byFunction, inclusive };
}

const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join("\n");

async function main() {
  let webDir = arg("--web");
  const built = !webDir;
  if (!webDir) {
    log("building the web app (with source maps)…");
    webDir = mkdtempSync(join(tmpdir(), "atlas-web-profile-"));
    process.env.NODE_ENV = "production";
    await build({
      configFile: new URL("../vite.config.ts", import.meta.url).pathname,
      logLevel: "warn",
      mode: "production",
      build: { outDir: webDir, emptyOutDir: true, sourcemap: true },
    });
  }
  const data = scenario === "bundled" ? readDataset(DATA_DIR) : generateDataset({ organisations: 10_000, seed: 2024 });
  const store = await openBenchStore(`web-${scenario}`, data, log);
  const server: Server = createApp(store.db, { webDir }).createServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
    const [counts] = await store.db.read(QUERIES.graphCounts, { visible: VISIBILITIES });
    log(
      `${scenario}: ${counts.nodes} nodes; scripts: ${readdirSync(join(webDir, "assets"))
        .filter((f) => f.endsWith(".js"))
        .join(", ")}`,
    );
    const mapFor = sourceMaps(webDir);
    const files = new Map<string, number>();
    const functions = new Map<string, number>();
    const inclusiveFunctions = new Map<string, number>();
    const events = new Map<string, number>();
    // Warm the server (first answers, JIT) and, for --returning, this browser's caches.
    const keep = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    {
      const page = await keep.newPage();
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0, null, { timeout: 120_000 });
      await page.waitForTimeout(1500);
      await page.close();
    }
    for (let run = 0; run < RUNS; run++) {
      const context = RETURNING ? keep : await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const requests: string[] = [];
      const t0 = Date.now();
      page.on("request", (r) => {
        const body = r.postData() ?? "";
        const name =
          /"query":"(?:query|mutation|subscription)\s+(\w+)/.exec(body)?.[1] ?? /(query|mutation)\s*\{\s*(\w+)/.exec(body)?.[2] ?? "";
        requests.push(`${Date.now() - t0}:${new URL(r.url()).pathname.replace(/-[\w-]{8}\./, ".")}${name ? `(${name})` : ""}`);
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
      await browser.startTracing(page, {
        categories: [
          "devtools.timeline",
          "disabled-by-default-devtools.timeline",
          "v8.execute",
          "v8",
          "blink.user_timing",
          "rail",
          "loading",
          "toplevel",
        ],
      });
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0, null, { timeout: 120_000 });
      const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
      const trace = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: {
          name: string;
          ph: string;
          ts: number;
          dur?: number;
          tdur?: number;
          pid: number;
          tid: number;
          args?: Record<string, unknown>;
        }[];
      };
      const marks = (await page.evaluate(`(() => {
        const out = {};
        for (const e of performance.getEntries()) {
          if (e.entryType === "mark") out[e.name] = Math.round(e.startTime);
          if (e.entryType === "resource") out[new URL(e.name).pathname.replace(/-[\\w-]{8}\\./, ".")] ??= Math.round(e.startTime) + "→" + Math.round(e.responseEnd) + " (" + e.transferSize + " B)";
          if (e.entryType === "navigation") out.domContentLoaded = Math.round(e.domContentLoadedEventEnd);
        }
        out.timeOrigin = performance.timeOrigin;
        return out;
      })()`)) as Record<string, number | string>;
      // The profile's clock is the trace clock (µs); the first-frame mark is found in the trace.
      const mark = trace.traceEvents.find((e) => e.name === "atlas:first-frame");
      const navStart = trace.traceEvents.find((e) => e.name === "navigationStart")?.ts ?? profile.startTime;
      const until = mark?.ts ?? profile.endTime;
      if (process.argv.includes("--save"))
        writeFileSync(arg("--save")!.replace(/(\.cpuprofile)?$/, `-${run}.cpuprofile`), JSON.stringify(profile));
      const { byFile, byFunction, inclusive } = attribute(profile, until, mapFor);
      const busy = [...byFile].filter(([k]) => k !== "(idle)").reduce((a, [, v]) => a + v, 0);
      for (const [k, v] of byFile) files.set(k, (files.get(k) ?? 0) + v / RUNS);
      for (const [k, v] of byFunction) functions.set(k, (functions.get(k) ?? 0) + v / RUNS);
      for (const [k, v] of inclusive) inclusiveFunctions.set(k, (inclusiveFunctions.get(k) ?? 0) + v / RUNS);
      // Main-thread trace events of the page's renderer before the first frame, top level only.
      const rendererPid = mark?.pid;
      const mainTid = trace.traceEvents.find(
        (e) => e.ph === "M" && e.name === "thread_name" && e.pid === rendererPid && e.args?.name === "CrRendererMain",
      )?.tid;
      let cpu = 0;
      for (const e of trace.traceEvents) {
        if (e.pid !== rendererPid || e.tid !== mainTid || e.ph !== "X" || e.ts > until || e.ts < navStart) continue;
        // Thread CPU time (tdur) as well as wall time: CPU time barely moves with the machine's load.
        if (e.name === "RunTask") cpu += (e.tdur ?? 0) / 1000;
        if (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") continue;
        events.set(e.name, (events.get(e.name) ?? 0) + (e.dur ?? 0) / 1000 / RUNS);
        events.set(`${e.name} (CPU)`, (events.get(`${e.name} (CPU)`) ?? 0) + (e.tdur ?? 0) / 1000 / RUNS);
      }
      log(
        `run ${run + 1}: first frame ${marks["atlas:first-frame"]} ms, main thread busy ${busy.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms) before it (${((until - navStart) / 1000).toFixed(0)} ms traced); marks ${JSON.stringify(marks)}`,
      );
      log(`requests (ms after goto): ${requests.join(" ")}`);
      await page.close();
      if (!RETURNING) await context.close();
    }
    await keep.close();
    log(
      `mean per run, before the first frame; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    process.stdout.write(`\n-- self time by source file --\n${top(files, 30)}\n`);
    process.stdout.write(`\n-- self time by function --\n${top(functions, 45)}\n`);
    process.stdout.write(`\n-- inclusive time by function (with what it calls) --\n${top(inclusiveFunctions, 45)}\n`);
    process.stdout.write(`\n-- main-thread trace events (inclusive, may nest) --\n${top(events, 30)}\n`);
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await store.close();
    if (built) rmSync(webDir, { recursive: true, force: true });
  }
}

await main();
