/**
 * `npm run bench:web`: the explorer in headless Chromium (software WebGL, as in the browser tests),
 * served by the real app over a separate embedded Neo4j per scenario:
 *
 * - page open → first frame (Sigma's first draw of the network), including the API call, for
 *   fresh browsers (empty localStorage: the opening layout comes with the API's answer, computed
 *   once per dataset on the server) and for returning ones (layout cached in localStorage);
 * - main-thread JavaScript, main-thread busy time and wall time per frame while a real mouse
 *   drags the camera (edges hidden while moving), from a Chromium trace.
 *
 * Scenarios: `bundled` (data/) and `10k` (bench/generate.ts, 10,000 organisations, seed 2024 as
 * in bench:api). Writes bench/results/web-<scenario>.{json,md}.
 *
 *   npm run bench:web                 # both
 *   npm run bench:web -- bundled      # one
 *   BENCH_WEB_RUNS=3 npm run bench:web
 *   npm run bench:web -- 10k --zoom-only   # only the zoom measurements (issue 12), printed, no files
 *   npm run bench:web -- bundled --fa2-only   # only Run ForceAtlas2 (issue 15), printed, no files
 *
 * Zooming (issue 12): the mouse wheel zooms in six steps then out six, traced, with the coalition
 * shapes mode off and on (regions redrawn every frame, semantic-zoom repaints at each fade step); and,
 * with --zoom-only, the semantic zoom in from far out (regions only) to the members' labels.
 */
import "../server/production-mode.js"; // first: as `npm start` runs the server
import { VISIBILITIES } from "../core/access.js";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { type Browser, type BrowserContext, chromium, type Page, type Request } from "playwright-core";
import { build } from "vite";

import { createApp } from "../server/app.js";
import { DATA_DIR } from "../server/db/open.js";
import { readDataset } from "../server/import/read-dataset.js";
import type { Dataset } from "../server/import/schema.js";
// The same browser and flags as the browser tests.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/e2e/_chromium.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";
import { distribution, type Distribution, type FrameStats, frameStats } from "./web-trace.js";
import { QUERIES } from "../server/db/registry.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 5));
const VIEWPORT = { width: 1280, height: 800 };
/** Targets of issue 5 (ms). */
const TARGETS = { bundledFirstFrame: 500, largeFirstFrame: 2000, dragJsP95: 8 };

const ZOOM_ONLY = process.argv.includes("--zoom-only");
const FA2_ONLY = process.argv.includes("--fa2-only");

const log = (line: string) => process.stdout.write(`[bench:web] ${line}\n`);

interface Scenario {
  name: "bundled" | "10k";
  data: () => Dataset;
  firstFrameTarget: number;
}

const SCENARIOS: Scenario[] = [
  { name: "bundled", data: () => readDataset(DATA_DIR), firstFrameTarget: TARGETS.bundledFirstFrame },
  { name: "10k", data: () => generateDataset({ organisations: 10_000, seed: 2024 }), firstFrameTarget: TARGETS.largeFirstFrame },
];

interface LoadRun {
  /** Navigation start → Sigma's first frame. */
  firstFrameMs: number;
  /** The network request (networkCompact, the page's first /graphql request, a GET): start and end, since navigation start. */
  apiStartMs: number | null;
  apiEndMs: number | null;
  apiBytes: number | null;
  /** Positions final: from the cache or the layout worker (may come after the first frame). */
  layoutMs: number | null;
  /** Main-thread work from navigation to the first frame (Chromium's Performance metrics). */
  scriptMs: number;
  taskMs: number;
}

const round = (x: number) => Math.round(x * 10) / 10;

