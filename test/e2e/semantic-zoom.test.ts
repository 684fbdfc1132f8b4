/**
 * Semantic zoom in the coalition shapes mode (issue 12): zoomed out, the regions stand for the
 * members and only coalitions are labelled; zooming in (the mouse wheel, as a reader would) fades
 * the members in, then lets their labels through, without moving any node; the URL keeps the state.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SEMANTIC_ZOOM } from "../../web/src/shapes/semantic-zoom.js";
import { type E2E, inspect, openExplorer, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E();
  // Zoomed out past the whole graph's fit, with the mode on: a link as someone would share it.
  ({ page } = await openExplorer(e2e, { query: "?shapes=coalitions&cam=0.5,0.5,2" }));
});
afterAll(() => e2e?.close());

/** Per visible node: hidden, label forced, and whether it is a drawn coalition. */
const snapshot = () =>
  page.evaluate(() => {
    const atlas = window.__atlas!;
    const regions = new Set(atlas.shapes()!.regions.map((r) => r.id));
    return atlas.visibleNodes().map((id) => {
      const d = atlas.display(id)!;
      const p = atlas.viewport(id)!;
      return { id, coalition: regions.has(id), hidden: d.hidden === true, label: d.forceLabel === true, color: String(d.color), p };
    });
  });

const ratio = () => inspect(page, (a) => a.camera().ratio);

describe("semantic zoom", () => {
  let members: string[] = [];

  it("should show coalitions only, labelled, when zoomed out", async () => {
    await expect.poll(async () => (await inspect(page, (a) => a.shapes()))?.drawn.regions ?? 0).toBeGreaterThan(0);
    expect(await ratio()).toBeCloseTo(2, 3);
    const stage = (await inspect(page, (a) => a.shapes()))!.stage;
    expect(stage).toEqual({ memberAlpha: 0, allLabels: false });
    // Members of the drawn coalitions: the nodes the regions stand for.
    members = await page.evaluate(() => {
      const atlas = window.__atlas!;
      const regions = new Set(atlas.shapes()!.regions.map((r) => r.id));
      return atlas.visibleNodes().filter((id) => !regions.has(id) && atlas.display(id)!.hidden === true);
    });
    expect(members.length).toBeGreaterThan(5);
    const coalitions = (await inspect(page, (a) => a.shapes()))!.regions.map((r) => r.id);
    const nodes = await snapshot();
    for (const n of nodes) if (!n.coalition) expect(n.label, `${n.id} labelled zoomed out`).toBe(false);
    await expect.poll(async () => (await snapshot()).filter((n) => n.coalition && n.label).length, { timeout: 5000 }).toBeGreaterThan(0);
    for (const id of coalitions) expect((await snapshot()).find((n) => n.id === id)?.hidden).toBe(false);
    await screenshot(page, "semantic-zoom-01-zoomed-out");
  });

  it("should fade members in, then label them, as the wheel zooms in, with no node moving", async () => {
    const before = await page.evaluate((ids) => ids.map((id) => window.__atlas!.position(id)), members);
    const box = (await page.getByTestId("graph-canvas").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const seen: { ratio: number; memberAlpha: number; allLabels: boolean }[] = [];
    for (let k = 0; k < 12 && (await ratio()) > SEMANTIC_ZOOM.labelsFrom * 0.8; k++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(400);
      seen.push({ ratio: await ratio(), ...(await inspect(page, (a) => a.shapes()!.stage)) });
    }
    // Monotonic: as the camera closes in, members only get more opaque, and labels come last.
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k].ratio).toBeLessThan(seen[k - 1].ratio);
      expect(seen[k].memberAlpha).toBeGreaterThanOrEqual(seen[k - 1].memberAlpha);
    }
    expect(
      seen.some((s) => s.memberAlpha > 0 && s.memberAlpha < 1 && !s.allLabels),
      JSON.stringify(seen),
    ).toBe(true);
    expect(seen.at(-1)).toMatchObject({ memberAlpha: 1, allLabels: true });
    const after = await page.evaluate((ids) => ids.map((id) => window.__atlas!.position(id)), members);
    expect(after).toEqual(before);
  });

  it("should show members and, once the camera settles, members' labels when zoomed in", async () => {
    const nodes = await snapshot();
    for (const id of members) expect(nodes.find((n) => n.id === id)?.hidden, `${id} hidden zoomed in`).toBe(false);
    for (const id of members) expect(nodes.find((n) => n.id === id)?.color).not.toMatch(/^rgba/);
    await expect
      .poll(async () => (await snapshot()).filter((n) => members.includes(n.id) && n.label).length, { timeout: 5000 })
      .toBeGreaterThan(0);
    await screenshot(page, "semantic-zoom-02-zoomed-in");
  });

  it("should keep the zoom in the URL, and open at the same stage from it", async () => {
    const camera = await inspect(page, (a) => a.camera());
    await expect
      .poll(() => page.evaluate(() => new URL(location.href).searchParams.get("cam")?.split(",").map(Number)[2]))
      .toBeCloseTo(camera.ratio, 3);
    const url = new URL(page.url());
    expect(url.searchParams.get("shapes")).toBe("coalitions");
    const again = await openExplorer(e2e, { query: url.search });
    try {
      await expect.poll(async () => (await inspect(again.page, (a) => a.shapes()))?.stage).toEqual({ memberAlpha: 1, allLabels: true });
      expect(again.errors).toEqual([]);
    } finally {
      await again.page.context().close();
    }
  });
});

