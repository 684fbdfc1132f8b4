/**
 * The Analysis panel: a person asks who brokers between sectors and what removing the biggest
 * coalition would cost, reads the server's sentence (in a live region) and a list, and sees the
 * answer's nodes stand out on the map.
 */
import { readFileSync } from "node:fs";

import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fade, MARK_COLORS } from "../../web/src/render/reducers.js";
import { DEFAULT_FILTERS, toNetworkFilter } from "../../web/src/state/filters.js";
import { api, type E2E, openExplorer, openTab, pickFromSearch, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;
let page: Page;
let errors: string[];

beforeAll(async () => {
  e2e = await startE2E();
  ({ page, errors } = await openExplorer(e2e));
});
afterAll(() => e2e?.close());

const panel = () => page.getByRole("region", { name: "Analysis" });
/** The analyses run over what the explorer's filters show: these tests keep the opening filters. */
const shownFilter = toNetworkFilter(DEFAULT_FILTERS);
/** The panel's live region: only the answer's sentence is announced. */
const status = () => panel().locator("[role=status][aria-live=polite]").textContent({ timeout: 5000 });
const display = (id: string) => page.evaluate((node) => window.__atlas!.display(node), id);
const edgeDisplay = (id: string) => page.evaluate((edge) => window.__atlas!.edgeDisplay(edge), id);

/** Clicks a button of the panel that saves a file; the file's path on disk. */
async function saved(name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), panel().getByRole("button", { name }).click()]);
  return file.path();
}

interface DiffAnswer {
  summary: string;
  appeared: { id: string; label: string }[];
  gone: { id: string; label: string }[];
  tiesAppeared: { id: string; datedBy: { recordKind: string; citations: { evidence: string }[] } }[];
  tiesEnded: { id: string }[];
}

