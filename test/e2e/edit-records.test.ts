/**
 * Editing beyond adding, as its users would: an editor deletes an organisation and merges a
 * duplicate into another from Details, each after a step that says what will happen, sees the
 * result on the map and undoes it with History's Revert; edits a tie (a CONFLICT says who changed
 * it, the typed values stay) and deletes it; reviews a proposal whose fields show beside the values
 * they replace, citations as "Source title, locator: evidence". And every tab stays in sight at 1280 px.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { api, axeViolations, blocking, type E2E, openExplorer, screenshot, startE2E } from "./_browser.js";
import { fetchNetwork } from "./_data.js";
import { createUser, removeTestUsers, type TestUser } from "../integration/_auth.js";
import { data } from "../integration/_data.js";
import { resetAtlas, SHOWN_BY_STORIES } from "../integration/_write.js";

const SLOW = { timeout: 120_000 };

let e2e: E2E;
let contributor: TestUser;
let editor: TestUser;
let admin: TestUser;
let source: { id: string; title: string };
const contexts: BrowserContext[] = [];

/** An organisation made for these tests, tied to MFA (member), with one citation. */
const TIDE = { id: "tidewater-workers-network", name: "Tidewater Workers Network" };
const TIDE_TIE = `member_of:${TIDE.id}:mfa:member`;
/** A duplicate of MFA: one tie like one MFA has (it joins it), one MFA lacks (it moves). */
const DUP = { id: "migrant-forum-asia-dup", name: "Migrant Forum of Asia (duplicate entry)" };
const MFA_TIE = data.relationships.find((r) => r.source === "mfa" && r.type === "MEMBER_OF")!;

beforeAll(async () => {
  e2e = await startE2E();
  contributor = await createUser(e2e.db, "contributor");
  editor = await createUser(e2e.db, "editor");
  admin = await createUser(e2e.db, "admin");
  [source] = (await apiAs<{ sources: { id: string; title: string }[] }>(editor, "{ sources { id title } }")).sources;
  const cite = (evidence: string) => [{ source: source.id, locator: "p. 4", evidence }];
  const org = (id: string, name: string) => ({
    id,
    kind: "ORGANISATION",
    fields: { name, type: "NETWORK", sector: "CIVIL_SOCIETY", scope: "REGIONAL", citations: cite(`${name} is listed.`) },
  });
  const tie = (type: string, from: string, to: string, role?: string | null) => ({
    type,
    source: from,
    target: to,
    fields: { ...(role ? { role } : {}), citations: cite(`${from} is tied to ${to}.`) },
  });
  for (const input of [org(TIDE.id, TIDE.name), org(DUP.id, DUP.name)]) await apiAs(editor, CREATE_NODE, { input });
  for (const input of [
    tie("MEMBER_OF", TIDE.id, "mfa", "MEMBER"),
    tie(MFA_TIE.type, DUP.id, MFA_TIE.target, MFA_TIE.role),
    tie("MEMBER_OF", DUP.id, TIDE.id, "MEMBER"),
  ])
    await apiAs(editor, CREATE_TIE, { input });
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  if (e2e) {
    await resetAtlas(e2e.db);
    await removeTestUsers(e2e.db);
  }
  await e2e?.close();
});

const CREATE_NODE = `mutation ($input: CreateNodeInput!) { createNode(input: $input) { status } }`;
const CREATE_TIE = `mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { status } }`;
const UPDATE_NODE = `mutation ($input: UpdateNodeInput!) { updateNode(input: $input) { status } }`;
const UPDATE_TIE = `mutation ($input: UpdateRelationshipInput!) { updateRelationship(input: $input) { status } }`;
const VERSIONS = `query ($id: ID!) { node(id: $id) { version relationships { id version } } }`;

/** GraphQL as a user (signed in through the app). */
const apiAs = <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}) => api<T>(e2e, query, variables, user);

async function versions(id: string): Promise<{ version: number; relationships: { id: string; version: number }[] }> {
  return (await apiAs<{ node: { version: number; relationships: { id: string; version: number }[] } }>(editor, VERSIONS, { id })).node;
}

async function open(query = "", width = 1280): Promise<Page> {
  const { page } = await openExplorer(e2e, { query, width });
  contexts.push(page.context());
  return page;
}

async function signIn(page: Page, user: TestUser): Promise<void> {
  const summary = page.locator("details.account > summary");
  await expect.poll(() => summary.textContent()).toBe("Sign in");
  await summary.click();
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByLabel("Password").press("Enter");
  await expect.poll(() => summary.textContent()).toBe(`${user.username} · ${user.role}`);
  await page.keyboard.press("Escape");
}

