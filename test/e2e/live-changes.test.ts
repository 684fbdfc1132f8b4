/**
 * Live changes in the explorer: an edit made elsewhere (an editor's API call) while the atlas is open
 * shows "1 change since you opened the atlas — Refresh"; Refresh reloads, the network read again
 * holds the new organisation, and the notice is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type E2E, startE2E } from "./_browser.js";
import { bearerFor, createUser, removeTestUsers } from "../integration/_auth.js";
import { citation, resetAtlas } from "../integration/_write.js";

let e2e: E2E;
let bearer: string;

beforeAll(async () => {
  e2e = await startE2E();
  bearer = (await bearerFor(e2e.db, await createUser(e2e.db, "editor"))).bearer;
});
afterAll(async () => {
  if (e2e) {
    await removeTestUsers(e2e.db);
    await resetAtlas(e2e.db);
  }
  await e2e?.close();
});

describe("live changes", () => {
  it("should count a change made since the atlas was opened and refetch on Refresh", async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${e2e.baseUrl}/`);
    await page.locator("canvas").first().waitFor();
    // The subscription starts with the app; let it connect before the edit.
    await page.waitForTimeout(500);
    expect(await page.locator(".live-changes").count()).toBe(0);

    const response = await fetch(`${e2e.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({
        query: "mutation($input: CreateNodeInput!) { createNode(input: $input) { status } }",
        variables: {
          input: {
            id: "live-e2e-union",
            kind: "ORGANISATION",
            fields: { name: "Live E2E Union", type: "TRADE_UNION", sector: "LABOUR", scope: "LOCAL", citations: [citation()] },
          },
        },
      }),
    });
    expect(((await response.json()) as { data: { createNode: { status: string } } }).data.createNode.status).toBe("APPLIED");

    const notice = page.getByRole("status").filter({ hasText: "since you opened the atlas" });
    await expect.poll(() => notice.textContent()).toBe("1 change since you opened the atlas — Refresh");

    const network = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("networkCompact"));
    await notice.getByRole("button", { name: "Refresh" }).click();
    expect(await (await network).text()).toContain("live-e2e-union");
    await page.locator("canvas").first().waitFor();
    expect(await page.locator(".live-changes").count()).toBe(0);
    await page.close();
  }, 90_000);
});
