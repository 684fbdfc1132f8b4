/** The path finder and the ally finder: the API's answers, spelled out and highlighted on the map. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  api,
  type E2E,
  inspect,
  labelBoxes,
  openExplorer,
  openTab,
  overlapping,
  pickFromSearch,
  screenshot,
  startE2E,
} from "./_browser.js";
import { FOCAL_IDS } from "./_data.js";

let e2e: E2E;
let page: Page;
let errors: string[];

interface PathAnswer {
  length: number;
  nodes: { id: string; name: string; acronym?: string | null }[];
  edges: { id: string; type: string; source: string; target: string; citations: { evidence: string }[] }[];
}

beforeAll(async () => {
  e2e = await startE2E();
  ({ page, errors } = await openExplorer(e2e));
});
afterAll(() => e2e?.close());

/** Two organisations the API links by a path of two or more steps. */
async function pathPair(): Promise<{ from: { id: string; name: string }; to: { id: string; name: string }; paths: PathAnswer[] }> {
  const ids = FOCAL_IDS;
  for (const from of ids) {
    for (const to of ids) {
      if (from === to) continue;
      const data = await api<{ paths: PathAnswer[] }>(
        e2e,
        `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, limit: 5) { length nodes { id name ... on Organisation { acronym } } edges { id type source target citations { evidence } } } }`,
        { from, to },
      ).catch(() => ({ paths: [] }));
      if (data.paths.length && data.paths[0].length >= 2) {
        return { from: data.paths[0].nodes[0], to: data.paths[0].nodes.at(-1)!, paths: data.paths };
      }
    }
  }
  throw new Error("no two focal organisations are linked in the data");
}

describe("path finder", () => {
  it("should spell out the API's paths with citations and highlight the first on the map", async () => {
    const { from, to, paths } = await pathPair();
    await openTab(page, "Paths");
    await pickFromSearch(page, "From", from.name, from.name);
    await pickFromSearch(page, "To", to.name, to.name);
    await page.getByRole("button", { name: "Find paths" }).click();
    const finder = page.getByRole("region", { name: "Path finder" });
    await expect.poll(() => finder.locator("ol.paths > li").count()).toBe(paths.length);
    const first = finder.locator("ol.paths > li").first();
    expect(await first.locator(".chain > li").count()).toBe(paths[0].length);
    const text = (await first.textContent())!;
    for (const node of paths[0].nodes) expect(text).toContain(node.acronym ?? node.name);
    expect(text).toContain(paths[0].edges[0].citations[0].evidence);
    // Highlighted: the chain's nodes shown, labelled where their labels fit, everything else dimmed.
    for (const node of paths[0].nodes) {
      await expect
        .poll(() => page.evaluate((id) => window.__atlas!.display(id), node.id))
        .toMatchObject({ hidden: false, highlighted: true });
    }
    await expect.poll(async () => (await labelBoxes(page)).length).toBeGreaterThan(0);
    expect(overlapping(await labelBoxes(page))).toEqual([]);
    const outside = (await inspect(page, (a) => a.visibleNodes())).find((id) => !paths[0].nodes.some((n) => n.id === id))!;
    expect((await page.evaluate((id) => window.__atlas!.display(id), outside))!.label).toBe("");
    await screenshot(page, "20-path-finder");
  });

  it("should name a greyed node under the pointer while a path is highlighted", async () => {
    const chain = new Set((await pathPair()).paths[0].nodes.map((n) => n.id));
    const box = (await page.getByTestId("graph-canvas").boundingBox())!;
    const label = (id: string) => page.evaluate((node) => window.__atlas!.display(node)!.label, id);
    // Greyed nodes the pointer can reach: on the canvas itself, not under the legend or the toolbar.
    const reachable = async (id: string) => {
      const at = await page.evaluate((node) => window.__atlas!.viewport(node), id);
      if (!at) return null;
      const onCanvas = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest("[data-testid=graph-canvas]") != null,
        [box.x + at.x, box.y + at.y],
      );
      return onCanvas ? at : null;
    };
    const candidates: { id: string; at: { x: number; y: number } }[] = [];
    for (const id of await inspect(page, (a) => a.visibleNodes())) {
      if (chain.has(id)) continue;
      const at = await reachable(id);
      if (at) candidates.push({ id, at });
      if (candidates.length === 5) break;
    }
    expect(candidates.length).toBeGreaterThan(0);
    for (const { id } of candidates) expect(await label(id)).toBe("");
    // Nodes may overlap, so the pointer may land on a neighbour: one of the candidates must show its name.
    let named: string | undefined;
    for (const { id, at } of candidates) {
      await page.mouse.move(box.x + at.x, box.y + at.y);
      const shown = await expect
        .poll(() => label(id), { timeout: 2000 })
        .not.toBe("")
        .then(() => true)
        .catch(() => false);
      if (shown) {
        named = id;
        break;
      }
    }
    expect(named).toBeDefined();
    await page.mouse.move(box.x + 2, box.y + 2);
    await expect.poll(() => label(named!)).toBe("");
  });

  it("should switch the highlight to another path and clear it", async () => {
    const finder = page.getByRole("region", { name: "Path finder" });
    const count = await finder.locator("ol.paths > li").count();
    if (count > 1) {
      await finder.locator("ol.paths > li").nth(1).getByRole("button", { name: "Show on map" }).click();
      await expect
        .poll(() => finder.locator("ol.paths > li").nth(1).getByRole("button", { name: "Show on map" }).getAttribute("aria-pressed"))
        .toBe("true");
    }
    await finder.getByRole("button", { name: "Clear highlight" }).click();
    const anyVisible = (await inspect(page, (a) => a.visibleNodes()))[0];
    expect((await page.evaluate((id) => window.__atlas!.display(id), anyVisible))!.label).not.toBe("");
  });

  it("should not answer for a typed name that was never chosen", async () => {
    const finder = page.getByRole("region", { name: "Path finder" });
    const from = finder.getByRole("combobox", { name: "From" });
    await from.fill("PICUM");
    await from.press("Escape");
    await expect.poll(() => finder.locator("ol.paths > li").count()).toBe(0);
    await expect.poll(() => finder.getByRole("button", { name: "Find paths" }).isDisabled()).toBe(true);
    await expect.poll(() => finder.locator(".hint").textContent()).toMatch(/Choose “PICUM” from the suggestions/);
    expect(await finder.locator(".hint").isVisible()).toBe(true);
    expect(await from.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "21-path-finder-unchosen");
  });

  // Written before the code: the five documents join J4DW (UK, C189, 2009-2012) and the ITUC
  // (through ITUC Africa at the 2023 Abuja Forum) only by a chain of organisations, meetings and
  // people far longer than six steps. The finder says so in words, names what it walked, and offers
  // shared issues and instruments as an opt-in; taking it, the answers run through a shared theme.
  it("should say when no organisational route joins two organisations and offer shared topics instead", async () => {
    const finder = page.getByRole("region", { name: "Path finder" });
    await pickFromSearch(page, "From", "Justice for Domestic Workers", "Justice for Domestic Workers");
    await pickFromSearch(page, "To", "ITUC", "International Trade Union Confederation");
    await finder.getByLabel("At most").selectOption("6");
    await finder.getByRole("button", { name: "Find paths" }).click();
    const none = finder.locator(".no-route");
    await expect.poll(() => none.textContent()).toMatch(/No chain of organisational ties of at most 6 steps joins J4DW and ITUC/);
    expect(await none.textContent()).toMatch(/membership.*forum/);
    expect(await finder.locator("ol.paths > li").count()).toBe(0);

    await finder.getByRole("button", { name: "Look through shared issues and instruments too" }).click();
    await expect.poll(() => finder.locator("ol.paths > li").count()).toBeGreaterThan(0);
    expect(await finder.getByRole("checkbox", { name: "Also through shared issues and instruments" }).isChecked()).toBe(true);
    const answer = await api<{ paths: { nodes: { id: string; kind: string }[] }[] }>(
      e2e,
      'query { paths(from: "j4dw", to: "ituc", maxLength: 6, throughTopics: true) { nodes { id kind } } }',
    );
    expect(await finder.locator("ol.paths > li").count()).toBe(answer.paths.length);
    for (const path of answer.paths) expect(path.nodes.some((n) => n.kind === "ISSUE" || n.kind === "INSTRUMENT")).toBe(true);
    const shown = answer.paths[0].nodes.map((n) => n.id);
    for (const id of shown)
      await expect.poll(() => page.evaluate((node) => window.__atlas!.display(node), id)).toMatchObject({ highlighted: true });
    expect(errors).toEqual([]);
  });
});

