/** The timeline: the network as of a year (bodies and ties appear when they start) and that year's cited events. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDataset } from "../../core/dataset.js";
import type { CompactNetwork } from "../../web/src/graph/types.js";
import { computeView } from "../../web/src/graph/view.js";
import { DEFAULT_FILTERS, toNetworkFilter } from "../../web/src/state/filters.js";
import { api, type E2E, inspect, openExplorer, openTab, screenshot, startE2E } from "./_browser.js";
import { fetchNetwork } from "./_data.js";

let e2e: E2E;
let page: Page;
let errors: string[];
let network: CompactNetwork;
let events: { year: number; label: string }[];

beforeAll(async () => {
  e2e = await startE2E();
  network = await fetchNetwork(e2e);
  events = (await api<{ timeline: { year: number; label: string }[] }>(e2e, "{ timeline { year label } }")).timeline;
  ({ page, errors } = await openExplorer(e2e));
  await openTab(page, "Timeline");
});
afterAll(() => e2e?.close());

const slider = () => page.getByRole("slider", { name: "Year" });

/** Moves the slider with the keyboard, as a reader would. */
async function goToYear(year: number) {
  await slider().focus();
  await slider().press("End");
  const max = Number(await slider().getAttribute("max"));
  for (let y = max; y > year; y--) await slider().press("ArrowLeft");
}