describe("analysis panel", () => {
  it("reads out who brokers between sectors and highlights the top brokers", async () => {
    const { brokerage } = await api<{ brokerage: { summary: string; nodes: { id: string; label: string; total: number }[] } }>(
      e2e,
      `{ brokerage(partition: SECTOR) { summary nodes { id label total } } }`,
    );
    await openTab(page, "Analysis");
    await panel().getByRole("button", { name: "Analyse" }).click();
    await expect.poll(() => panel().locator(".summary").textContent()).toBe(brokerage.summary);
    const top = brokerage.nodes.filter((n) => n.total > 0);
    expect(top.length).toBeGreaterThan(0);
    expect(await panel().locator(".analysis-list > li").first().textContent()).toContain(top[0].label);
    await panel().getByRole("button", { name: "Show top brokers on the map" }).click();
    await expect
      .poll(() => page.evaluate((id) => window.__atlas!.display(id), top[0].id))
      .toMatchObject({ hidden: false, highlighted: true });
    await screenshot(page, "40-analysis-brokerage");
  });

  it("says what removing the selected coalition would cut off, and changes nothing", async () => {
    const { network } = await api<{ network: { nodes: { id: string; name: string; memberCount?: number }[] } }>(
      e2e,
      `{ network(filter: { kinds: [ORGANISATION] }) { nodes { id name ... on Organisation { memberCount } } } }`,
    );
    const hub = [...network.nodes].sort((a, b) => (b.memberCount ?? 0) - (a.memberCount ?? 0))[0];
    const { whatIf } = await api<{ whatIf: { summary: string } }>(e2e, `query ($id: ID!) { whatIf(remove: [$id]) { summary } }`, {
      id: hub.id,
    });
    await pickFromSearch(page, "Search", hub.name, hub.name);
    await openTab(page, "Analysis");
    await panel().getByRole("combobox", { name: "Question" }).selectOption("whatIf");
    await expect.poll(() => panel().textContent()).toContain(`(the selected node)`);
    await panel().getByRole("button", { name: "Analyse" }).click();
    await expect.poll(() => panel().locator(".summary").textContent()).toBe(whatIf.summary);
    expect(await panel().locator("[aria-live=polite] .summary").count()).toBe(1);
    expect(
      await panel()
        .getByRole("row", { name: /Separate parts/ })
        .textContent(),
    ).toMatch(/\d+ → \d+/);
    await screenshot(page, "41-analysis-what-if");
    const after = await api<{ node: { id: string } | null }>(e2e, `query ($id: ID!) { node(id: $id) { id } }`, { id: hub.id });
    expect(after.node?.id).toBe(hub.id);
    expect(errors).toEqual([]);
  });

  it("marks what appeared and what went between two years on the map, each change dated and cited beside it", async () => {
    const { diff } = await api<{ diff: DiffAnswer }>(
      e2e,
      `query ($filter: NetworkFilter) { diff(from: 2005, to: 2015, filter: $filter) { summary appeared { id label } gone { id label }
         tiesAppeared { id datedBy { recordKind citations { evidence } } } tiesEnded { id } } }`,
      { filter: shownFilter },
    );
    expect(diff.appeared.length).toBeGreaterThan(0);
    expect(diff.tiesAppeared.length).toBeGreaterThan(0);
    await page
      .getByRole("button", { name: "Clear highlight" })
      .click()
      .catch(() => {});
    await openTab(page, "Analysis");
    await panel().getByRole("combobox", { name: "Question" }).selectOption("diff");
    await panel().getByRole("spinbutton", { name: "From" }).fill("2005");
    await panel().getByRole("spinbutton", { name: "To" }).fill("2015");
    await panel().getByRole("button", { name: "Analyse" }).click();
    await expect.poll(() => status()).toBe(diff.summary);

    // The list beside the map: every tie that appeared, dated, with what the documents say.
    const cited = diff.tiesAppeared.find((t) => t.datedBy.recordKind === "RELATIONSHIP" && t.datedBy.citations.length > 0)!;
    expect(cited).toBeDefined();
    const ties = panel().locator("h3", { hasText: "Ties that appeared" }).locator("xpath=following-sibling::ol[1]");
    expect(await ties.locator("xpath=./li").count()).toBe(Math.min(12, diff.tiesAppeared.length));
    for (const item of await ties.locator("xpath=./li").all()) expect(await item.textContent()).toMatch(/\b(19|20)\d\d, dated by /);
    const shownTie = diff.tiesAppeared.slice(0, 12).find((t) => t.datedBy.citations.length > 0);
    if (shownTie) expect(await ties.textContent()).toContain(shownTie.datedBy.citations[0].evidence);

    await panel().getByRole("button", { name: "Show the changes on the map" }).click();
    const added = diff.appeared[0].id;
    await expect.poll(() => display(added)).toMatchObject({ hidden: false, type: "bordered", borderColor: MARK_COLORS.added });
    expect(await edgeDisplay(diff.tiesAppeared[0].id)).toMatchObject({ hidden: false, color: MARK_COLORS.added });
    if (diff.gone.length > 0) expect(await display(diff.gone[0].id)).toMatchObject({ hidden: false, borderColor: MARK_COLORS.removed });
    if (diff.tiesEnded.length > 0)
      expect(await edgeDisplay(diff.tiesEnded[0].id)).toMatchObject({ color: fade(MARK_COLORS.removed, 0.45) });
    expect(await panel().getByRole("list", { name: "Map key" }).textContent()).toMatch(/appeared.*gone/);
    await screenshot(page, "42-analysis-diff-marks");

    // The summary as CSV, the tables as a workbook with one sheet per list.
    const csv = readFileSync(await saved("Summary (CSV)"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("analysis,asked with,filters,summary");
    expect(csv).toContain("from 2005 to 2015");
    expect(csv).toContain(diff.summary.replace(/"/g, '""'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await saved("Tables (XLSX)"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Summary", "Appeared", "Gone", "Ties appeared", "Ties ended", "Coalitions"]);
    expect(book.getWorksheet("Summary")!.getRow(4).values).toEqual([undefined, "summary", diff.summary]);
    const appearedSheet = book.getWorksheet("Appeared")!;
    expect(appearedSheet.rowCount).toBe(diff.appeared.length + 1);
    expect((appearedSheet.getColumn(1).values as unknown[]).slice(2)).toEqual(diff.appeared.map((n) => n.id));
    expect(errors).toEqual([]);
  }, 90_000);

  it("fades what a what-if removes and rings, in another colour, what it cuts off", async () => {
    const { whatIf, node } = await api<{ whatIf: { summary: string; cutOff: { id: string }[] }; node: { name: string } }>(
      e2e,
      `query ($filter: NetworkFilter) { whatIf(remove: ["gcm"], filter: $filter) { summary cutOff { id } } node(id: "gcm") { name } }`,
      { filter: shownFilter },
    );
    expect(whatIf.cutOff.length).toBeGreaterThan(0);
    await pickFromSearch(page, "Search", node.name, node.name);
    await openTab(page, "Analysis");
    await panel().getByRole("combobox", { name: "Question" }).selectOption("whatIf");
    await panel().getByRole("button", { name: "Analyse" }).click();
    await expect.poll(() => status()).toBe(whatIf.summary);
    await panel().getByRole("button", { name: "Show what is cut off" }).click();
    await expect.poll(() => display("gcm")).toMatchObject({ hidden: false, borderColor: MARK_COLORS.removed, highlighted: false });
    for (const { id } of whatIf.cutOff) {
      expect(await display(id), id).toMatchObject({ hidden: false, borderColor: MARK_COLORS.cutOff, highlighted: true });
    }
    expect(await panel().getByRole("list", { name: "Map key" }).textContent()).toMatch(/removed.*cut off/);
    await screenshot(page, "43-analysis-what-if-marks");
    expect(errors).toEqual([]);
  }, 90_000);

  it("draws who shared a room as a network, each tie explained by the occurrences behind it", async () => {
    type Tie = { source: string; target: string; sourceLabel: string; targetLabel: string; weight: number; occurrences: string[] };
    const { coPresence } = await api<{ coPresence: { summary: string; ties: Tie[]; occurrences: { id: string; label: string }[] } }>(
      e2e,
      `query ($filter: NetworkFilter) { coPresence(from: 2005, to: 2015, minShared: 1, filter: $filter) {
         summary ties { source target sourceLabel targetLabel weight occurrences } occurrences { id label } } }`,
      { filter: shownFilter },
    );
    expect(coPresence.ties.length).toBeGreaterThan(0);
    await openTab(page, "Analysis");
    await panel().getByRole("combobox", { name: "Question" }).selectOption("coPresence");
    await panel().getByRole("spinbutton", { name: "From" }).fill("2005");
    await panel().getByRole("spinbutton", { name: "To" }).fill("2015");
    await panel().getByRole("button", { name: "Analyse" }).click();
    await expect.poll(() => status()).toBe(coPresence.summary);
    const heaviest = [...coPresence.ties].sort(
      (a, b) => b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1),
    )[0];
    const network = panel().getByRole("group", { name: "Co-presence network" });
    const line = network.locator(`[data-tie="${heaviest.source} ${heaviest.target}"]`);
    // A horizontal or vertical line has an empty box, which Playwright will not click: send the click itself.
    await line.dispatchEvent("click");
    const label = new Map(coPresence.occurrences.map((o) => [o.id, o.label]));
    const caption = await panel().locator(".co-presence-network figcaption").textContent();
    expect(caption).toContain(`${heaviest.sourceLabel} and ${heaviest.targetLabel}`);
    expect(caption).toContain(`shared ${heaviest.weight}: ${heaviest.occurrences.map((id) => label.get(id)).join("; ")}`);
    expect(await network.locator("line").count()).toBe(Math.min(40, coPresence.ties.length));
    await screenshot(page, "45-analysis-co-presence-network");
  }, 90_000);

  it("plays the story step that asks what the network loses without the GCM, and marks the answer", async () => {
    const { whatIf } = await api<{ whatIf: { summary: string; cutOff: { id: string }[] } }>(
      e2e,
      `query ($filter: NetworkFilter) { whatIf(remove: ["gcm"], filter: $filter) { summary cutOff { id } } }`,
      { filter: shownFilter },
    );
    expect(whatIf.cutOff.length).toBeGreaterThan(0);
    const story = await openExplorer(e2e, { query: "?story=why-brokers-matter&step=2" });
    const player = story.page.getByRole("article", { name: "Story player" });
    const said = () => player.getByRole("group", { name: "What if" }).locator("[role=status]").textContent({ timeout: 5000 });
    await expect.poll(said, { timeout: 20_000 }).toBe(whatIf.summary);
    const shown = (id: string) => story.page.evaluate((node) => window.__atlas!.display(node), id);
    await expect.poll(() => shown("gcm")).toMatchObject({ hidden: false, borderColor: MARK_COLORS.removed });
    for (const { id } of whatIf.cutOff) expect(await shown(id), id).toMatchObject({ borderColor: MARK_COLORS.cutOff });
    await screenshot(story.page, "44-story-why-brokers-matter");
    expect(story.errors).toEqual([]);
    await story.page.context().close();
  }, 60_000);
});
