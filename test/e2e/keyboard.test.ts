/**
 * The map by keyboard alone (issue 15, "Keyboard and screen readers on the map"): a skip link to the
 * map, arrow keys walking the selected node's visible neighbours in label order, Enter opening
 * Details, Escape going back, and a live region reading kind, ties, coalitions and brokerage.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CompactNetwork } from "../../web/src/graph/types.js";
import { api, axeViolations, blocking, type E2E, inspect, openExplorer, screenshot, startE2E } from "./_browser.js";
import { DEFAULT_FILTERS, toNetworkFilter } from "../../web/src/state/filters.js";
import { fetchNetwork, FOCAL_IDS, neighbours, openingNodeIds } from "./_data.js";

let e2e: E2E;
let compact: CompactNetwork;
let bridge: Map<string, number>;

beforeAll(async () => {
  e2e = await startE2E();
  compact = await fetchNetwork(e2e);
  // Scored over what the opening view shows, as the page asks for them.
  const { metrics } = await api<{ metrics: { nodes: { node: { id: string }; bridgeScore: number }[] } }>(
    e2e,
    "query($filter: NetworkFilter) { metrics(filter: $filter) { nodes { node { id } bridgeScore } } }",
    { filter: toNetworkFilter(DEFAULT_FILTERS) },
  );
  bridge = new Map(metrics.nodes.map((n) => [n.node.id, n.bridgeScore]));
});
afterAll(() => e2e?.close());

const announcement = (page: Page) => page.getByTestId("map-announcement").textContent();
const labelOf = (id: string) => compact.labels[compact.ids.indexOf(id)];
const nameOf = (id: string) => compact.names[compact.ids.indexOf(id)];
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

/** Opens the explorer and reaches the map from the top of the page with the keyboard only (skip link, Enter). */
async function mapByKeyboard(query: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const opened = await openExplorer(e2e, { query, width, height: width < 500 ? 844 : 800 });
  const { page } = opened;
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the map");
  await page.keyboard.press("Enter");
  await expect.poll(() => activeId(page)).toBe("map");
  return opened;
}

