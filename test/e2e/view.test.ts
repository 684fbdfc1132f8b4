/** Appearance, filters, networks of networks and layouts, driven through the View panel and toolbar. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CompactNetwork } from "../../web/src/graph/types.js";
import { type E2E, inspect, openExplorer, openTab, screenshot, startE2E } from "./_browser.js";
import { fetchNetwork, openingNodeIds } from "./_data.js";

let e2e: E2E;
let page: Page;
let errors: string[];
let compact: CompactNetwork;

beforeAll(async () => {
  e2e = await startE2E();
  compact = await fetchNetwork(e2e);
  ({ page, errors } = await openExplorer(e2e));
  await openTab(page, "View");
});
afterAll(() => e2e?.close());

const legendItems = () => page.getByRole("region", { name: "Legend" }).getByRole("listitem").allTextContents();
const display = (id: string) => page.evaluate((node) => window.__atlas!.display(node), id);
const viewport = (id: string) => page.evaluate((node) => window.__atlas!.viewport(node), id);
const position = (id: string) => page.evaluate((node) => window.__atlas!.position(node), id);

describe("view: appearance", () => {
  it("should recolour by organisation type and rewrite the legend to match", async () => {
    const before = await display("mfa");
    await page.getByLabel("Colour by").selectOption("type");
    await expect
      .poll(() => page.getByRole("region", { name: "Legend" }).getByRole("heading").textContent())
      .toBe("Colour: organisation type");
    const items = await legendItems();
    expect(items.some((t) => t.startsWith("Network"))).toBe(true);
    expect(items.some((t) => t.startsWith("Not an organisation"))).toBe(true);
    // A network and a union confederation now differ in colour, as the legend says.
    const mfa = (await display("mfa"))!.color;
    const ituc = (await display("ituc"))!.color;
    expect(mfa).not.toBe(ituc);
    expect(mfa).not.toBe(before!.color);
    await screenshot(page, "10-colour-by-type");
  });

  it("should colour by Louvain community once the metrics arrive", async () => {
    await page.getByLabel("Colour by").selectOption("community");
    await expect
      .poll(() => page.getByRole("region", { name: "Legend" }).getByRole("heading").textContent())
      .toBe("Colour: community (Louvain)");
    await expect.poll(async () => (await legendItems()).filter((t) => t.startsWith("Community")).length).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole("status").filter({ hasText: "communities" }).textContent()).toMatch(/\d+ communities/);
  });

  it("should size by union–NGO bridge score, the API's brokers largest", async () => {
    const metrics = await fetch(`${e2e.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "{ metrics(filter: { kinds: [ORGANISATION, FORUM, CAMPAIGN, PERSON] }) { nodes { node { id } bridgeScore } } }",
      }),
    }).then((r) => r.json() as Promise<{ data: { metrics: { nodes: { node: { id: string }; bridgeScore: number }[] } } }>);
    const ranked = [...metrics.data.metrics.nodes].sort((a, b) => b.bridgeScore - a.bridgeScore);
    const top = ranked[0];
    const none = ranked.find((n) => n.bridgeScore === 0)!;
    await page.getByLabel("Size by").selectOption("bridgeScore");
    await expect.poll(() => page.locator(".legend-size").textContent()).toMatch(/Union–NGO bridge score, up to/);
    await expect
      .poll(async () => (await display(top.node.id))!.size as number)
      .toBeGreaterThan((await display(none.node.id))!.size as number);
    await page.getByLabel("Colour by").selectOption("category");
    await screenshot(page, "11-size-by-bridge-score");
  });
});

describe("view: filters", () => {
  it("should hide a kind without moving anything else", async () => {
    const forums = compact.ids.filter((_, i) => compact.kinds[i] === "FORUM");
    const anchor = openingNodeIds(compact).find((id) => compact.kinds[compact.ids.indexOf(id)] === "ORGANISATION")!;
    const before = await viewport(anchor);
    const count = (await inspect(page, (a) => a.visibleNodes())).length;
    await page
      .getByRole("group", { name: "Kinds of node" })
      .getByLabel(/^Forums/)
      .uncheck();
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).length).toBe(count - forums.length);
    expect(await viewport(anchor)).toEqual(before);
    await expect.poll(() => new URL(page.url()).searchParams.get("kinds")).toBe("ORGANISATION,CAMPAIGN,PERSON");
  });

  it("should filter organisations by sector and relationships by type", async () => {
    await page
      .getByRole("group", { name: "Sectors" })
      .getByLabel(/^Intergovernmental/)
      .uncheck();
    const visible = await inspect(page, (a) => a.visibleNodes());
    const igos = compact.ids.filter((_, i) => compact.sectors[i] === "INTERGOVERNMENTAL");
    expect(igos.some((id) => visible.includes(id))).toBe(false);
    await page
      .getByRole("group", { name: "Relationship types" })
      .getByLabel(/^member of/)
      .uncheck();
    const edges = await inspect(page, (a) => a.visibleEdges());
    expect(edges.some((id) => id.startsWith("member_of:"))).toBe(false);
    await screenshot(page, "12-filtered");
  });

  it("should filter by scope once scopes have loaded", async () => {
    await page
      .getByRole("group", { name: "Scopes" })
      .getByLabel(/^Local/)
      .uncheck();
    await page
      .getByRole("group", { name: "Scopes" })
      .getByLabel(/^National/)
      .uncheck();
    // Only regional and global organisations are left (scopes come from the API on first use).
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).includes("afl-cio")).toBe(false);
    const visible = await inspect(page, (a) => a.visibleNodes());
    expect(visible).toContain("gcm");
  });

  it("should go back to the opening view", async () => {
    await page.getByRole("button", { name: "Opening filters" }).click();
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).length).toBe(openingNodeIds(compact).length);
  });
});

describe("view: networks of networks", () => {
  it("should collapse a network into one ringed node sized by its members, and expand it in place", async () => {
    const groups = page.getByRole("group", { name: "Networks of networks" });
    const first = groups.getByRole("checkbox").first();
    const label = (await first.locator("xpath=..").textContent())!;
    const match = /Collapse (.+?) \((\d+) members?\)/.exec(label)!;
    // At most every member folds in (those shared with another collapsed network stay).
    const folded = Number(match[2]);
    const count = (await inspect(page, (a) => a.visibleNodes())).length;
    const groupId = await page.evaluate(() => new URL(location.href).searchParams.get("collapsed"));
    expect(groupId).toBeNull();
    const sizeBefore = (await display("gcm"))?.size as number;
    await first.check();
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).length).toBeLessThan(count);
    await expect.poll(() => new URL(page.url()).searchParams.get("collapsed")).not.toBeNull();
    const collapsedId = new URL(page.url()).searchParams.get("collapsed")!;
    const shown = await display(collapsedId);
    expect(shown).toMatchObject({ hidden: false, forceLabel: true, type: "bordered" });
    expect(shown!.label).toBe(`${match[1]} (${match[2]})`);
    expect((await inspect(page, (a) => a.visibleNodes())).length).toBeGreaterThanOrEqual(count - folded);
    if (collapsedId === "gcm") expect(shown!.size as number).toBeGreaterThan(sizeBefore);
    await screenshot(page, "13-network-collapsed");
    const placeBefore = await position(collapsedId);
    await first.uncheck();
    await expect.poll(async () => (await inspect(page, (a) => a.visibleNodes())).length).toBe(count);
    expect(await position(collapsedId)).toEqual(placeBefore);
  });

  it("should collapse every network at once", async () => {
    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect
      .poll(() => page.getByRole("group", { name: "Networks of networks" }).getByRole("checkbox", { checked: false }).count())
      .toBe(0);
    await screenshot(page, "14-all-networks-collapsed");
    await page.getByRole("button", { name: "Expand all" }).click();
  });
});

describe("view: layouts", () => {
  it("should run ForceAtlas2 in a worker and stop it", async () => {
    const id = openingNodeIds(compact)[0];
    const before = await position(id);
    const run = page.getByRole("button", { name: "Run ForceAtlas2" });
    await run.click();
    await expect.poll(() => page.getByRole("button", { name: "Stop layout" }).count()).toBe(1);
    await expect.poll(() => position(id)).not.toEqual(before);
    await page.getByRole("button", { name: "Stop layout" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Run ForceAtlas2" }).count()).toBe(1);
    const stopped = await position(id);
    await page.waitForTimeout(300);
    expect(await position(id)).toEqual(stopped);
  });

  it("should lay out the sectors in bands, labour above civil society, with bridges painted", async () => {
    await page.getByRole("button", { name: "Sectors", exact: true }).click();
    await expect.poll(() => page.locator(".band-caption").count()).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(800); // the nodes glide into their bands
    const labour = compact.ids.filter((id, i) => compact.sectors[i] === "LABOUR" && openingNodeIds(compact).includes(id));
    const civil = compact.ids.filter((id, i) => compact.sectors[i] === "CIVIL_SOCIETY" && openingNodeIds(compact).includes(id));
    const lowestLabour = Math.max(...(await Promise.all(labour.map(viewport))).map((p) => p!.y));
    const highestCivil = Math.min(...(await Promise.all(civil.map(viewport))).map((p) => p!.y));
    expect(lowestLabour).toBeLessThan(highestCivil);
    const captions = await page.locator(".band-caption").allTextContents();
    expect(captions[0]).toMatch(/^Labour/);
    expect(captions[1]).toMatch(/^Civil society/);
    await expect.poll(() => page.getByRole("region", { name: "Legend" }).textContent()).toContain("union–NGO tie");
    await screenshot(page, "15-sectors-layout");
  });

  it("should set up the union–NGO brokers view in one click", async () => {
    await page.getByRole("button", { name: "Force", exact: true }).click();
    await page.getByRole("group", { name: "Ready-made views" }).getByRole("button", { name: "Union–NGO brokers" }).click();
    await expect.poll(() => page.locator(".band-caption").count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator(".legend-size").textContent()).toMatch(/Union–NGO bridge score, up to/);
    expect(new URL(page.url()).searchParams.get("layout")).toBe("sectors");
    await page.waitForTimeout(800);
    await screenshot(page, "16-union-ngo-brokers");
  });

  it("should keep positions when filters change, and come back to the force layout", async () => {
    const id = openingNodeIds(compact)[0];
    const before = await position(id);
    await page
      .getByRole("group", { name: "Kinds of node" })
      .getByLabel(/^Campaigns/)
      .uncheck();
    await page.waitForTimeout(200);
    expect(await position(id)).toEqual(before);
    await page.getByRole("button", { name: "Force", exact: true }).click();
    await expect.poll(() => page.locator(".band-caption").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
