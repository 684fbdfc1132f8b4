/**
 * The embeddable page (issue 15, "Embed"): /embed shows a view or a story with minimal chrome and a
 * link to the full atlas, works inside a page on another origin (its frame policy allows any framer,
 * the app's does not), and the Share menu gives its <iframe> code with size options.
 */
import { createServer, type Server } from "node:http";

import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { type E2E, openExplorer, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;
let host: Server;
let hostUrl: string;
const story = readDataset(DATA_DIR).stories[0];

beforeAll(async () => {
  e2e = await startE2E();
  // Another origin (another host name and port) whose page frames the atlas: the embed, and the app itself.
  host = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>A course page</title></head><body>
      <h1>Week 3: migrant domestic workers</h1>
      <iframe id="embed" src="${e2e.baseUrl}/embed?story=${story.id}&step=1" width="720" height="480" title="Coalition Atlas story"></iframe>
      <iframe id="app" src="${e2e.baseUrl}/" width="300" height="200" title="Coalition Atlas app"></iframe>
    </body></html>`);
  });
  await new Promise<void>((done) => host.listen(0, "127.0.0.1", done));
  const address = host.address();
  hostUrl = `http://localhost:${typeof address === "object" && address ? address.port : 0}/`;
});
afterAll(async () => {
  host?.closeAllConnections();
  await new Promise((done) => host?.close(done));
  await e2e?.close();
});

async function frameOf(page: import("playwright-core").Page, id: string): Promise<Frame> {
  const handle = await page.locator(`iframe#${id}`).elementHandle();
  const frame = await handle!.contentFrame();
  return frame!;
}

describe("embed", () => {
  it("should let any site frame /embed, and only this origin frame the app", async () => {
    const embed = await fetch(`${e2e.baseUrl}/embed?story=${story.id}`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-security-policy")).toMatch(/frame-ancestors \*(;|$)/);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const app = await fetch(`${e2e.baseUrl}/`);
    expect(app.headers.get("content-security-policy")).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(app.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("should play a story inside a page on another origin, with minimal chrome and a link to the full atlas", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(hostUrl);
    const frame = await frameOf(page, "embed");
    await frame.waitForURL(/\/embed\?/);
    await frame.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0, null, { timeout: 20_000 });
    const player = frame.getByRole("article", { name: "Story player" });
    await expect.poll(() => player.getByRole("heading", { level: 3 }).textContent()).toBe(story.steps[0].title);
    // A 720 × 480 frame keeps the story beside the map, not the phone page's column (a 200-px map).
    const map = (await frame.getByTestId("graph-canvas").boundingBox())!;
    expect(map.height).toBeGreaterThan(480 * 0.6);
    expect((await player.boundingBox())!.y).toBeLessThan(480);
    // Map, legend and story; no search, panels, import or sign-in.
    expect(await frame.getByTestId("graph-canvas").count()).toBe(1);
    expect(await frame.locator("details.legend").count()).toBe(1);
    expect(await frame.getByRole("combobox", { name: "Search" }).count()).toBe(0);
    expect(await frame.getByRole("tablist").count()).toBe(0);
    expect(await frame.getByRole("button", { name: /Sign in/ }).count()).toBe(0);
    const link = frame.getByRole("link", { name: "Open in the full atlas ↗" });
    expect(await link.getAttribute("target")).toBe("_blank");
    // Stepping on in the embed, the link follows the view.
    await player.getByRole("button", { name: "Next →" }).click();
    await expect.poll(() => player.getByRole("heading", { level: 3 }).textContent()).toBe(story.steps[1].title);
    // The link opens the frame's current view: wait for the step to reach the frame's URL, which
    // can come a frame after its heading.
    await expect.poll(() => new URL(frame.url()).searchParams.get("step")).toBe("2");
    const popup = context.waitForEvent("page");
    await link.click();
    const full = await popup;
    await full.waitForLoadState();
    const opened = new URL(full.url());
    expect(opened.origin).toBe(e2e.baseUrl);
    expect(opened.pathname).toBe("/");
    expect(opened.searchParams.get("story")).toBe(story.id);
    expect(opened.searchParams.get("step")).toBe("2");
    await full.close();

    // The app itself, framed by the same foreign page, is refused by the browser.
    const blocked = await frameOf(page, "app");
    expect(await blocked.evaluate(() => document.getElementById("root") !== null).catch(() => false)).toBe(false);
    await screenshot(page, "70-embed-on-another-origin");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("should give the <iframe> code of the current view from the Share menu, in the size chosen", async () => {
    const { page } = await openExplorer(e2e, { query: "?sel=mfa" });
    const menu = page.locator("details.menu", { has: page.locator("summary", { hasText: "Embed" }) });
    await menu.locator("summary").click();
    const code = menu.getByRole("textbox", { name: /Code to paste/ });
    await expect.poll(() => code.inputValue()).toContain(`<iframe src="${e2e.baseUrl}/embed?sel=mfa" width="720" height="480"`);
    await menu.getByRole("combobox", { name: "Size" }).selectOption({ label: "Small (480 × 360)" });
    await expect.poll(() => code.inputValue()).toContain(`width="480" height="360"`);
    await screenshot(page, "71-share-embed-code");
    await page.keyboard.press("Escape");
    await expect.poll(() => menu.getAttribute("open")).toBeNull();
    await page.context().close();
  });
});
