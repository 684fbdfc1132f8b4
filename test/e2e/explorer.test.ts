import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type E2E, inkRatio, SCREENSHOT_DIR, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(e2e.baseUrl);
  process.stdout.write(`[e2e] screenshots in ${SCREENSHOT_DIR}\n`);
});
afterAll(() => e2e?.close());

describe("explorer page", () => {
  it("should list every node of the network in the table", async () => {
    const table = page.getByRole("table", { name: "Network table" });
    await table.locator("tbody tr").first().waitFor();
    const [counts] = await e2e.db.read<{ nodes: number; relationships: number }>("graphCounts");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(counts.nodes);
    await expect.poll(() => table.locator("caption").textContent()).toBe(`${counts.nodes} nodes, ${counts.relationships} relationships`);
  });

  it("should draw the graph on the canvas", async () => {
    await page.waitForTimeout(1500); // let the layout worker move nodes a little
    const ratio = await inkRatio(page, "[data-testid=graph-canvas]");
    await screenshot(page, "01-network");
    expect(ratio).toBeGreaterThan(0.005);
    expect(pageErrors).toEqual([]);
  });

  it("should find IDWF with the search box and show it in Details", async () => {
    const search = page.getByRole("combobox", { name: "Search" });
    await search.fill("IDWF");
    await page.getByRole("option").first().waitFor();
    await search.press("Enter");
    const details = page.getByRole("region", { name: "Details" });
    await expect.poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("International Domestic Workers Federation");
    await expect.poll(() => details.locator(".citations li").count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("tr.selected th").textContent()).toBe("International Domestic Workers Federation");
    await screenshot(page, "02-idwf-details");
  });
});
