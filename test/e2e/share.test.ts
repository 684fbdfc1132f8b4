/** Sharing (the view lives in the URL) and exports of the current view (pictures, and the server's data files). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { MultiGraph } from "graphology";
import { parse } from "graphology-gexf";
import type { Download, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CompactNetwork } from "../../web/src/graph/types.js";
import {
  type E2E,
  inkRatio,
  inspect,
  openExplorer,
  openTab,
  pickFromSearch,
  pngInkRatio,
  SCREENSHOT_DIR,
  screenshot,
  startE2E,
} from "./_browser.js";
import { fetchNetwork } from "./_data.js";

let e2e: E2E;
let page: Page;
let errors: string[];
let compact: CompactNetwork;

beforeAll(async () => {
  e2e = await startE2E();
  compact = await fetchNetwork(e2e);
  ({ page, errors } = await openExplorer(e2e));
});
afterAll(() => e2e?.close());

/** The Export menu (the header has other menus, such as the account's). */
const exportMenu = () => page.locator("details.menu", { has: page.locator("summary", { hasText: "Export" }) });

async function download(label: string): Promise<{ download: Download; text: () => string; bytes: () => Buffer }> {
  await exportMenu().locator("summary").click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
  const path = await file.path();
  return { download: file, text: () => readFileSync(path, "utf8"), bytes: () => readFileSync(path) };
}

describe("sharing", () => {
  it("should reopen the same view from its link: selection, filters, appearance, year and camera", async () => {
    const id = compact.ids.find((_, i) => compact.kinds[i] === "ORGANISATION" && compact.sectors[i] === "LABOUR")!;
    const name = compact.names[compact.ids.indexOf(id)];
    await page.getByRole("combobox", { name: "Search" }).fill(name);
    await page.getByRole("listbox", { name: "Search suggestions" }).getByRole("option").first().waitFor();
    await page.getByRole("combobox", { name: "Search" }).press("Enter");
    await openTab(page, "View");
    await page
      .getByRole("group", { name: "Kinds of node" })
      .getByLabel(/^Issues/)
      .check();
    await page.getByLabel("Colour by").selectOption("sector");
    await page.getByLabel("Size by").selectOption("pagerank");
    await openTab(page, "Timeline");
    await page.getByRole("slider", { name: "Year" }).focus();
    await page.getByRole("slider", { name: "Year" }).press("End");
    await page.getByRole("slider", { name: "Year" }).press("ArrowLeft");
    const before = await inspect(page, (a) => a.camera().ratio);
    await page.getByRole("button", { name: "Zoom in" }).click();
    // The camera glides, then the URL catches up with where it settled.
    await expect.poll(() => inspect(page, (a) => a.camera().ratio)).toBeCloseTo(before / 1.5, 4);
    await expect
      .poll(async () => {
        const cam = new URL(page.url()).searchParams.get("cam")?.split(",").map(Number);
        const now = await inspect(page, (a) => a.camera());
        return cam !== undefined && Math.abs(cam[2] - now.ratio) < 1e-3 && Math.abs(cam[0] - now.x) < 1e-3;
      })
      .toBe(true);
    const link = page.url();
    const params = new URL(link).searchParams;
    expect(params.get("sel")).toBe(id);
    expect(params.get("kinds")).toBe("ORGANISATION,FORUM,CAMPAIGN,PERSON,ISSUE");
    expect(params.get("color")).toBe("sector");
    expect(params.get("size")).toBe("pagerank");
    const year = params.get("year")!;
    const camera = await inspect(page, (a) => a.camera());

    const other = await openExplorer(e2e, { query: `?${params.toString()}` });
    const details = other.page.getByRole("region", { name: "Details" });
    await expect.poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe(name);
    await expect.poll(() => other.page.locator(".year-badge").textContent()).toBe(`As of ${year}`);
    await expect.poll(() => other.page.getByRole("region", { name: "Legend" }).getByRole("heading").textContent()).toBe("Colour: sector");
    await expect.poll(() => other.page.locator(".legend-size").textContent()).toContain("PageRank");
    const reopened = await inspect(other.page, (a) => a.camera());
    expect(reopened.ratio).toBeCloseTo(camera.ratio, 3);
    expect(reopened.x).toBeCloseTo(camera.x, 3);
    expect((await inspect(other.page, (a) => a.visibleNodes())).sort()).toEqual((await inspect(page, (a) => a.visibleNodes())).sort());
    await screenshot(other.page, "40-shared-link-reopened");
    await openTab(other.page, "View");
    expect(
      await other.page
        .getByRole("group", { name: "Kinds of node" })
        .getByLabel(/^Issues/)
        .isChecked(),
    ).toBe(true);
    expect(other.errors).toEqual([]);
    await other.page.context().close();
  });

  it("should close the Export menu on Escape and give focus back to it", async () => {
    const summary = exportMenu().locator("summary");
    await summary.click();
    await expect.poll(() => exportMenu().evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await page.getByRole("button", { name: "CSV of nodes (Gephi)" }).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => exportMenu().evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("should copy the link to the clipboard", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.baseUrl });
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.locator(".toast").textContent()).toBe("Link to this view copied.");
    // The confirmation is on the button; nothing covers the panel tabs.
    expect(await page.locator(".share button").first().textContent()).toBe("Link copied ✓");
    const toast = (await page.locator(".toast").boundingBox())!;
    const tabs = (await page.getByRole("tablist").first().boundingBox())!;
    const overlaps =
      toast.x < tabs.x + tabs.width && tabs.x < toast.x + toast.width && toast.y < tabs.y + tabs.height && tabs.y < toast.y + toast.height;
    expect(overlaps && toast.width * toast.height > 1).toBe(false);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });
});