async function measureLoad(context: BrowserContext, url: string, waitForLayout: boolean): Promise<LoadRun> {
  const page = await context.newPage();
  const requests = trackRequests(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0, null, {
    timeout: 120_000,
    polling: "raf",
  });
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  if (waitForLayout) await page.waitForFunction(() => performance.getEntriesByName("atlas:layout").length > 0, null, { timeout: 300_000 });
  // A string, not a function: tsx would wrap named helpers in a `__name` call the page lacks.
  const marks = (await page.evaluate(`(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const api = performance.getEntriesByType("resource").find((r) => new URL(r.name).pathname === "/graphql");
    return { firstFrame: at("atlas:first-frame"), layout: at("atlas:layout"), apiStart: api?.startTime ?? null, apiEnd: api?.responseEnd ?? null, apiBytes: api?.encodedBodySize ?? null };
  })()`)) as { firstFrame: number; layout: number | null; apiStart: number | null; apiEnd: number | null; apiBytes: number | null };
  // Let the page's follow-up requests finish, so their server work does not spill into the next run.
  await requests.settled();
  await page.close();
  return {
    firstFrameMs: round(marks.firstFrame),
    apiStartMs: marks.apiStart === null ? null : round(marks.apiStart),
    apiEndMs: marks.apiEnd === null ? null : round(marks.apiEnd),
    apiBytes: marks.apiBytes,
    layoutMs: marks.layout === null ? null : round(marks.layout),
    scriptMs: round(metric("ScriptDuration")),
    taskMs: round(metric("TaskDuration")),
  };
}

/**
 * The page's requests in flight, but for the live-changes event stream, which stays open as long as the
 * page does (so Playwright's "networkidle" would never come). `settled` resolves after 500 ms with none.
 */
function trackRequests(page: Page): { settled(): Promise<void> } {
  const pending = new Set<Request>();
  const isStream = (request: Request) => (request.headers().accept ?? "").includes("text/event-stream");
  page.on("request", (request) => {
    if (!isStream(request)) pending.add(request);
  });
  const done = (request: Request) => pending.delete(request);
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return {
    async settled() {
      const deadline = Date.now() + 60_000;
      for (let quietSince = Date.now(); Date.now() < deadline; await page.waitForTimeout(100)) {
        if (pending.size > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= 500) return;
      }
    },
  };
}

/** Chromium's trace of every frame and the main thread's tasks, read back per frame by the measures below. */
function startFrameTrace(browser: Browser, page: Page) {
  return browser.startTracing(page, {
    categories: [
      "devtools.timeline",
      "disabled-by-default-devtools.timeline",
      "disabled-by-default-devtools.timeline.frame",
      "toplevel",
      "v8.execute",
    ],
  });
}

/** A real mouse drag across the canvas (one move every ~16 ms), traced. */
async function measureDrag(browser: Browser, context: BrowserContext, url: string): Promise<FrameStats> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:layout").length > 0, null, { timeout: 300_000 });
  await page.waitForTimeout(2000); // let the layout animation and label picking settle
  const box = (await page.locator("[data-testid=graph-canvas]").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await startFrameTrace(browser, page);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) {
    await page.mouse.move(cx + 180 * Math.sin(i / 12), cy + 120 * Math.sin(i / 17));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.close();
  return frameStats(trace);
}

