import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CompactNetwork } from "../../web/src/graph/types.js";
import {
  api,
  type E2E,
  inkRatio,
  inspect,
  openExplorer,
  openTab,
  pickFromSearch,
  SCREENSHOT_DIR,
  screenshot,
  startE2E,
} from "./_browser.js";
import { fetchNetwork, FOCAL_IDS, neighbours, OPENING_KINDS, openingNodeIds } from "./_data.js";

let e2e: E2E;
let page: Page;
let errors: string[];
let compact: CompactNetwork;

beforeAll(async () => {
  e2e = await startE2E();
  compact = await fetchNetwork(e2e);
  ({ page, errors } = await openExplorer(e2e));
  process.stdout.write(`[e2e] screenshots in ${SCREENSHOT_DIR}\n`);
});
afterAll(() => e2e?.close());

const atlas = <T>(fn: (a: NonNullable<Window["__atlas"]>) => T) => inspect(page, fn);

describe("explorer: opening view", () => {
  it("should draw the organisations, forums, campaigns and people of the network", async () => {
    const expected = openingNodeIds(compact).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect((await atlas((a) => a.visibleNodes())).sort()).toEqual(expected);
    expect(await inkRatio(page, "[data-testid=graph-canvas]")).toBeGreaterThan(0.01);
    await screenshot(page, "01-opening-view");
    expect(errors).toEqual([]);
  });

  it("should label the networks of networks at a glance", async () => {
    const focal = FOCAL_IDS.filter((id) => compact.ids.includes(id) && OPENING_KINDS.includes(compact.kinds[compact.ids.indexOf(id)]));
    expect(focal.length).toBeGreaterThan(3);
    for (const id of focal) {
      await expect
        .poll(() => page.evaluate((node) => ({ id: node, ...window.__atlas!.display(node) }), id))
        .toMatchObject({ id, hidden: false, forceLabel: true });
    }
  });

  it("should show a legend that counts what is drawn", async () => {
    const legend = page.getByRole("region", { name: "Legend" });
    await expect.poll(() => legend.getByRole("listitem").count()).toBeGreaterThan(2);
    const counts = (await legend.getByRole("listitem").allTextContents()).map((t) => Number(/\((\d+)\)/.exec(t)?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(openingNodeIds(compact).length);
  });
});

describe("explorer: search and details", () => {
  it("should find IDWF by acronym with the keyboard, focus it and open its cited details", async () => {
    const [{ node }] = (
      await api<{ search: { node: { id: string; name: string } }[] }>(e2e, '{ search(text: "IDWF", limit: 1) { node { id name } } }')
    ).search;
    const search = page.getByRole("combobox", { name: "Search" });
    await search.fill("IDWF");
    await page.getByRole("listbox", { name: "Search suggestions" }).getByRole("option").first().waitFor();
    await search.press("ArrowDown");
    await search.press("Enter");
    const details = page.getByRole("region", { name: "Details" });
    await expect.poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe(node.name);
    await expect.poll(() => details.locator(".citations li").count()).toBeGreaterThan(0);
    await expect.poll(() => atlas((a) => a.display("idwf")?.highlighted)).toBe(true);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get("sel"))).toBe(node.id);
    await page.waitForTimeout(600); // the camera glides to the node
    await screenshot(page, "02-search-idwf-details");
  });

  it("should tolerate a typo in a name", async () => {
    const search = page.getByRole("combobox", { name: "Search" });
    await search.fill("Via Campensina");
    await expect
      .poll(() => page.getByRole("listbox", { name: "Search suggestions" }).getByRole("option").first().textContent())
      .toContain("Via Campesina");
    await search.press("Escape");
  });

  it("should group relationships by type with citations, and move to a neighbour by its link", async () => {
    const details = page.getByRole("region", { name: "Details" });
    const groups = details.locator(".rel-group");
    expect(await groups.count()).toBeGreaterThan(0);
    const first = groups.first().getByRole("button").first();
    const name = await first.textContent();
    await first.click();
    await expect.poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe(name);
  });

  it("should expand a node's hidden neighbourhood into the view", async () => {
    // An organisation with neighbours the opening view hides (issues, instruments).
    const id = FOCAL_IDS.concat(compact.ids).find((candidate) =>
      neighbours(compact, candidate).some((n) => !openingNodeIds(compact).includes(n)),
    )!;
    const hidden = neighbours(compact, id).filter((n) => !openingNodeIds(compact).includes(n));
    await page.goto(`${e2e.baseUrl}/?sel=${id}`);
    await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0);
    const expand = page.getByRole("button", { name: /^Expand: show \d+ hidden neighbour/ });
    await expect.poll(() => expand.textContent()).toContain(`show ${hidden.length} hidden`);
    const before = await atlas((a) => a.visibleNodes().length);
    await expand.click();
    await expect.poll(() => atlas((a) => a.visibleNodes().length)).toBe(before + hidden.length);
    const visible = await atlas((a) => a.visibleNodes());
    expect(hidden.every((n) => visible.includes(n))).toBe(true);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get("expanded"))).toBe(id);
    await screenshot(page, "03-expanded-neighbourhood");
  });
});

