/** Accessibility: axe-core on the main views, the keyboard-operable Network table, visible focus, phone width. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { OKABE_ITO } from "../../web/src/graph/appearance.js";
import type { CompactNetwork } from "../../web/src/graph/types.js";
import { axeViolations, blocking, type E2E, inspect, openExplorer, openTab, screenshot, startE2E } from "./_browser.js";
import { fetchNetwork, FOCAL_IDS } from "./_data.js";

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

const serious = async (p: Page) =>
  blocking(await axeViolations(p)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

describe("accessibility: axe-core", () => {
  it("should find no serious or critical violations on the opening view", async () => {
    expect(await serious(page)).toEqual([]);
  });

  it("should find none with Details, Paths, Allies, Timeline and the Network table open", async () => {
    const id = FOCAL_IDS.find((f) => compact.ids.includes(f))!;
    await page.goto(`${e2e.baseUrl}/?sel=${id}`);
    await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0);
    await page.getByRole("region", { name: "Details" }).locator(".citations li").first().waitFor();
    expect(await serious(page)).toEqual([]);
    for (const tab of ["Paths", "Allies", "Timeline", "Table"] as const) {
      await openTab(page, tab);
      await page.waitForTimeout(300);
      expect(await serious(page), tab).toEqual([]);
    }
  });
});

describe("accessibility: keyboard and focus", () => {
  it("should move between tabs with the arrow keys", async () => {
    await page.getByRole("tab", { name: "Table" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => page.getByRole("tab", { name: "Timeline" }).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Timeline");
    await page.keyboard.press("ArrowRight");
  });

  it("should sort the Network table by a column", async () => {
    await openTab(page, "Table");
    const table = page.getByRole("table", { name: "Network table" });
    await table.getByRole("button", { name: "Name" }).click();
    await expect.poll(() => table.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBe("ascending");
    const names = await table.locator("tbody th").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await table.getByRole("button", { name: "Name" }).click();
    await expect.poll(() => table.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBe("descending");
  });

  it("should walk the table with the arrow keys, highlight the row's node on the canvas, and select it with Enter", async () => {
    const table = page.getByRole("table", { name: "Network table" });
    await table.getByRole("button", { name: "Ties" }).click();
    await table.locator("tbody tr[tabindex='0']").focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement?.querySelector("th")?.textContent);
    const third = await table.locator("tbody tr").nth(2).locator("th").textContent();
    expect(focused).toBe(third);
    const id = compact.ids[compact.names.indexOf(third!)];
    // Focusing a row highlights its node and neighbours on the canvas, like hovering it.
    await expect.poll(() => page.evaluate((node) => window.__atlas!.display(node), id)).toMatchObject({ forceLabel: true, zIndex: 1 });
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("sel")).toBe(id);
    await expect.poll(() => table.locator("tr[aria-current='true'] th").textContent()).toBe(third);
    await screenshot(page, "50-network-table-keyboard");
  });

  it("should show where the keyboard focus is", async () => {
    await page.getByRole("combobox", { name: "Search" }).focus();
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  it("should colour the default view with the colour-blind-safe palette", async () => {
    const swatches = await page
      .getByRole("region", { name: "Legend" })
      .locator(".swatch")
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    const hex = (rgb: string) =>
      `#${rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((v) => Number(v).toString(16).padStart(2, "0"))
        .join("")}`.toUpperCase();
    const allowed = new Set([...OKABE_ITO, "#6E6E6E", "#B4B4B4"]);
    expect(swatches.length).toBeGreaterThan(3);
    expect(swatches.map(hex).filter((c) => !allowed.has(c))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("accessibility: screen sizes", () => {
  it("should be usable on a 390-pixel phone screen", async () => {
    const phone = await openExplorer(e2e, { width: 390, height: 844 });
    const p = phone.page;
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const canvas = await p.locator("[data-testid=graph-canvas]").boundingBox();
    expect(canvas!.width).toBeGreaterThan(350);
    expect(canvas!.height).toBeGreaterThan(300);
    await screenshot(p, "51-phone-opening-view");
    await p.getByRole("combobox", { name: "Search" }).fill("MFA");
    await p.getByRole("listbox", { name: "Search suggestions" }).getByRole("option").first().waitFor();
    await p.getByRole("combobox", { name: "Search" }).press("Enter");
    const details = p.getByRole("region", { name: "Details" });
    await details.getByRole("heading", { level: 2 }).waitFor();
    await details.scrollIntoViewIfNeeded();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(p, "52-phone-details");
    await p.getByRole("tab", { name: "Table" }).click();
    await p.getByRole("table", { name: "Network table" }).locator("tbody tr").first().waitFor();
    expect(await serious(p)).toEqual([]);
    expect(phone.errors).toEqual([]);
    await p.context().close();
  });

  it("should fit the desktop layout at 1280×800 without page scroll", async () => {
    const sizes = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(sizes.width).toBeLessThanOrEqual(1280);
    expect(sizes.height).toBeLessThanOrEqual(800);
    expect(await inspect(page, (a) => a.visibleNodes().length)).toBeGreaterThan(0);
  });
});