/** Six wheel steps in, six out, at the canvas centre (Sigma animates each), traced: per-frame main-thread work while zooming. */
async function measureZoom(browser: Browser, context: BrowserContext, url: string): Promise<FrameStats & { regions: number }> {
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:layout").length > 0, null, { timeout: 300_000 });
  // With the mode on, the regions are drawn once the layer's chunk has loaded.
  // A function, not a string: a string predicate is eval'd in the page, which its CSP forbids.
  if (url.includes("shapes="))
    await page.waitForFunction(() => (window.__atlas?.shapes()?.drawn.regions ?? 0) > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(2000);
  const regions = (await page.evaluate("window.__atlas?.shapes()?.drawn.regions ?? 0")) as number;
  const box = (await page.locator("[data-testid=graph-canvas]").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrameTrace(browser, page);
  for (const direction of [-1, 1]) {
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 120 * direction);
      await page.waitForTimeout(300);
    }
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.close();
  return { ...frameStats(trace), regions };
}

/** Zooming with the shapes mode off and on, logged with the load average (the machine is shared). */
async function zoomFigures(browser: Browser, context: BrowserContext, url: string, scenario: string) {
  const plain = await measureZoom(browser, context, url);
  const shapes = await measureZoom(browser, context, `${url}?shapes=coalitions`);
  for (const [mode, z] of [
    ["plain", plain],
    ["shapes", shapes],
  ] as const)
    log(
      `${scenario}: zoom (${mode}${mode === "shapes" ? `, ${z.regions} regions` : ""}): ${z.frames} frames; JS/frame p50 ${z.jsPerFrameMs.p50} p95 ${z.jsPerFrameMs.p95} max ${z.jsPerFrameMs.max} ms; busy p95 ${z.busyPerFrameMs.p95} ms; wall p50 ${z.wallPerFrameMs.p50} p95 ${z.wallPerFrameMs.p95} ms; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  return { plain, shapes };
}

/**
 * Semantic zoom from far out (issue 12): the camera opens at ratio 2 (`cam=`), where the shapes mode
 * shows coalitions as regions with their members left out, and the wheel zooms in step by step past
 * the members' fade to their labels (SEMANTIC_ZOOM in web/src/shapes/semantic-zoom.ts), traced.
 * Without `shapes=` the same walk covers the default view (labels only). The stages passed are
 * returned so a figure is only read for a walk that really went from regions to labels.
 */
async function measureSemanticZoomIn(
  browser: Browser,
  context: BrowserContext,
  url: string,
  shapes: boolean,
): Promise<FrameStats & { regions: number; stages: string[] }> {
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  await page.goto(`${url}?${shapes ? "shapes=coalitions&" : ""}cam=0.5,0.5,2`);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:layout").length > 0, null, { timeout: 300_000 });
  if (shapes) await page.waitForFunction(() => (window.__atlas?.shapes()?.drawn.regions ?? 0) > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(2000);
  const stage = async () =>
    page.evaluate(() => {
      const z = window.__atlas?.zoom();
      const ratio = window.__atlas?.camera().ratio ?? 0;
      return z ? `ratio ${ratio.toFixed(2)}: members ${z.stage.memberAlpha.toFixed(2)}${z.stage.allLabels ? ", all labels" : ""}` : "off";
    });
  const stages = [await stage()];
  const regions = await page.evaluate(() => window.__atlas?.shapes()?.drawn.regions ?? 0);
  const box = (await page.locator("[data-testid=graph-canvas]").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrameTrace(browser, page);
  // Each wheel step zooms by Sigma's zoomingRatio (1.7), animated: 2 → 1.18 → 0.69 → 0.41 → 0.24 → 0.14,
  // through every fade step (1.25 … 0.65) to the labels (0.45).
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(300);
    stages.push(await stage());
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.close();
  return { ...frameStats(trace), regions, stages: stages.filter((s, i) => s !== stages[i - 1]) };
}

/** The zoom-in walk with the shapes mode on and off, logged with the load average (the machine is shared). */
async function semanticZoomFigures(browser: Browser, context: BrowserContext, url: string, scenario: string) {
  for (const shapes of [true, false]) {
    const z = await measureSemanticZoomIn(browser, context, url, shapes);
    log(
      `${scenario}: semantic zoom in from ratio 2 (${shapes ? `shapes, ${z.regions} regions` : "plain"}): ${z.frames} frames; JS/frame p50 ${z.jsPerFrameMs.p50} p95 ${z.jsPerFrameMs.p95} max ${z.jsPerFrameMs.max} ms; busy p95 ${z.busyPerFrameMs.p95} ms; wall p50 ${z.wallPerFrameMs.p50} p95 ${z.wallPerFrameMs.p95} ms; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    log(`${scenario}:   stages passed: ${z.stages.join(" → ")}`);
  }
}

/**
 * Run ForceAtlas2 from the toolbar, traced until it stops by itself (web/src/layout/convergence.ts)
 * or 20 s pass: main-thread work per frame while the worker lays the graph out, and the time to converge.
 */
async function measureForceAtlas2(
  browser: Browser,
  context: BrowserContext,
  url: string,
): Promise<{ frames: FrameStats; convergedMs: number | null }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:layout").length > 0, null, { timeout: 300_000 });
  await page.waitForTimeout(2000);
  // A plain mouse click where the button is: Playwright's locator click runs its actionability checks
  // as scripts in the page, inside the traced frames.
  const box = (await page.getByRole("button", { name: "Run ForceAtlas2" }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  await startFrameTrace(browser, page);
  const start = Date.now();
  await page.mouse.down();
  await page.mouse.up();
  let convergedMs: number | null = null;
  // Checked four times a second with one cheap query: Playwright's own waitFor runs its role engine in
  // the page's main thread on every animation frame, 10-20 ms of the JavaScript this measures.
  const idle = `[...document.querySelectorAll("button")].some((b) => b.textContent === "Run ForceAtlas2")`;
  while (Date.now() - start < 20_000) {
    await page.waitForTimeout(250);
    if ((await page.evaluate(idle)) === true) {
      convergedMs = Date.now() - start;
      break;
    }
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.close();
  return { frames: frameStats(trace), convergedMs };
}

function logForceAtlas2(scenario: string, { frames, convergedMs }: { frames: FrameStats; convergedMs: number | null }) {
  log(
    `${scenario}: ForceAtlas2: converged in ${convergedMs ?? "> 20000"} ms; ${frames.frames} frames; JS/frame p50 ${frames.jsPerFrameMs.p50} p95 ${frames.jsPerFrameMs.p95} max ${frames.jsPerFrameMs.max} ms; wall p50 ${frames.wallPerFrameMs.p50} p95 ${frames.wallPerFrameMs.p95} ms; load ${loadavg()[0].toFixed(2)}`,
  );
}

interface Report {
  scenario: string;
  nodes: number;
  relationships: number;
  runs: number;
  date: string;
  machine: { cpus: number; cpu?: string; node: string; chromium: string; loadAverageBefore: number; loadAverageAfter: number };
  coldServer: LoadRun;
  freshBrowser: { runs: LoadRun[]; firstFrame: Distribution; layout: Distribution; api: Distribution; script: Distribution };
  returningBrowser: { runs: LoadRun[]; firstFrame: Distribution; script: Distribution };
  drag: FrameStats;
  forceAtlas2: { frames: FrameStats; convergedMs: number | null };
  zoom: { plain: FrameStats; shapes: FrameStats & { regions: number } };
  targets: { firstFrameMs: number; dragJsP95Ms: number };
}

function summarise(runs: LoadRun[]) {
  return {
    runs,
    firstFrame: distribution(runs.map((r) => r.firstFrameMs)),
    layout: distribution(runs.map((r) => r.layoutMs ?? r.firstFrameMs)),
    api: distribution(runs.map((r) => (r.apiEndMs ?? 0) - (r.apiStartMs ?? 0))),
    script: distribution(runs.map((r) => r.scriptMs)),
  };
}

async function runScenario(browser: Browser, scenario: Scenario, webDir: string): Promise<Report | null> {
  const data = scenario.data();
  // The machine is shared: the 1-minute load average says how quiet it was.
  const loadAverageBefore = loadavg()[0];
  const store = await openBenchStore(`web-${scenario.name}`, data, log);
  const server: Server = createApp(store.db, { webDir }).createServer();
  try {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
    const [counts] = await store.db.read(QUERIES.graphCounts, { visible: VISIBILITIES });
    log(`${scenario.name}: ${counts.nodes} nodes, ${counts.relationships} relationships at ${url}`);
    if (ZOOM_ONLY) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await measureLoad(context, url, true); // caches the layout, as for the drag
      await zoomFigures(browser, context, url, scenario.name);
      await semanticZoomFigures(browser, context, url, scenario.name);
      await context.close();
      return null;
    }
    if (FA2_ONLY) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await measureLoad(context, url, true);
      for (let i = 0; i < RUNS; i++) logForceAtlas2(scenario.name, await measureForceAtlas2(browser, context, url));
      await context.close();
      return null;
    }

    // The very first load also warms the server (query plans, JIT) and is reported on its own.
    const first = await browser.newContext({ viewport: VIEWPORT });
    const coldServer = await measureLoad(first, url, true);
    await first.close();
    log(`${scenario.name}: first load on a cold server: first frame ${coldServer.firstFrameMs} ms`);

    const fresh: LoadRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      fresh.push(await measureLoad(context, url, true));
      await context.close();
      log(
        `${scenario.name}: fresh browser #${i + 1}: first frame ${fresh[i].firstFrameMs} ms (API ${fresh[i].apiStartMs}→${fresh[i].apiEndMs} ms, layout ${fresh[i].layoutMs} ms, JS ${fresh[i].scriptMs} ms)`,
      );
    }

    const returning: LoadRun[] = [];
    const context = await browser.newContext({ viewport: VIEWPORT });
    await measureLoad(context, url, true); // caches the layout in this browser
    for (let i = 0; i < RUNS; i++) {
      returning.push(await measureLoad(context, url, true));
      log(`${scenario.name}: returning browser #${i + 1}: first frame ${returning[i].firstFrameMs} ms (JS ${returning[i].scriptMs} ms)`);
    }
    const drag = await measureDrag(browser, context, url);
    const forceAtlas2 = await measureForceAtlas2(browser, context, url);
    const zoom = await zoomFigures(browser, context, url, scenario.name);
    await context.close();
    logForceAtlas2(scenario.name, forceAtlas2);
    log(
      `${scenario.name}: drag: JS/frame p50 ${drag.jsPerFrameMs.p50} p95 ${drag.jsPerFrameMs.p95} ms; busy p95 ${drag.busyPerFrameMs.p95} ms; wall p50 ${drag.wallPerFrameMs.p50} p95 ${drag.wallPerFrameMs.p95} ms`,
    );

    const freshSummary = summarise(fresh);
    const returningSummary = summarise(returning);
    return {
      scenario: scenario.name,
      nodes: counts.nodes,
      relationships: counts.relationships,
      runs: RUNS,
      date: new Date().toISOString(),
      machine: {
        cpus: availableParallelism(),
        cpu: cpus()[0]?.model,
        node: process.version,
        chromium: browser.version(),
        loadAverageBefore: Math.round(loadAverageBefore * 100) / 100,
        loadAverageAfter: Math.round(loadavg()[0] * 100) / 100,
      },
      coldServer,
      freshBrowser: freshSummary,
      returningBrowser: { runs: returning, firstFrame: returningSummary.firstFrame, script: returningSummary.script },
      drag,
      forceAtlas2,
      zoom,
      targets: { firstFrameMs: scenario.firstFrameTarget, dragJsP95Ms: TARGETS.dragJsP95 },
    };
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await store.close();
  }
}

