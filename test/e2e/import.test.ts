/**
 * The import wizard in the browser, by keyboard: a signed-in editor chooses a CSV, names its source,
 * previews it (mapping, problems, matches), accepts the confident match, applies it, and the atlas
 * holds the new organisation and the matched one's new alias. axe-core finds nothing blocking.
 */
import { readFile } from "node:fs/promises";

import type { Page } from "playwright-core";
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

/** Signs in through the page's own API, so the browser holds the session cookie. */
async function signIn(page: Page) {
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
}

describe("import wizard", () => {
  it("uploads a CSV, shows the mapping, the problems and the matches, and applies it", async () => {
    const { page, errors } = await openExplorer(e2e);
    await signIn(page);

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

  it("saves a mapping as a file and reuses it on the next file, whose sheet has another name", async () => {
    const { page, errors } = await openExplorer(e2e);
    await signIn(page);
    await page.locator("details.import > summary").click();
    const wizard = page.locator(".import-wizard");
    const odd = (name: string) => ({
      name,
      mimeType: "text/csv",
      buffer: Buffer.from("Organisation called,What,Since when\nSaltmarsh Carers Collective,Organization,2012\n"),
    });
    await wizard.getByLabel("File", { exact: true }).setInputFiles(odd("survey-march.csv"));
    await wizard.getByRole("button", { name: "Preview" }).click();
    const field = (column: string) => wizard.getByLabel(`Field of column ${column}`);
    await expect.poll(() => field("Since when").count(), { timeout: 30_000 }).toBe(1);
    await field("Organisation called").selectOption("name");
    await field("What").selectOption("kind");
    await field("Since when").selectOption("founded");
    await wizard.getByLabel("Mapping name").fill("Saltmarsh survey");
    const [saved] = await Promise.all([page.waitForEvent("download"), wizard.getByRole("button", { name: "Save mapping" }).click()]);
    expect(saved.suggestedFilename()).toBe("Saltmarsh survey.mapping.json");
    const text = await readFile((await saved.path())!, "utf8");
    const file = JSON.parse(text) as { name: string; mapping: { sheet: string; column: string; field: string | null }[] };
    expect(file.name).toBe("Saltmarsh survey");
    expect(file.mapping).toEqual([
      { sheet: "survey-march", column: "Organisation called", field: "name" },
      { sheet: "survey-march", column: "What", field: "kind" },
      { sheet: "survey-march", column: "Since when", field: "founded" },
    ]);

    // Next month's file: a fresh wizard guesses nothing for these headers; the saved mapping fills them.
    const next = await openExplorer(e2e);
    await signIn(next.page);
    await next.page.locator("details.import > summary").click();
    const again = next.page.locator(".import-wizard");
    await again.getByLabel("File", { exact: true }).setInputFiles(odd("survey-april.csv"));
    await again.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => again.getByLabel("Field of column Since when").count(), { timeout: 30_000 }).toBe(1);
    expect(await again.getByLabel("Field of column Since when").inputValue()).toBe("");
    await again
      .getByLabel("Saved mapping")
      .setInputFiles({ name: "Saltmarsh survey.mapping.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await expect.poll(() => again.getByLabel("Field of column Since when").inputValue(), { timeout: 30_000 }).toBe("founded");
    expect(await again.getByLabel("Field of column Organisation called").inputValue()).toBe("name");
    await expect.poll(() => again.getByRole("status").textContent(), { timeout: 30_000 }).toMatch(/^1 records and 0 ties read;/);
    // Checked with the saved mapping: the name column is mapped (the file's other gaps are its own).
    expect((await again.locator(".import-problems").textContent()) ?? "").not.toContain("no column is mapped to 'name'");
    expect(await again.locator(".import-items tbody tr").first().textContent()).toContain("Saltmarsh Carers Collective");
    expect(await again.getByLabel("Mapping name").inputValue()).toBe("Saltmarsh survey");
    expect([...errors, ...next.errors]).toEqual([]);
  }, 120_000);
});
