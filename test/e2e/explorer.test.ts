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
    // Labels are picked with the first frame and again 300 ms after each later render (metrics and
    // the extras arriving repaint the map), so on a busy machine they may settle a second or two later.
    for (const id of focal) {
      await expect
        .poll(() => page.evaluate((node) => ({ id: node, ...window.__atlas!.display(node) }), id), { timeout: 10_000 })
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

describe("nothing covers the map (issue 15, fix 7)", () => {
  type Box = { x: number; y: number; width: number; height: number };
  const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  for (const width of [1280, 390]) {
    it(`should keep the toolbar, the "As of" badge and the open legend off the map at ${width} px`, async () => {
      const { page: p, errors: pageErrors } = await openExplorer(e2e, { query: "?year=2005", width, height: width < 500 ? 844 : 800 });
      const legend = p.locator("details.legend");
      // Opened, as a reader of the key would have it (on a phone it starts folded).
      if ((await legend.getAttribute("open")) === null) await legend.locator("summary").click();
      await expect.poll(() => p.locator(".year-badge").textContent()).toBe("As of 2005");
      const canvas = (await p.getByTestId("graph-canvas").boundingBox())!;
      for (const selector of ["details.legend", ".year-badge", "[role=toolbar]"]) {
        const box = (await p.locator(selector).boundingBox())!;
        expect(overlaps(box, canvas), `${selector} ${JSON.stringify(box)} over the canvas ${JSON.stringify(canvas)}`).toBe(false);
      }
      // And the map is still the larger part of the pane.
      expect(canvas.height).toBeGreaterThan(width < 500 ? 200 : 450);
      await screenshot(p, `09-map-clear-of-overlays-${width}`);
      expect(pageErrors).toEqual([]);
      await p.context().close();
    });
  }

  it("should leave room for the right-hand labels after Fit in the Sectors layout", async () => {
    const { page: p } = await openExplorer(e2e, { query: "?layout=sectors" });
    await p.getByRole("button", { name: "Fit" }).click();
    await p.waitForTimeout(900);
    const canvas = (await p.getByTestId("graph-canvas").boundingBox())!;
    const drawn = await inspect(p, (a) =>
      a.visibleNodes().map((id) => ({ id, at: a.viewport(id)!, label: String(a.display(id)?.label ?? "") })),
    );
    // Measured with the labels' own font (render/settings.ts), in the page.
    const widths = await p.evaluate(
      ({ labels, font }) => {
        const context = document.createElement("canvas").getContext("2d")!;
        context.font = font;
        return labels.map((l) => context.measureText(l).width);
      },
      // The labels' font (web/src/render/settings.ts; that module pulls in Sigma, which needs a browser).
      { labels: drawn.map((d) => d.label), font: "500 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
    );
    const rightmost = drawn.map((d, k) => ({ ...d, end: d.at.x + 8 + Math.min(widths[k], 150) })).sort((a, b) => b.end - a.end)[0];
    expect(
      rightmost.end,
      `${rightmost.id} (“${rightmost.label}”) at x=${rightmost.at.x} in a ${canvas.width}-px canvas`,
    ).toBeLessThanOrEqual(canvas.width);
    expect(drawn.every((d) => d.at.x >= 0 && d.at.y >= 0 && d.at.y <= canvas.height)).toBe(true);
    await screenshot(p, "10-sectors-fit");
    await p.context().close();
  });
});

describe("ally cards (issue 15, fix 8)", () => {
  for (const width of [1280, 390]) {
    it(`should lay every ally card out alike at ${width} px: Show shared top right, the score under the name`, async () => {
      // The focal organisation with the most suggestions, names long and short among them.
      let chosen: { id: string; count: number } | null = null;
      for (const id of FOCAL_IDS.filter((f) => compact.ids.includes(f))) {
        const { allies } = await api<{ allies: { node: { id: string } }[] }>(e2e, "query($id: ID!) { allies(id: $id) { node { id } } }", {
          id,
        });
        if (!chosen || allies.length > chosen.count) chosen = { id, count: allies.length };
      }
      expect(chosen!.count).toBeGreaterThan(2);
      const { page: p } = await openExplorer(e2e, { query: `?sel=${chosen!.id}`, width, height: width < 500 ? 844 : 800 });
      await p.getByRole("button", { name: "Suggest allies" }).click();
      const cards = p.getByRole("region", { name: "Ally finder" }).locator("ol.allies > li");
      await expect.poll(() => cards.count()).toBe(chosen!.count);
      const layout = await cards.evaluateAll((items) =>
        items.map((li) => {
          const card = li.getBoundingClientRect();
          const box = (selector: string) => li.querySelector(selector)!.getBoundingClientRect();
          const name = box(".ally-name");
          const score = box(".ally-score");
          const show = box(".ally-show");
          return {
            showTop: Math.round(show.top - card.top),
            showRight: Math.round(card.right - show.right),
            nameLeft: Math.round(name.left - card.left),
            scoreBelowName: score.top >= name.bottom - 1,
            nameClearOfShow: name.right <= show.left,
          };
        }),
      );
      for (const card of layout) {
        expect(card).toEqual({ ...layout[0], scoreBelowName: true, nameClearOfShow: true });
      }
      await screenshot(p, `22-ally-cards-${width}`);
      await p.context().close();
    });
  }
});
