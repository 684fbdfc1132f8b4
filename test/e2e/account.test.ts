/** Signing in and out from the explorer's header, by keyboard alone; the current role is shown. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type E2E, screenshot, startE2E } from "./_browser.js";
import { createUser, removeTestUsers, type TestUser } from "../integration/_auth.js";

let e2e: E2E;
let user: TestUser;

beforeAll(async () => {
  e2e = await startE2E();
  user = await createUser(e2e.db, "editor");
});
afterAll(async () => {
  if (e2e) await removeTestUsers(e2e.db);
  await e2e?.close();
});

describe("account menu", () => {
  it("should sign in and out with the keyboard, say why a sign-in failed, and show the role", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/`);
    const summary = page.locator("details.account > summary");
    await expect.poll(() => summary.textContent()).toBe("Sign in");

    // Open the menu from the summary, Tab to the fields, type, and submit with Enter.
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("username");
    await page.keyboard.type(user.username);
    await page.keyboard.press("Tab");
    await page.keyboard.type("not the password");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Wrong username or password.");
    expect(await summary.textContent()).toBe("Sign in");

    // Focus stays in the password field: replace it and try again.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");
    await page.keyboard.press("Control+A");
    await page.keyboard.type(user.password);
    await page.keyboard.press("Enter");
    await expect.poll(() => summary.textContent()).toBe(`${user.username} · editor`);
    // The session cookie is HttpOnly: the page's scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("atlas_session");
    expect((await context.cookies()).find((c) => c.name === "atlas_session")?.httpOnly).toBe(true);

    // A reload keeps the session.
    await page.reload();
    await expect.poll(() => summary.textContent()).toBe(`${user.username} · editor`);
    // At 1280 px the signed-in header stays one row once the map's menus are there too: the account
    // menu beside the title, not wrapped onto a second row (pushing the map down).
    await page.waitForFunction(() => performance.getEntriesByName("atlas:first-frame").length > 0, null, { timeout: 20_000 });
    const [account, title] = await Promise.all([summary.boundingBox(), page.locator("header h1").boundingBox()]);
    expect(Math.abs(account!.y + account!.height / 2 - (title!.y + title!.height / 2))).toBeLessThan(8);
    await summary.focus();
    await page.keyboard.press("Enter");
    await screenshot(page, "account-signed-in");
    // Escape folds the menu back onto its summary.
    await page.keyboard.press("Escape");
    expect(await page.locator("details.account").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Sign out");
    await page.keyboard.press("Enter");
    await expect.poll(() => summary.textContent()).toBe("Sign in");
    expect((await context.cookies()).find((c) => c.name === "atlas_session")).toBeUndefined();
    await context.close();
  });
});
