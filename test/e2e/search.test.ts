/**
 * Search finds what people type (issue 15): the header search's suggestions put the exact name or
 * acronym first, find forum occurrences by series and year or city, read curly apostrophes, and show
 * what tells similar names apart (year, city, acronym).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type E2E, openExplorer, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;
let page: Page;
let errors: string[];

beforeAll(async () => {
  e2e = await startE2E();
  ({ page, errors } = await openExplorer(e2e));
});
afterAll(() => e2e?.close());

const options = (p: Page) => p.getByRole("listbox", { name: "Search suggestions" }).getByRole("option");

/** Types `text` and waits for the suggestions to answer it: the first one must contain `first`. */
async function firstSuggestion(p: Page, text: string, first: string): Promise<string> {
  await p.getByRole("combobox", { name: "Search" }).fill(text);
  await expect.poll(() => options(p).first().textContent()).toContain(first);
  return (await options(p).first().textContent()) ?? "";
}

describe("search suggestions", () => {
  it("should put the organisation whose acronym was typed first", async () => {
    expect(await firstSuggestion(page, "ilo", "International Labour Organization")).toContain("ILO");
    await firstSuggestion(page, "ITUC", "International Trade Union Confederation");
    expect(await firstSuggestion(page, "GFMD", "Global Forum on Migration and Development")).not.toMatch(/\d{4}/);
  });

  it("should find a forum occurrence by its series and city, showing its year and city", async () => {
    const first = await firstSuggestion(page, "GFMD Dhaka", "Global Forum on Migration and Development 2016, Dhaka");
    expect(first).toContain("2016 · Dhaka");
    await screenshot(page, "search-gfmd-dhaka");
  });

  it("should read a curly apostrophe like a straight one", async () => {
    const first = await firstSuggestion(
      page,
      "People’s Global Action",
      "People's Global Action on Migration, Development and Human Rights",
    );
    expect(first).toContain("PGA");
  });

  it("should open the occurrence a series and year name when Enter is pressed", async () => {
    await firstSuggestion(page, "ILC 2011", "International Labour Conference 2011");
    await page.getByRole("combobox", { name: "Search" }).press("Enter");
    const details = page.getByRole("region", { name: "Details" });
    await expect.poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("International Labour Conference 2011");
    expect(errors).toEqual([]);
  });

  it("should fit the suggestions on a phone", async () => {
    const phone = await openExplorer(e2e, { width: 390, height: 844 });
    await firstSuggestion(phone.page, "GFMD 2023", "GFMD");
    const box = await phone.page.getByRole("listbox", { name: "Search suggestions" }).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(phone.page, "search-phone");
    await phone.page.context().close();
  });
});
