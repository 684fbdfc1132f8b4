/**
 * Coalition shapes (issue 12): the mode draws each coalition as a shaded region behind the nodes
 * (read back from the layer's own 2D canvas), lists them in the legend, names a region under the
 * pointer, selects its coalition on a click, lives in the URL, and goes into the exported picture.
 */
import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CompactNetwork } from "../../web/src/graph/types.js";
import { type E2E, inspect, openExplorer, openTab, screenshot, startE2E } from "./_browser.js";
import { fetchNetwork, OPENING_KINDS } from "./_data.js";

let e2e: E2E;
let page: Page;
let compact: CompactNetwork;

beforeAll(async () => {
  e2e = await startE2E();
  compact = await fetchNetwork(e2e);
  ({ page } = await openExplorer(e2e));
});
afterAll(() => e2e?.close());

/** Coalitions of the opening view, from the API's own answer: targets of MEMBER_OF ties with both ends shown. */
function expectedCoalitions(): Map<string, number> {
  const shown = (i: number) => OPENING_KINDS.includes(compact.kinds[i]);
  const members = new Map<string, Set<number>>();
  compact.edgeTypes.forEach((type, j) => {
    const [s, t] = [compact.sources[j], compact.targets[j]];
    if (type !== "MEMBER_OF" || s === t || !shown(s) || !shown(t)) return;
    const id = compact.ids[t];
    members.set(id, (members.get(id) ?? new Set()).add(s));
  });
  return new Map([...members].map(([id, set]) => [id, set.size]));
}

/** Share of the shapes layer's pixels that carry colour (the layer is a 2D canvas, so it reads back). */
const tintedShare = () =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>("canvas.sigma-coalitions");
    if (!canvas) return 0;
    const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let tinted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) tinted++;
    return tinted / (pixels.length / 4);
  });

/** A viewport point inside `id`'s region, on no node (regionAt agrees, no node centre within 16 px). */
async function pointInRegion(id: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((coalition) => {
    const atlas = window.__atlas!;
    const nodes = atlas.visibleNodes().map((n) => atlas.viewport(n)!);
    const members = [coalition, ...atlas.visibleNodes()].map((n) => atlas.viewport(n)!);
    for (const centre of members) {
      for (let step = 0; step < 16; step++) {
        for (const d of [10, 14, 18]) {
          const p = { x: centre.x + d * Math.cos((step * Math.PI) / 8), y: centre.y + d * Math.sin((step * Math.PI) / 8) };
          if (atlas.regionAt(p.x, p.y) !== coalition) continue;
          if (nodes.every((n) => Math.hypot(n.x - p.x, n.y - p.y) > 16)) return p;
        }
      }
    }
    return null;
  }, id);
  expect(point, `a free point in ${id}'s region`).not.toBeNull();
  return point!;
}