/**
 * The default view (issue 12): no region stands for the members, so every node stays drawn at every
 * zoom; zoomed out past the whole graph's fit only coalitions and collapsed networks are labelled,
 * and zooming in to the fit lets the other labels through; nothing moves; the URL keeps the state.
 */
describe("semantic zoom in the default view", () => {
  let plain: Page;
  const plainRatio = () => inspect(plain, (a) => a.camera().ratio);
  /** Per visible node: hidden, label forced, whether a coalition or collapsed network. */
  const labels = () =>
    plain.evaluate(() => {
      const atlas = window.__atlas!;
      const coalitions = new Set(atlas.zoom()!.coalitions);
      return atlas.visibleNodes().map((id) => {
        const d = atlas.display(id)!;
        return { id, standsFor: coalitions.has(id) || id === "mfa", hidden: d.hidden === true, label: d.forceLabel === true };
      });
    });

  beforeAll(async () => {
    // MFA collapsed, zoomed out past the fit.
    ({ page: plain } = await openExplorer(e2e, { query: "?collapsed=mfa&cam=0.5,0.5,2" }));
  });

  it("should draw every node but label only coalitions and collapsed networks when zoomed out", async () => {
    expect(await inspect(plain, (a) => a.shapes())).toBeNull();
    await expect.poll(async () => (await inspect(plain, (a) => a.zoom()))?.stage).toEqual({ memberAlpha: 1, allLabels: false });
    const zoom = (await inspect(plain, (a) => a.zoom()))!;
    expect(zoom.regions).toBe(false);
    expect(zoom.coalitions).toEqual(expect.arrayContaining(["gcm", "pga"]));
    const nodes = await labels();
    expect(nodes.filter((n) => n.hidden)).toEqual([]);
    for (const n of nodes) if (!n.standsFor) expect(n.label, `${n.id} labelled zoomed out`).toBe(false);
    await expect.poll(async () => (await labels()).find((n) => n.id === "mfa")?.label, { timeout: 5000 }).toBe(true);
    await screenshot(plain, "semantic-zoom-03-default-zoomed-out");
  });

  it("should let the other labels through once the wheel reaches the fit, with no node moving", async () => {
    const ids = (await labels()).map((n) => n.id);
    const before = await plain.evaluate((list) => list.map((id) => window.__atlas!.position(id)), ids);
    const box = (await plain.getByTestId("graph-canvas").boundingBox())!;
    await plain.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let k = 0; k < 12 && (await plainRatio()) > 0.8; k++) {
      await plain.mouse.wheel(0, -120);
      await plain.waitForTimeout(400);
    }
    expect(await plainRatio()).toBeLessThan(SEMANTIC_ZOOM.plainLabelsFrom);
    expect((await inspect(plain, (a) => a.zoom()))!.stage).toEqual({ memberAlpha: 1, allLabels: true });
    await expect.poll(async () => (await labels()).filter((n) => !n.standsFor && n.label).length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(await plain.evaluate((list) => list.map((id) => window.__atlas!.position(id)), ids)).toEqual(before);
    await screenshot(plain, "semantic-zoom-04-default-zoomed-in");
  });

  it("should open at the same stage from its link", async () => {
    const ratio = await plainRatio();
    await expect
      .poll(() => plain.evaluate(() => new URL(location.href).searchParams.get("cam")?.split(",").map(Number)[2]))
      .toBeCloseTo(ratio, 3);
    const url = new URL(plain.url());
    expect(url.searchParams.get("shapes")).toBeNull();
    const again = await openExplorer(e2e, { query: url.search });
    try {
      await expect.poll(async () => (await inspect(again.page, (a) => a.zoom()))?.stage).toEqual({ memberAlpha: 1, allLabels: true });
      expect(again.errors).toEqual([]);
    } finally {
      await again.page.context().close();
    }
  });
});
