/**
 * The explorer and GraphiQL under their Content-Security-Policy, with every non-local request
 * blocked: both must render, without a CSP violation and without trying to reach another host.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type E2E, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

interface Watched {
  page: Page;
  /** Requests to any host other than the test server, which were aborted. */
  external: string[];
  /** CSP violations and page errors. */
  problems: string[];
}

async function offlinePage(): Promise<Watched> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const external: string[] = [];
  const problems: string[] = [];
  const local = new URL(e2e.baseUrl).origin;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${local}/`) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    external.push(url);
    return route.abort("internetdisconnected");
  });
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, external, problems };
}

describe("browser security", () => {
  it("should run the explorer under its CSP: boot script, layout workers and WebGL allowed", async () => {
    const { page, external, problems } = await offlinePage();
    const response = await page.goto(`${e2e.baseUrl}/`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'sha256-");
    await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0 && window.__atlas !== undefined, null, {
      timeout: 20_000,
    });
    // ForceAtlas2 runs in a worker from the app's own file (worker-src 'self', no blob:): it moves the
    // nodes and stops by itself (the bundled graph converges within a second or two, so the test
    // waits for that rather than racing it to the Stop button).
    const positions = () => page.evaluate(() => window.__atlas!.visibleNodes().map((id) => window.__atlas!.position(id)));
    const before = await positions();
    await page.getByRole("button", { name: "Run ForceAtlas2" }).click();
    const movedAndStopped = async () =>
      (await page.getByRole("button", { name: "Run ForceAtlas2" }).count()) === 1 &&
      JSON.stringify(await positions()) !== JSON.stringify(before);
    await expect.poll(movedAndStopped, { timeout: 16_000 }).toBe(true);
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("should render GraphiQL from the app's own packages with the network blocked", async () => {
    const { page, external, problems } = await offlinePage();
    const response = await page.goto(`${e2e.baseUrl}/graphql`);
    expect(response?.headers()["content-type"]).toContain("text/html");
    await page.locator(".graphiql-container").first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.title()).toBe("Coalition Atlas GraphQL");
    // The query editor is up (Monaco from blob: workers), not the "Loading…" placeholder.
    await page.locator(".graphiql-query-editor").first().waitFor({ timeout: 20_000 });
    await screenshot(page, "90-graphiql-offline");
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