const mark = (ok: boolean) => (ok ? "✓" : "✗");

function markdown(r: Report): string {
  const f = r.freshBrowser;
  const w = r.returningBrowser;
  const d = r.drag;
  return [
    `# Web benchmark: ${r.scenario} network`,
    "",
    `${r.nodes} nodes, ${r.relationships} relationships; ${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, Chromium ${r.machine.chromium} headless with SwiftShader (software WebGL); viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${r.runs} runs each; ${r.date}.`,
    `The server (Yoga + embedded Neo4j) runs on the same shared machine; 1-minute load average ${r.machine.loadAverageBefore} before, ${r.machine.loadAverageAfter} after (2 cores: above 2 means other work competed).`,
    "",
    "## Page open → first frame (ms since navigation start; includes the API call)",
    "",
    "| | p50 | p95 | max | target |",
    "|---|---:|---:|---:|---:|",
    `| fresh browser (empty localStorage; layout from the server) | ${f.firstFrame.p50} | ${f.firstFrame.p95} | ${f.firstFrame.max} | ${r.targets.firstFrameMs} ${mark(f.firstFrame.p95 <= r.targets.firstFrameMs)} |`,
    `| returning browser (layout cached) | ${w.firstFrame.p50} | ${w.firstFrame.p95} | ${w.firstFrame.max} | ${r.targets.firstFrameMs} ${mark(w.firstFrame.p95 <= r.targets.firstFrameMs)} |`,
    `| first load on a cold server | ${r.coldServer.firstFrameMs} | | | |`,
    "",
    `Fresh browser, p50: network request ${f.api.p50} ms (${f.runs[0]?.apiBytes ?? "?"} bytes), final layout at ${f.layout.p50} ms; main-thread JS before the first frame ${f.script.p50} ms (returning: ${w.script.p50} ms).`,
    "",
    "## Dragging the camera (real mouse drag, edges hidden while moving)",
    "",
    `${d.frames} frames over ${d.durationMs} ms, ${d.animationFrames} of them redrawn by Sigma.`,
    "",
    "| per frame (ms) | p50 | p95 | max | target p95 |",
    "|---|---:|---:|---:|---:|",
    `| main-thread JavaScript | ${d.jsPerFrameMs.p50} | ${d.jsPerFrameMs.p95} | ${d.jsPerFrameMs.max} | ${r.targets.dragJsP95Ms} ${mark(d.jsPerFrameMs.p95 <= r.targets.dragJsP95Ms)} |`,
    `| main-thread busy (all tasks: JS, style, paint, WebGL submission) | ${d.busyPerFrameMs.p50} | ${d.busyPerFrameMs.p95} | ${d.busyPerFrameMs.max} | |`,
    `| wall time between frames | ${d.wallPerFrameMs.p50} | ${d.wallPerFrameMs.p95} | ${d.wallPerFrameMs.max} | |`,
    "",
    "Wall time is dominated by software WebGL (SwiftShader) on this machine; on a GPU it is a fraction of it.",
    "",
    "## Run ForceAtlas2 (worker; stops by itself when it converges)",
    "",
    `Converged in ${r.forceAtlas2.convergedMs ?? "more than 20000"} ms; ${r.forceAtlas2.frames.frames} frames traced.`,
    "",
    "| per frame (ms) | p50 | p95 | max | target p95 |",
    "|---|---:|---:|---:|---:|",
    `| main-thread JavaScript | ${r.forceAtlas2.frames.jsPerFrameMs.p50} | ${r.forceAtlas2.frames.jsPerFrameMs.p95} | ${r.forceAtlas2.frames.jsPerFrameMs.max} | ${r.targets.dragJsP95Ms} ${mark(r.forceAtlas2.frames.jsPerFrameMs.p95 <= r.targets.dragJsP95Ms)} |`,
    `| wall time between frames | ${r.forceAtlas2.frames.wallPerFrameMs.p50} | ${r.forceAtlas2.frames.wallPerFrameMs.p95} | ${r.forceAtlas2.frames.wallPerFrameMs.max} | |`,
    "",
    "## Zooming in and out (mouse wheel, six steps each way; coalition shapes off and on)",
    "",
    "| per frame (ms) | JS p50 | JS p95 | JS max | wall p95 |",
    "|---|---:|---:|---:|---:|",
    `| shapes off | ${r.zoom.plain.jsPerFrameMs.p50} | ${r.zoom.plain.jsPerFrameMs.p95} | ${r.zoom.plain.jsPerFrameMs.max} | ${r.zoom.plain.wallPerFrameMs.p95} |`,
    `| shapes on (${r.zoom.shapes.regions} regions, semantic zoom) | ${r.zoom.shapes.jsPerFrameMs.p50} | ${r.zoom.shapes.jsPerFrameMs.p95} | ${r.zoom.shapes.jsPerFrameMs.max} | ${r.zoom.shapes.wallPerFrameMs.p95} |`,
    "",
  ].join("\n");
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const scenarios = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
  if (scenarios.length === 0) throw new Error(`Unknown scenario (use ${SCENARIOS.map((s) => s.name).join(", ")})`);
  // A production build of our own (dist/web is shared with other people's runs).
  log("building the web app…");
  const webDir = mkdtempSync(join(tmpdir(), "atlas-bench-web-"));
  process.env.NODE_ENV = "production";
  await build({
    configFile: new URL("../vite.config.ts", import.meta.url).pathname,
    logLevel: "warn",
    mode: "production",
    build: { outDir: webDir, emptyOutDir: true },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const scenario of scenarios) {
      const report = await runScenario(browser, scenario, webDir);
      if (!report) continue;
      writeFileSync(new URL(`web-${scenario.name}.json`, RESULTS_DIR), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(new URL(`web-${scenario.name}.md`, RESULTS_DIR), markdown(report));
      log(`wrote bench/results/web-${scenario.name}.json and .md`);
    }
  } finally {
    await browser.close();
    rmSync(webDir, { recursive: true, force: true });
  }
}

await main();
