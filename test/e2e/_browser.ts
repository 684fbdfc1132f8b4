/**
 * Browser-test plumbing: the real app (createApp over the test Neo4j, serving the built web app)
 * on a free port, Debian's Chromium via playwright-core, and a screenshot folder a reviewer can open.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";

import { type Browser, chromium, type Page } from "playwright-core";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";

export const SCREENSHOT_DIR = resolve("test-results/screenshots");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for a sandbox without GPU or outside network: software WebGL, no background traffic. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface E2E {
  db: Database;
  server: Server;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const db = await connectTestDb();
  const server = createApp(db).createServer();
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
  const png = (await page.locator(selector).screenshot()).toString("base64");
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
  }, png);
}