describe("keyboard: walking the map", () => {
  it("should lead from the skip link to the map, walk the selected node's neighbours in label order, and open Details with Enter", async () => {
    const start = FOCAL_IDS.find((id) => compact.ids.includes(id) && neighbours(compact, id).length >= 3)!;
    const { page, errors } = await mapByKeyboard(`?sel=${start}`);
    const visible = new Set(await inspect(page, (a) => a.visibleNodes()));
    const around = neighbours(compact, start).filter((id) => visible.has(id));
    expect(around.length).toBeGreaterThanOrEqual(3);

    // One full turn with ArrowRight: every visible neighbour once, then back to the first.
    const walked: string[] = [];
    for (let k = 0; k < around.length; k++) {
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => announcement(page)).toMatch(new RegExp(`neighbour ${k + 1} of ${around.length} of `));
      const text = (await announcement(page))!;
      const id = around.find((n) => text.startsWith(`${nameOf(n)}, neighbour`))!;
      expect(id, text).toBeDefined();
      // The node reached is highlighted on the canvas like a hovered one.
      await expect.poll(() => page.evaluate((node) => window.__atlas!.display(node), id)).toMatchObject({ forceLabel: true, zIndex: 1 });
      walked.push(id);
    }
    expect(new Set(walked)).toEqual(new Set(around));
    const labels = walked.map(labelOf);
    const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
    expect(labels).toEqual([...labels].sort(collator.compare));
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => announcement(page)).toMatch(new RegExp(`^${escape(nameOf(walked[0]))}, neighbour 1 of`));
    // ArrowLeft goes back round to the last.
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => announcement(page)).toMatch(new RegExp(`^${escape(nameOf(walked.at(-1)!))}, neighbour ${around.length} of`));
    await screenshot(page, "60-map-keyboard-walk");

    // Enter selects the node reached and opens its Details; the map keeps the focus for the next step.
    const target = walked.at(-1)!;
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("sel")).toBe(target);
    await expect.poll(() => page.getByRole("tab", { name: "Details" }).getAttribute("aria-selected")).toBe("true");
    await expect
      .poll(() => page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent())
      .toBe(nameOf(target));
    expect(await activeId(page)).toBe("map");
    await expect.poll(() => announcement(page)).toMatch(new RegExp(`^${escape(nameOf(target))}; `));

    // From there the arrows walk the new node's neighbours; Escape drops the highlight.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => announcement(page)).toMatch(new RegExp(`neighbour 1 of \\d+ of ${escape(nameOf(target))}`));
    await page.keyboard.press("Escape");
    await expect.poll(() => announcement(page)).toMatch(new RegExp(`^${escape(nameOf(target))}; `));
    expect(errors).toEqual([]);
    expect(blocking(await axeViolations(page))).toEqual([]);
    await page.context().close();
  });

  it("should start at the best-connected node when nothing is selected", async () => {
    const { page } = await mapByKeyboard("");
    const visible = await inspect(page, (a) => a.visibleNodes());
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => announcement(page)).toMatch(/ ties?; /);
    const text = (await announcement(page))!;
    const reached = visible.find((id) => text.startsWith(`${nameOf(id)}; `));
    expect(reached, text).toBeDefined();
    // No visible node has more ties (relationships) than the one the walk starts at.
    expect(tiesOf(reached!)).toBe(Math.max(...visible.map(tiesOf)));
    expect(text).toContain(`; ${tiesOf(reached!)} ties; `);
    await page.context().close();
  });

  it("should read kind, ties, coalitions and whether the node is a union–NGO broker", async () => {
    // Nodes the opening view draws (the page scores those; instruments and issues are filtered out).
    const ranked = [...bridge].filter(([id]) => openingNodeIds(compact).includes(id)).sort((a, b) => b[1] - a[1]);
    const broker = ranked[0][0];
    expect(ranked[0][1]).toBeGreaterThan(0);
    const { page } = await mapByKeyboard(`?sel=${broker}`);
    await page.keyboard.press("Enter");
    await expect.poll(() => announcement(page)).toMatch(/; union–NGO broker \(bridge score rank 1\)\.$/);
    const i = compact.ids.indexOf(broker);
    const text = (await announcement(page))!;
    const ties = tiesOf(broker);
    expect(text).toContain(`; ${ties} tie${ties === 1 ? "" : "s"}; `);
    expect(text).toContain(`; ${compact.kinds[i].toLowerCase()}; `);
    // Every network it is a member of is named.
    const memberOf = compact.edgeTypes.flatMap((t, j) =>
      t === "MEMBER_OF" && compact.sources[j] === i ? [compact.labels[compact.targets[j]]] : [],
    );
    for (const label of memberOf) expect(text).toContain(label);
    if (memberOf.length === 0) expect(text).toContain("member of no coalition");
    await page.context().close();

    // An organisation no union–NGO path runs through is said not to be a broker.
    const none = ranked.find(([id, score]) => score === 0 && compact.kinds[compact.ids.indexOf(id)] === "ORGANISATION")![0];
    const other = await mapByKeyboard(`?sel=${none}`);
    await other.page.keyboard.press("Enter");
    await expect.poll(() => announcement(other.page)).toMatch(/not a union–NGO broker\.$/);
    await other.page.context().close();
  });

  it("should walk the map by keyboard on a phone too", async () => {
    const start = FOCAL_IDS.find((id) => compact.ids.includes(id))!;
    const { page } = await mapByKeyboard(`?sel=${start}`, 390);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => announcement(page)).toMatch(/neighbour 1 of \d+ of /);
    await screenshot(page, "61-map-keyboard-phone");
    await page.context().close();
  });
});

/** Relationships of a node in the whole graph. */
function tiesOf(id: string): number {
  const i = compact.ids.indexOf(id);
  return compact.sources.filter((s, j) => s === i || compact.targets[j] === i).length;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
