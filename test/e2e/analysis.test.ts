/**
 * The Analysis panel: a person asks who brokers between sectors and what removing the biggest
 * coalition would cost, reads the server's sentence (in a live region) and a list, and sees the
 * answer's nodes stand out on the map.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
});