/** Plain Sigma.js with graphology and graphology-gexf, bundled as one script for a blank page. */
async function plainSigmaScript(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "plain-sigma-"));
  try {
    await build({
      configFile: false,
      logLevel: "warn",
      mode: "production",
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
      build: {
        outDir,
        emptyOutDir: true,
        lib: { entry: resolve("test/e2e/_plain-sigma.ts"), formats: ["iife"], name: "PlainSigma", fileName: () => "plain-sigma.js" },
      },
    });
    return readFileSync(join(outDir, "plain-sigma.js"), "utf8");
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The ties the map draws that are relationships (not a collapsed network's merged ties). */
const drawnTies = async () => (await inspect(page, (a) => a.visibleEdges())).filter((id) => !id.startsWith("group:"));

describe("exports", () => {
  // A fresh page: the tests above changed the filters, colours and year of theirs.
  beforeAll(async () => {
    await page.context().close();
    ({ page, errors } = await openExplorer(e2e));
  });

  it("should save SVG and PNG (2×) pictures of the view, with title, legend, date and source line", async () => {
    const svg = (await download("SVG image of the view")).text();
    const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    expect(svg).toContain("Coalition Atlas: the migrant-rights movement");
    expect(svg).toContain(await page.locator(".legend-title").textContent());
    expect(svg).toMatch(/All years · exported \d{4}-\d{2}-\d{2}/);
    expect(svg).toContain("Source: Coalition Atlas, http://127.0.0.1:");
    expect(svg.match(/<circle /g)).toHaveLength((await inspect(page, (a) => a.visibleNodes())).length);

    const file = await download("PNG image of the view (2×)");
    expect(file.download.suggestedFilename()).toBe("coalition-atlas-view.png");
    const png = file.bytes();
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.readUInt32BE(16)).toBe(2 * width);
    expect(png.readUInt32BE(20)).toBe(2 * height);
    expect(await pngInkRatio(page, png)).toBeGreaterThan(0.005);
    writeFileSync(resolve(SCREENSHOT_DIR, "41-exported-view.png"), png);
    expect(errors).toEqual([]);
  });

  it("should save the view as GEXF that graphology parses and plain Sigma.js draws", async () => {
    const file = await download("GEXF (Gephi, Sigma.js, networkx)");
    expect(file.download.suggestedFilename()).toBe("coalition-atlas.gexf");
    const text = file.text();
    const graph = parse(MultiGraph, text);
    expect(graph.nodes().sort()).toEqual((await inspect(page, (a) => a.visibleNodes())).sort());
    expect(graph.edges().sort()).toEqual((await drawnTies()).sort());
    expect(String(graph.getAttribute("description"))).toMatch(/the explorer's view \(.*; all years; /);

    const blank = await page.context().newPage();
    const pageErrors: string[] = [];
    blank.on("pageerror", (error) => pageErrors.push(error.message));
    await blank.setContent('<div id="graph" style="width: 800px; height: 600px"></div>');
    await blank.addScriptTag({ content: await plainSigmaScript() });
    const drawn = await blank.evaluate(
      (gexf) =>
        (window as unknown as { drawGexf: (t: string, c: HTMLElement) => { order: number; size: number } }).drawGexf(
          gexf,
          document.getElementById("graph")!,
        ),
      text,
    );
    expect(drawn).toEqual({ order: graph.order, size: graph.size });
    await expect.poll(() => inkRatio(blank, "#graph")).toBeGreaterThan(0.005);
    expect(pageErrors).toEqual([]);
    await blank.close();
  });

  it("should save the view's nodes and ties as CSV for Gephi, with a BOM and full names", async () => {
    const nodes = (await download("CSV of nodes (Gephi)")).text();
    expect(nodes.startsWith("\uFEFFId,Label,")).toBe(true);
    expect(nodes.trimEnd().split("\n").length - 1).toBe((await inspect(page, (a) => a.visibleNodes())).length);
    const ties = (await download("CSV of ties (Gephi)")).text();
    expect(ties.startsWith("\uFEFFSource,Target,Type,Id,Label,Kind")).toBe(true);
    expect(ties.trimEnd().split("\n").length - 1).toBe((await drawnTies()).length);
    const name = compact.names[compact.ids.indexOf("mfa")];
    expect(nodes).toContain(`mfa,${name},`);
  });

  it("should save the workbook for Kumu and the JSON of the view", async () => {
    const xlsx = await download("Excel workbook (Kumu)");
    expect(xlsx.download.suggestedFilename()).toBe("coalition-atlas.xlsx");
    expect(xlsx.bytes().subarray(0, 2).toString()).toBe("PK");
    const json = JSON.parse((await download("JSON (the atlas's data format)")).text()) as { about: string; relationships: unknown[] };
    expect(json.relationships).toHaveLength((await drawnTies()).length);
    expect(errors).toEqual([]);
  });
});

describe("history", () => {
  it("should make each selection a history entry that Back and Forward walk through, and camera moves not", async () => {
    const fresh = await openExplorer(e2e);
    const p = fresh.page;
    const sel = () => new URL(p.url()).searchParams.get("sel");
    const entries = () => p.evaluate(() => window.history.length);
    const start = await entries();

    await pickFromSearch(p, "Search", "PICUM");
    await expect.poll(sel).not.toBeNull();
    const first = sel()!;
    await expect.poll(entries).toBe(start + 1);
    await pickFromSearch(p, "Search", "IDWF");
    await expect.poll(sel).not.toBe(first);
    const second = sel()!;
    await expect.poll(entries).toBe(start + 2);

    // Camera moves rewrite the current entry: no new one, and the selection stays.
    await p.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(() => new URL(p.url()).searchParams.get("cam")).not.toBeNull();
    expect(await entries()).toBe(start + 2);
    expect(sel()).toBe(second);

    await p.goBack();
    await expect.poll(sel).toBe(first);
    await expect.poll(() => p.getByRole("region", { name: "Details" }).textContent()).toMatch(/PICUM/);
    await p.goBack();
    await expect.poll(sel).toBeNull();
    expect(new URL(p.url()).origin).toBe(e2e.baseUrl);
    await p.goForward();
    await expect.poll(sel).toBe(first);
    expect(fresh.errors).toEqual([]);
    await p.context().close();
  });
});