const onMap = (page: Page, id: string) =>
  page.evaluate((node) => window.__atlas !== undefined && window.__atlas.position(node) !== null, id);

const serious = async (page: Page) =>
  blocking(await axeViolations(page)).map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" "))}`);

const details = (page: Page) => page.getByRole("region", { name: "Details" });

describe("the tab strip", SLOW, () => {
  it("should show every tab an admin gets at 1280 px without scrolling", async () => {
    const page = await open();
    await signIn(page, admin);
    const tablist = page.getByRole("tablist", { name: "Panels" });
    await page.getByRole("tab", { name: "Users" }).waitFor();
    const { scroll, client, outside } = await tablist.evaluate((list) => {
      const box = list.getBoundingClientRect();
      const tabs = [...list.querySelectorAll('[role="tab"]')].map((tab) => tab.getBoundingClientRect());
      return {
        scroll: list.scrollWidth,
        client: list.clientWidth,
        outside: tabs.filter((t) => t.left < box.left - 0.5 || t.right > box.right + 0.5).length,
      };
    });
    expect(scroll).toBeLessThanOrEqual(client);
    expect(outside).toBe(0);
    await screenshot(page, "edit-tabs-admin-1280");
  });
});

describe("deleting and merging organisations", SLOW, () => {
  it("should say how many ties go, delete the organisation from the map, and bring it back with History's Revert", async () => {
    const ties = (id: string) => data.relationships.filter((r) => r.source === id || r.target === id).length;
    // Not MFA nor the network the duplicate is tied to, whose ties the other tests count.
    const subject = data.organisations.find(
      (o) => !SHOWN_BY_STORIES.has(o.id) && ties(o.id) >= 2 && o.id !== "mfa" && o.id !== MFA_TIE.target,
    )!;
    const count = ties(subject.id);
    const page = await open(`?sel=${subject.id}`);
    await signIn(page, editor);
    expect(await onMap(page, subject.id)).toBe(true);
    await details(page).getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${subject.name}?` });
    await expect
      .poll(() => dialog.locator(".edit-consequence").textContent())
      .toContain(`${subject.name} and its ${count} ties will be removed`);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, "edit-delete-node");
    await dialog.getByRole("button", { name: `Delete ${subject.name} and ${count} ties` }).click();
    await expect.poll(() => onMap(page, subject.id), { timeout: 30_000 }).toBe(false);
    expect((await fetchNetwork(e2e)).ids).not.toContain(subject.id);

    await page.getByRole("tab", { name: "History" }).click();
    const deletion = page.getByRole("region", { name: "History" }).getByRole("article", { name: `deleteNode by ${editor.username}` });
    await deletion.getByRole("button", { name: "Revert" }).click();
    await expect.poll(() => onMap(page, subject.id), { timeout: 30_000 }).toBe(true);
    const back = (await versions(subject.id)).relationships.length;
    expect(back).toBe(count);
  });

  it("should merge a duplicate into MFA after saying what moves, and undo the merge with History's Revert", async () => {
    const page = await open("?sel=mfa");
    await signIn(page, editor);
    expect(await onMap(page, DUP.id)).toBe(true);
    await details(page).getByRole("button", { name: "Merge a duplicate…" }).click();
    const dialog = page.getByRole("dialog", { name: "Merge a duplicate into Migrant Forum in Asia" });
    await dialog.getByRole("combobox", { name: "Duplicate" }).fill("duplicate entry");
    const option = dialog.getByRole("listbox", { name: "Duplicate suggestions" }).getByRole("option", { name: /duplicate entry/ });
    await option.waitFor();
    await option.dispatchEvent("mousedown");
    const summary = dialog.locator(".edit-consequence");
    await expect.poll(() => summary.textContent()).toContain(`${DUP.name} will be deleted.`);
    const text = (await summary.textContent())!;
    expect(text).toContain("Its 2 ties move to Migrant Forum in Asia (1 of them join a tie Migrant Forum in Asia already has");
    expect(text).toContain(`“${DUP.name}” becomes an alias of Migrant Forum in Asia.`);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, "edit-merge-nodes");
    await dialog.getByRole("button", { name: `Merge ${DUP.name} into Migrant Forum in Asia` }).click();
    await expect.poll(() => onMap(page, DUP.id), { timeout: 30_000 }).toBe(false);
    // MFA took the duplicate's tie to the Tidewater network, and its name as an alias.
    expect((await versions("mfa")).relationships.map((r) => r.id)).toContain(`member_of:mfa:${TIDE.id}:member`);

    await page.getByRole("tab", { name: "History" }).click();
    const merge = page.getByRole("region", { name: "History" }).getByRole("article", { name: `mergeNodes by ${editor.username}` });
    await merge.getByRole("button", { name: "Revert" }).click();
    await expect.poll(() => onMap(page, DUP.id), { timeout: 30_000 }).toBe(true);
    expect((await versions(DUP.id)).relationships).toHaveLength(2);
  });
});