describe("ally finder", () => {
  it("should list the API's suggested allies of the selected organisation with their reasons", async () => {
    let chosen: { id: string; allies: { node: { id: string; name: string }; reasons: string[]; shared: { id: string }[] }[] } | null = null;
    for (const id of FOCAL_IDS) {
      const data = await api<{ allies: { node: { id: string; name: string }; reasons: string[]; shared: { id: string }[] }[] }>(
        e2e,
        "query($id: ID!) { allies(id: $id, limit: 10) { node { id name } reasons shared { id } } }",
        { id },
      ).catch(() => ({ allies: [] }));
      if (data.allies.length) {
        chosen = { id, allies: data.allies };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    await page.goto(`${e2e.baseUrl}/?sel=${chosen!.id}`);
    await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0);
    await page.getByRole("button", { name: "Suggest allies" }).click();
    const finder = page.getByRole("region", { name: "Ally finder" });
    await expect.poll(() => finder.locator("ol.allies > li").count()).toBe(chosen!.allies.length);
    const first = finder.locator("ol.allies > li").first();
    expect(await first.textContent()).toContain(chosen!.allies[0].node.name);
    expect(await first.locator(".reasons li .reason").allTextContents()).toEqual(chosen!.allies[0].reasons);

    await first.getByRole("button", { name: "Show shared" }).click();
    const ally = chosen!.allies[0];
    for (const id of [chosen!.id, ally.node.id, ...ally.shared.map((s) => s.id)]) {
      await expect
        .poll(() => page.evaluate((node) => window.__atlas!.display(node), id))
        .toMatchObject({ hidden: false, highlighted: true });
    }
    await expect.poll(async () => (await labelBoxes(page)).length).toBeGreaterThan(0);
    expect(overlapping(await labelBoxes(page))).toEqual([]);
    await screenshot(page, "21-ally-finder");
    expect(errors).toEqual([]);
  });
});