describe("timeline", () => {
  it("should span the dated years and list the events of the year shown", async () => {
    await expect.poll(() => page.locator("ol.events > li").count()).toBeGreaterThan(0);
    const max = Math.max(...events.map((e) => e.year));
    expect(Number(await slider().getAttribute("max"))).toBeGreaterThanOrEqual(max);
    expect(Number(await slider().getAttribute("min"))).toBeLessThanOrEqual(Math.min(...events.map((e) => e.year)));
  });

  it("should show the network as of a year: nothing that starts later, that year's events beside it", async () => {
    const year = 2006;
    await goToYear(year);
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe(String(year));
    const visible = await inspect(page, (a) => a.visibleNodes());
    // Independent of the app's model: no body with a start of its own after the year is drawn.
    const later = network.ids.filter((_, i) => network.activeFrom[i] !== null && network.activeFrom[i]! > year);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((id) => visible.includes(id))).toEqual([]);
    // And exactly what the view model says for the opening filters as of that year.
    const expected = computeView(createDataset(network), { filters: DEFAULT_FILTERS, year, collapsed: [], revealed: [] });
    expect(visible.length).toBe(expected.nodeCount);
    const listed = await page.locator("ol.events > li").allTextContents();
    const ofYear = events.filter((e) => e.year === year);
    expect(listed).toHaveLength(ofYear.length);
    ofYear.forEach((e, k) => expect(listed[k]).toContain(e.label));
    await expect.poll(() => page.locator(".year-badge").textContent()).toBe(`As of ${year}`);
    await screenshot(page, "30-timeline-2006");
  });

  it("should leave out bodies with no date when asked", async () => {
    const withUndated = (await inspect(page, (a) => a.visibleNodes())).length;
    await page.getByLabel(/Leave out bodies and ties with no/).check();
    const expected = computeView(createDataset(network), {
      filters: DEFAULT_FILTERS,
      year: 2006,
      datedOnly: true,
      collapsed: [],
      revealed: [],
    });
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).length).toBe(expected.nodeCount);
    expect(expected.nodeCount).toBeLessThan(withUndated);
    await expect.poll(() => new URL(page.url()).searchParams.get("dated")).toBe("only");
    await screenshot(page, "32-timeline-2006-dated-only");
    await page.getByLabel(/Leave out bodies and ties with no/).uncheck();
  });

  it("should show the figures of the year shown, with one metrics request per year", async () => {
    const figures = () => page.locator(".year-figures").textContent();
    const dataset = createDataset(network);
    /** The panel's sentence, from the API's figures of the network the timeline shows that year. */
    const expected = async (year: number) => {
      const { metrics } = await api<{
        metrics: {
          components: number;
          communities: number;
          modularity: number;
          density: number;
          nodes: { node: { id: string; kind: string }; betweenness: number }[];
        };
      }>(
        e2e,
        `query ($filter: NetworkFilter, $asOf: Int) { metrics(filter: $filter, asOf: $asOf) {
          components communities modularity density nodes { node { id kind } betweenness } } }`,
        { filter: toNetworkFilter(DEFAULT_FILTERS), asOf: year },
      );
      const between = metrics.nodes
        .filter((n) => n.node.kind === "ORGANISATION" && n.betweenness > 0)
        .sort((a, b) => b.betweenness - a.betweenness || (a.node.id < b.node.id ? -1 : 1))
        .slice(0, 3)
        .map((n) => dataset.nodes[dataset.index.get(n.node.id)!].label);
      return (
        `As of ${year}: ${metrics.components} components, ${metrics.communities} communities (modularity ${metrics.modularity.toFixed(2)}), ` +
        `density ${metrics.density.toFixed(3)}. Most between others: ${between.join(", ")}.`
      );
    };
    await goToYear(2011);
    const in2011 = await expected(2011);
    await expect.poll(figures).toBe(in2011);
    // One step on: one request, for that year as the timeline shows it, and figures that follow it.
    const asked: unknown[] = [];
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      const body = r.url().endsWith("/graphql") ? JSON.parse(r.postData() ?? "{}") : {};
      if (typeof body.query === "string" && body.query.includes("query Metrics")) asked.push(body.variables?.asOf);
    };
    page.on("request", onRequest);
    await slider().press("ArrowRight");
    await slider().press("ArrowRight");
    await slider().press("ArrowRight");
    await slider().press("ArrowRight");
    const in2015 = await expected(2015);
    expect(in2015).not.toBe(in2011);
    await expect.poll(figures).toBe(in2015);
    page.off("request", onRequest);
    // At most one request for 2015: none when an earlier test of this page already asked for it.
    expect(asked.filter((year) => year === 2015).length).toBeLessThanOrEqual(1);
    expect(asked.every((year) => typeof year === "number" && year > 2011 && year <= 2015)).toBe(true);
    expect(asked.length).toBeLessThanOrEqual(4);
    await screenshot(page, "34-timeline-2015-figures");
  });

  it("should grow the network as the years go by", async () => {
    const early = (await inspect(page, (a) => a.visibleNodes())).length;
    await goToYear(2024);
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).length).toBeGreaterThan(early);
    await screenshot(page, "31-timeline-2024");
  });

  it("should play year by year and pause", async () => {
    const sliderYear = async () => Number(await slider().inputValue());
    await goToYear(2002);
    // The address bar is written after a short debounce; wait for it so a stale year cannot pass.
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe("2002");
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(sliderYear, { timeout: 6000 }).toBeGreaterThanOrEqual(2004);
    await page.getByRole("button", { name: "Pause" }).click();
    const paused = await sliderYear();
    await page.waitForTimeout(1500);
    expect(await sliderYear()).toBe(paused);
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe(String(paused));
  });

  it("should go back to every year", async () => {
    await page.getByRole("button", { name: "All years" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBeNull();
    await expect.poll(() => page.locator(".year-badge").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("timeline: undated and ended records", () => {
  const display = (id: string) => page.evaluate((node) => window.__atlas!.display(node) as { color?: string; hidden?: boolean } | null, id);

  it("should draw a record with no date faded in a year view, and say 'date unknown' in Details", async () => {
    const dataset = createDataset(network);
    // IDWF: no founding year, and an undated tie (the example), so no year of its own.
    expect(dataset.nodeStart[dataset.index.get("idwf")!]).toBeNull();
    const everyYear = (await display("idwf"))?.color;
    expect(everyYear).toBeTruthy();
    await goToYear(2005);
    await expect.poll(async () => (await display("idwf"))?.color).not.toBe(everyYear);
    expect((await display("idwf"))?.hidden).toBeFalsy();
    await page.getByRole("combobox", { name: "Search" }).fill("IDWF");
    await page.getByRole("listbox", { name: "Search suggestions" }).getByRole("option").first().waitFor();
    await page.getByRole("combobox", { name: "Search" }).press("Enter");
    const details = page.getByRole("region", { name: "Details" });
    await expect.poll(() => details.getByRole("note").textContent()).toContain("Date unknown");
    await screenshot(page, "33-timeline-2005-undated");
    await openTab(page, "Timeline");
  });

  it("should leave out a record after its end year", async () => {
    const i = network.ids.indexOf("ilo-c189-campaign");
    expect(network.activeTo[i]).toBe(2011);
    await goToYear(2011);
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).includes("ilo-c189-campaign")).toBe(true);
    await goToYear(2015);
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).includes("ilo-c189-campaign")).toBe(false);
    expect(errors).toEqual([]);
  });
});