describe("editing and deleting a tie", SLOW, () => {
  const phrase = `${TIDE.name} member of Migrant Forum in Asia`;

  it("should say who changed the tie meanwhile, keep the typed note, save it with a new citation after a reload", async () => {
    const page = await open(`?sel=${TIDE.id}`);
    await signIn(page, editor);
    await details(page)
      .getByRole("button", { name: `Edit tie: ${phrase}` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Edit tie: ${phrase}` });
    await dialog.getByLabel("Note").fill("joined after the 2019 port strike");
    // Someone else edits the tie meanwhile.
    const version = (await versions(TIDE.id)).relationships.find((r) => r.id === TIDE_TIE)!.version;
    await apiAs(editor, UPDATE_TIE, { input: { id: TIDE_TIE, version, fields: { since: 2019 } } });
    await dialog.getByRole("button", { name: "Save" }).click();
    const conflict = dialog.locator(".edit-conflict");
    await expect.poll(() => conflict.textContent()).toContain(`${editor.username} changed since`);
    await dialog.getByRole("button", { name: /Reload their version/ }).click();
    await expect.poll(() => dialog.getByLabel("Since").inputValue()).toBe("2019");
    expect(await dialog.getByLabel("Note").inputValue()).toBe("joined after the 2019 port strike");

    await dialog.getByRole("button", { name: "Add a citation" }).click();
    await dialog.getByLabel("Source").selectOption(source.id);
    await dialog.getByLabel("Where in it").fill("p. 9");
    await dialog.getByLabel("What it says, in your words").fill("The network joined MFA after the strike.");
    expect(await serious(page)).toEqual([]);
    await screenshot(page, "edit-tie");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => details(page).textContent(), { timeout: 30_000 }).toContain("Joined after the 2019 port strike");

    // History shows the new citation as a line, not the stored arrays.
    await page.getByRole("tab", { name: "History" }).click();
    const history = page.getByRole("region", { name: "History" });
    const update = history.getByRole("article", { name: `updateRelationship by ${editor.username}` }).first();
    await expect.poll(() => update.textContent()).toContain(`${source.title}, p. 9: The network joined MFA after the strike.`);
    expect(await update.textContent()).not.toContain("citationSources");
    await screenshot(page, "edit-tie-history");
  });

  it("should delete the tie after saying what goes with it", async () => {
    const page = await open(`?sel=${TIDE.id}`);
    await signIn(page, editor);
    await details(page)
      .getByRole("button", { name: `Delete tie: ${phrase}` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Delete tie: ${phrase}?` });
    expect(await dialog.locator(".edit-consequence").textContent()).toContain(`The tie “${phrase}” and its 2 citations will be removed`);
    await dialog.getByRole("button", { name: "Delete tie" }).click();
    await expect
      .poll(
        () =>
          details(page)
            .getByRole("button", { name: `Edit tie: ${phrase}` })
            .count(),
        { timeout: 30_000 },
      )
      .toBe(0);
    expect((await versions(TIDE.id)).relationships.map((r) => r.id)).not.toContain(TIDE_TIE);
  });
});

describe("reviewing a proposal", SLOW, () => {
  it("should show the proposed fields beside the current ones, citations as readable lines", async () => {
    const { version } = await versions(TIDE.id);
    await apiAs(contributor, UPDATE_NODE, {
      input: {
        id: TIDE.id,
        version,
        fields: {
          description: "A network of port and shipping workers' groups.",
          scope: "GLOBAL",
          citations: [{ source: source.id, locator: "p. 12", evidence: "The network describes its members." }],
        },
      },
    });
    const page = await open();
    await signIn(page, editor);
    await page.getByRole("tab", { name: "Review" }).click();
    const proposal = page.getByRole("region", { name: "Review queue" }).getByRole("article", { name: new RegExp(TIDE.id) });
    const row = (field: string) => proposal.locator("tr", { has: page.locator(`th[scope="row"]`, { hasText: field }) });
    await expect.poll(() => row("scope").locator("td").allTextContents()).toEqual(["Regional", "Global"]);
    expect(await row("description").locator("td").allTextContents()).toEqual(["", "A network of port and shipping workers' groups."]);
    expect(await row("citations").locator("td").allTextContents()).toEqual([
      `${source.title}, p. 4: ${TIDE.name} is listed.`,
      `${source.title}, p. 12: The network describes its members.`,
    ]);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, "edit-review-diff");
  });
});
