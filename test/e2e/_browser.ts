/**
 * Browser-test plumbing: the real app (createApp over the test Neo4j, serving the built web app)
 * on a free port, Debian's Chromium via playwright-core, and a screenshot folder a reviewer can open.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import { resolve } from "node:path";

import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { LABEL_FONT, LABEL_SIZE, LABEL_WEIGHT } from "../../web/src/render/label-style.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./_chromium.js";

export const SCREENSHOT_DIR = resolve("test-results/screenshots");

export interface E2E {
  db: Database;
  server: Server;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const db = await connectTestDb();
  const server = createApp(db, { webDir: inject("webDir") }).createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    db,
    server,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await db.close();
    },
  };
}

/** Saves a screenshot under test-results/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Share of pixels in the graph canvas that differ from the background. Sigma draws with WebGL, whose
 * buffers cannot be read back reliably, so the page's own screenshot is decoded inside the browser.
 */
export async function inkRatio(page: Page, selector: string): Promise<number> {
  return pngInkRatio(page, await page.locator(selector).screenshot());
}

/** Share of non-background pixels in a PNG, decoded inside the browser. */
export async function pngInkRatio(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235) ink++;
    return ink / (pixels.length / 4);
  }, png.toString("base64"));
}

export interface OpenOptions {
  /** Query string of the view to open, e.g. "?sel=mfa". */
  query?: string;
  width?: number;
  height?: number;
}

/**
 * Opens the explorer in a fresh browser context (no cached layout) and waits until Sigma has drawn
 * its first frame and the panels are ready. Page errors are collected in `errors`.
 */
export async function openExplorer(e2e: E2E, options: OpenOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await e2e.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${e2e.baseUrl}/${options.query ?? ""}`);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0 && window.__atlas !== undefined, null, {
    timeout: 20_000,
  });
  return { page, errors };
}

/**
 * Runs one GraphQL operation against the test server (what the page's API answers): anonymously, or
 * as a user signed in through the app's own sign-in (session cookie).
 */
export async function api<T>(
  e2e: E2E,
  query: string,
  variables: Record<string, unknown> = {},
  as?: { username: string; password: string },
): Promise<T> {
  const post = (body: object, cookie?: string) =>
    fetch(`${e2e.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  let cookie: string | undefined;
  if (as) {
    const signedIn = await post({
      query: "mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { id } }",
      variables: { u: as.username, p: as.password },
    });
    cookie = signedIn.headers.getSetCookie()[0]?.split(";")[0];
    if (!cookie) throw new Error(`Sign-in as ${as.username} failed (${signedIn.status})`);
  }
  const body = (await (await post({ query, variables }, cookie)).json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core (from node_modules, injected into the page) over the whole document. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script> tag: the page's CSP (rightly) blocks injected inline scripts.
  await page.evaluate(readFileSync(AXE_PATH, "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Violations that block: axe's "serious" and "critical" impacts. */
export const blocking = (violations: AxeViolation[]) => violations.filter((v) => v.impact === "serious" || v.impact === "critical");

/** Opens one of the side panels by its tab. */
export async function openTab(
  page: Page,
  name: "Details" | "View" | "Paths" | "Allies" | "Analysis" | "Timeline" | "Table",
): Promise<void> {
  await page.getByRole("tab", { name }).click();
}

/** Picks a suggestion in a search combobox (the header search, or a path finder field). */
export async function pickFromSearch(page: Page, label: string, text: string, optionName?: RegExp | string): Promise<void> {
  const box = page.getByRole("combobox", { name: label });
  await box.fill(text);
  const list = page.getByRole("listbox", { name: `${label} suggestions` });
  const option = optionName ? list.getByRole("option", { name: optionName }).first() : list.getByRole("option").first();
  await option.waitFor();
  await option.dispatchEvent("mousedown");
}

/** Runs `fn(window.__atlas)` in the page (fn must not close over test variables). */
export function inspect<T>(page: Page, fn: (atlas: NonNullable<Window["__atlas"]>) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__atlas)`) as Promise<T>;
}

/**
 * The screen boxes of the labels drawn (display label forced and not empty), as Sigma draws them: to
 * the right of the node, vertically centred, in the renderer's label font.
 */
export async function labelBoxes(page: Page): Promise<{ id: string; box: [number, number, number, number] }[]> {
  return page.evaluate(
    ({ font }) => {
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = font;
      const atlas = window.__atlas!;
      return atlas.visibleNodes().flatMap((id) => {
        const display = atlas.display(id) as { forceLabel?: boolean; label?: string; hidden?: boolean } | null;
        const at = atlas.viewport(id);
        if (!display?.forceLabel || !display.label || display.hidden || !at) return [];
        const left = at.x + at.radius + 3;
        const box: [number, number, number, number] = [left, at.y - 6, left + context.measureText(display.label).width, at.y + 6];
        return [{ id, box }];
      });
    },
    { font: `${LABEL_WEIGHT} ${LABEL_SIZE}px ${LABEL_FONT}` },
  );
}

/** Pairs of drawn labels that overlap. */
export function overlapping(labels: { id: string; box: [number, number, number, number] }[]): string[] {
  const out: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (a.box[0] < b.box[2] && b.box[0] < a.box[2] && a.box[1] < b.box[3] && b.box[1] < a.box[3]) out.push(`${a.id} × ${b.id}`);
    }),
  );
  return out;
}