/** Text as the SVG writes it. */
const xml = (text: string) => text.replace(/[<>&"']/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`);

/** The Export menu's SVG picture of the view, as the page downloads it. */
async function exportedSvg(on: Page): Promise<string> {
  await on
    .locator("details.menu", { has: on.locator("summary", { hasText: "Export" }) })
    .locator("summary")
    .click();
  const [file] = await Promise.all([on.waitForEvent("download"), on.getByRole("button", { name: "SVG image of the view" }).click()]);
  return readFileSync(await file.path(), "utf8");
}

describe("shapes: coalition regions", () => {
  it("should draw nothing behind the nodes until the mode is on", async () => {
    expect(await tintedShare()).toBe(0);
    expect(await inspect(page, (a) => a.shapes())).toBeNull();
  });

  it("should shade each coalition's members when turned on in the View panel, and say so in the URL", async () => {
    await openTab(page, "View");
    await page.getByLabel("Coalition shapes").check();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get("shapes"))).toBe("coalitions");
    const expected = expectedCoalitions();
    expect(expected.size).toBeGreaterThan(3);
    await expect.poll(async () => (await inspect(page, (a) => a.shapes()))?.drawn.regions ?? 0).toBeGreaterThan(0);
    const info = (await inspect(page, (a) => a.shapes()))!;
    // The biggest coalitions are drawn, each with its visible members counted as the API's ties say.
    for (const region of info.regions) expect(region.members, region.id).toBe(expected.get(region.id));
    expect(info.regions.map((r) => r.id)).toEqual(expect.arrayContaining(["gcm", "pga", "wsfm"]));
    expect(new Set(info.regions.map((r) => r.color)).size).toBe(info.regions.length);
    await expect.poll(tintedShare).toBeGreaterThan(0.005);
    await screenshot(page, "shapes-01-coalition-regions");
  });

  it("should list the coalitions' colours and names in the legend", async () => {
    const info = (await inspect(page, (a) => a.shapes()))!;
    const list = page.getByRole("list", { name: /Coalitions/ });
    const items = await list.getByRole("listitem").allTextContents();
    expect(items.map((t) => t.replace(/\s*\(\d+\)$/, "").trim())).toEqual(info.regions.map((r) => r.label));
    const swatch = await list
      .locator(".region-swatch")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const hex = info.regions[0].color;
    const rgb = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
    expect(swatch).toBe(`rgb(${rgb.join(", ")})`);
  });

  it("should shade the same regions behind the nodes of the exported SVG, and name them in its legend", async () => {
    const info = (await inspect(page, (a) => a.shapes()))!;
    const svg = await exportedSvg(page);
    const regions = [
      ...svg.matchAll(/<g class="region" data-coalition="([^"]+)"><title>([^<]*)<\/title>\s*<path d="[^"]+" fill="([^"]+)"/g),
    ];
    expect(regions.map(([, id, label, color]) => ({ id, label, color }))).toEqual(
      info.regions.map(({ id, label, color }) => ({ id, label: xml(label), color })),
    );
    // Behind the ties and the nodes, which are all still drawn.
    expect(svg.indexOf('<g class="regions">')).toBeLessThan(svg.indexOf('<g class="edges"'));
    expect(svg.match(/<circle /g)).toHaveLength((await inspect(page, (a) => a.visibleNodes())).length);
    const legend = /<g class="legend" data-legend="regions">([\s\S]*?)<\/g>/.exec(svg)![1];
    expect(legend).toContain("Coalitions (shaded regions round their members)");
    for (const region of info.regions) expect(legend).toContain(`>${xml(region.label)} (${region.members})</text>`);
    // The view in people's words, not the vocabulary's values.
    expect(svg).toContain("kinds of node: Organisations, Forums, Campaigns, People");
    expect(svg).not.toMatch(/ORGANISATION|MEMBER_OF/);
  });

  it("should name a coalition when its region is hovered, and select it on a click", async () => {
    const box = (await page.getByTestId("graph-canvas").boundingBox())!;
    const p = await pointInRegion("pga");
    await page.mouse.move(box.x + p.x, box.y + p.y);
    const tip = page.getByRole("tooltip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^PGA\b.*member/);
    await screenshot(page, "shapes-02-hover-region");
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get("sel"))).toBe("pga");
    const name = compact.names[compact.ids.indexOf("pga")];
    await expect.poll(() => page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent()).toBe(name);
    // Off every region, the tip goes.
    await page.mouse.move(box.x + 2, box.y + 2);
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  it("should come back from its link, and turn off again", async () => {
    const url = page.url();
    expect(url).toContain("shapes=coalitions");
    const again = await openExplorer(e2e, { query: new URL(url).search });
    try {
      await expect.poll(async () => (await inspect(again.page, (a) => a.shapes()))?.drawn.regions ?? 0).toBeGreaterThan(0);
      await openTab(again.page, "View");
      expect(await again.page.getByLabel("Coalition shapes").isChecked()).toBe(true);
      await again.page.getByLabel("Coalition shapes").uncheck();
      await expect.poll(() => inspect(again.page, (a) => a.shapes())).toBeNull();
      await expect.poll(() => again.page.evaluate(() => new URL(location.href).searchParams.get("shapes"))).toBeNull();
      expect(await again.page.getByRole("list", { name: /Coalitions/ }).count()).toBe(0);
      expect(await exportedSvg(again.page)).not.toContain('class="region');
      expect(again.errors).toEqual([]);
    } finally {
      await again.page.context().close();
    }
  });
});
