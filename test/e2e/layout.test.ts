/** Run ForceAtlas2 (issue 15, fix 4): it stops by itself when the layout converges. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type E2E, inspect, openExplorer, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;
let page: Page;
let errors: string[];

beforeAll(async () => {
  e2e = await startE2E();
  ({ page, errors } = await openExplorer(e2e));
});
afterAll(() => e2e?.close());

/** The drawn nodes' positions in graph coordinates. */
const positions = () =>
  inspect(page, (a) =>
    a.visibleNodes().map((id) => {
      const d = a.display(id) as { x: number; y: number };
      return [d.x, d.y];
    }),
  );

describe("ForceAtlas2", () => {
  it("should stop by itself once the layout has converged, well before its time cap", async () => {
    const start = Date.now();
    await page.getByRole("button", { name: "Run ForceAtlas2" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Stop layout" }).count()).toBe(1);
    // The cap is 20 s (web/src/layout/force.ts); converging takes a few seconds on this graph.
    await expect.poll(() => page.getByRole("button", { name: "Run ForceAtlas2" }).count(), { timeout: 16_000 }).toBe(1);
    expect(Date.now() - start).toBeLessThan(16_000);
    const settled = await positions();
    await page.waitForTimeout(400);
    expect(await positions()).toEqual(settled);
    await page.getByRole("button", { name: "Fit" }).click();
    await page.waitForTimeout(600);
    await screenshot(page, "layout-fa2-converged");
    expect(errors).toEqual([]);
  });
});