describe("explorer: table", () => {
  it("should list the visible nodes in the Network table, synced with the selection", async () => {
    await openTab(page, "Table");
    const table = page.getByRole("table", { name: "Network table" });
    const visible = await atlas((a) => a.visibleNodes().length);
    await expect.poll(() => table.locator("tbody tr").count()).toBe(Math.min(visible, 200));
    const selected = await page.evaluate(() => new URL(location.href).searchParams.get("sel"));
    const name = compact.names[compact.ids.indexOf(selected!)];
    await expect.poll(() => table.locator("tr[aria-current='true'] th").textContent()).toBe(name);
  });
});

describe("a node found by search that the view hides", () => {
  const shown = (p: Page, id: string) => p.evaluate((node) => window.__atlas!.visibleNodes().includes(node), id);

  it("should say that a filter hides it and show it in one click", async () => {
    const fresh = await openExplorer(e2e);
    const p = fresh.page;
    await pickFromSearch(p, "Search", "C189", /ILO Convention No\. 189/);
    const id = await expectSelection(p);
    expect(await shown(p, id)).toBe(false);
    const details = p.getByRole("region", { name: "Details" });
    await expect.poll(() => details.getByRole("status").textContent()).toMatch(/not on the map: the “Kinds of node” filter hides it/);
    await details.getByRole("button", { name: "Show it and its ties" }).click();
    await expect.poll(() => shown(p, id)).toBe(true);
    await expect.poll(() => details.getByRole("status").count()).toBe(0);
    expect(fresh.errors).toEqual([]);
    await p.context().close();
  });

  it("should say that it does not exist yet in the chosen year and go to its year in one click", async () => {
    const fresh = await openExplorer(e2e, { query: "?year=2003" });
    const p = fresh.page;
    await pickFromSearch(p, "Search", "Abuja Forum 2023", /Abuja Forum 2023/);
    const id = await expectSelection(p);
    expect(await shown(p, id)).toBe(false);
    const details = p.getByRole("region", { name: "Details" });
    await expect
      .poll(() => details.getByRole("status").textContent())
      .toMatch(/as of 2003 it does not exist yet \(the documents date it from 2023\)/);
    await details.getByRole("button", { name: "Go to 2023" }).click();
    await expect.poll(() => new URL(p.url()).searchParams.get("year")).toBe("2023");
    await expect.poll(() => shown(p, id)).toBe(true);
    await screenshot(p, "08-found-node-shown");
    expect(fresh.errors).toEqual([]);
    await p.context().close();
  });
});

/** The id selected in the URL, once there is one. */
async function expectSelection(p: Page): Promise<string> {
  await expect.poll(() => new URL(p.url()).searchParams.get("sel")).not.toBeNull();
  return new URL(p.url()).searchParams.get("sel")!;
}
