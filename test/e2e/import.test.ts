/**
 * The import wizard in the browser, by keyboard: a signed-in editor chooses a CSV, names its source,
 * previews it (mapping, problems, matches), accepts the confident match, applies it, and the atlas
 * holds the new organisation and the matched one's new alias. axe-core finds nothing blocking.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { axeViolations, blocking, type E2E, openExplorer, screenshot, startE2E } from "./_browser.js";
import { createUser, removeTestUsers, type TestUser } from "../integration/_auth.js";
import { resetAtlas } from "../integration/_write.js";

let e2e: E2E;
let user: TestUser;

beforeAll(async () => {
  e2e = await startE2E();
  user = await createUser(e2e.db, "editor");
});
afterAll(async () => {
  if (e2e) {
    await removeTestUsers(e2e.db);
    await resetAtlas(e2e.db);
  }
  await e2e?.close();
});

const CSV = [
  "Label,Type,Org type,Sector,Scope,Country,Founded",
  "Tidepool Migrant Workers Union,Organization,Trade union,Labour,Local,PH,2017",
  "Asian Migrants Centre,Organization,,,,,",
  "Broken Row Association,Organization,NGO,Civil society,Local,PH,20x0",
].join("\n");

describe("import wizard", () => {
  it("uploads a CSV, shows the mapping, the problems and the matches, and applies it", async () => {
    const { page, errors } = await openExplorer(e2e);
    // Sign in through the page's own API, so the browser holds the session cookie.
    const signedIn = await page.evaluate(
      async ([username, password]) => {
        const response = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            query: "mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { id } }",
            variables: { u: username, p: password },
          }),
        });
        return response.status;
      },
      [user.username, user.password],
    );
    expect(signedIn).toBe(200);

    const summary = page.locator("details.import > summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "coalition.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    expect(await page.getByLabel("Format").inputValue()).toBe("CSV");
    await page.getByLabel("Source title").focus();
    await page.keyboard.type("Tidepool survey 2026");
    await page.keyboard.press("Tab");
    await page.keyboard.type("https://example.org/tidepool-survey");
    await page.keyboard.press("Enter");

    const wizard = page.locator(".import-wizard");
    await expect.poll(() => wizard.getByRole("status").textContent(), { timeout: 30_000 }).toBe("2 records and 0 ties read; 1 problem.");
    expect(await wizard.getByLabel("Field of column Label").inputValue()).toBe("name");
    expect(await wizard.getByLabel("Field of column Org type").inputValue()).toBe("type");
    expect(await wizard.locator(".import-problems li").allTextContents()).toEqual([
      "Error: coalition, row 4, column Founded — '20x0' is not a year: expected a year from 1800 to 2025, such as 2004",
    ]);
    expect(await wizard.locator(".import-items tbody tr").count()).toBe(2);

    await wizard.getByRole("button", { name: "Accept all confident matches" }).press("Enter");
    expect(await wizard.getByLabel("Decision for Asian Migrants Centre").inputValue()).toBe("MATCH:amc");
    expect(blocking(await axeViolations(page))).toEqual([]);
    await screenshot(page, "import-wizard");

    await wizard.getByRole("button", { name: "Apply import" }).press("Enter");
    await expect
      .poll(() => wizard.getByRole("status").textContent(), { timeout: 30_000 })
      .toMatch(/^Imported: \d+ records written as one change\./);

    const { records } = await e2e.db.driver.executeQuery(
      "MATCH (n:Entity) WHERE n.id IN ['tidepool-migrant-workers-union', 'amc', 'broken-row-association'] RETURN n.id AS id, n.aliases AS aliases ORDER BY id",
      {},
      { database: e2e.db.database },
    );
    expect(records.map((r) => r.get("id"))).toEqual(["amc", "tidepool-migrant-workers-union"]);
    expect(records[0].get("aliases")).toContain("Asian Migrants Centre");
    expect(errors).toEqual([]);
  }, 120_000);
});
