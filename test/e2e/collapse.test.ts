/**
 * Overlapping and nested collapse in the explorer: PGA, GCM, WSFM, MFA, IDWF and ITUC collapsed and
 * expanded alone and together, in different orders, through the View panel. After every step the
 * map shows what the API's own grouping answers for the same set (network(groupBy: MEMBERSHIP,
 * collapsed:)), shared members stay visible and ringed, and members glide in and out.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { api, type E2E, inspect, openExplorer, openTab, screenshot, startE2E } from "./_browser.js";

let e2e: E2E;
let page: Page;
let errors: string[];
let members: Map<string, string[]>;
let labels: Map<string, string>;

const NETWORKS = ["pga", "gcm", "wsfm", "mfa", "idwf", "ituc"];

beforeAll(async () => {
  e2e = await startE2E();
  const answer = await api<{ networkCompact: { ids: string[]; labels: string[]; groups: { id: string; directMemberIds: string[] }[] } }>(
    e2e,
    "{ networkCompact(groupBy: MEMBERSHIP) { ids labels groups { id directMemberIds } } }",
  );
  members = new Map(answer.networkCompact.groups.map((g) => [g.id, g.directMemberIds]));
  const plain = await api<{ networkCompact: { ids: string[]; labels: string[] } }>(e2e, "{ networkCompact { ids labels } }");
  labels = new Map(plain.networkCompact.ids.map((id, i) => [id, plain.networkCompact.labels[i]]));
  ({ page, errors } = await openExplorer(e2e));
  await openTab(page, "View");
});
afterAll(() => e2e?.close());

const networksList = () => page.getByRole("group", { name: "Networks of networks" });
const checkbox = (id: string) => networksList().getByRole("checkbox", { name: new RegExp(`^Collapse ${labels.get(id)} \\(`) });
const display = (id: string) => page.evaluate((node) => window.__atlas!.display(node), id);
const visible = async () => new Set(await inspect(page, (a) => a.visibleNodes()));

/** The nodes the API shows with `collapsed`, among those the explorer's opening view shows. */
async function apiView(collapsed: string[], open: Set<string>) {
  const answer = await api<{ network: { nodes: { id: string }[]; groups: { id: string; memberIds: string[]; sharedIds: string[] }[] } }>(
    e2e,
    "query($c: [ID!]) { network(groupBy: MEMBERSHIP, collapsed: $c) { nodes { id } groups { id memberIds sharedIds } } }",
    { c: collapsed },
  );
  // The opening view leaves out some kinds (issues, instruments): compare on what it draws when all is open.
  const ids = new Set(answer.network.nodes.map((n) => n.id).filter((id) => open.has(id)));
  return { ids, groups: new Map(answer.network.groups.map((g) => [g.id, g])) };
}

async function expectAgreement(collapsed: string[], open: Set<string>) {
  const expected = await apiView(collapsed, open);
  await expect.poll(async () => [...(await visible())].sort()).toEqual([...expected.ids].sort());
  for (const id of collapsed) {
    expect(await display(id)).toMatchObject({ hidden: false, type: "bordered" });
    for (const shared of expected.groups.get(id)!.sharedIds.filter((m) => open.has(m)))
      expect(await display(shared), shared).toMatchObject({ hidden: false, type: "bordered" });
  }
  return expected;
}

describe("collapse: networks with members", () => {
  let open: Set<string>;

  it("should offer to collapse PGA, GCM, WSFM, MFA and ITUC (ITUC Africa), and not IDWF, whose affiliates the documents do not name", async () => {
    open = await visible();
    for (const id of NETWORKS) {
      const has = (members.get(id) ?? []).length > 0;
      await expect.poll(() => checkbox(id).count()).toBe(has ? 1 : 0);
    }
    expect(NETWORKS.filter((id) => (members.get(id) ?? []).length > 0)).toEqual(["pga", "gcm", "wsfm", "mfa", "ituc"]);
  });

  it.each(["pga", "gcm", "wsfm", "mfa", "ituc"])("should collapse %s alone, folding its members, and expand it in place", async (id) => {
    const before = await inspect(page, (a) => Object.fromEntries(a.visibleNodes().map((n) => [n, a.position(n)])));
    await checkbox(id).check();
    await expectAgreement([id], open);
    for (const m of members.get(id)!.filter((m) => open.has(m))) expect(await display(m), m).toMatchObject({ hidden: true });
    await expect.poll(() => page.locator(".legend-folding").textContent()).toMatch(/1 collapsed, \d+ members? folded in/);
    await checkbox(id).uncheck();
    await expect.poll(async () => (await visible()).size).toBe(open.size);
    // Everyone is back where they were once the glide ends: it is a detour, not a move.
    await expect.poll(() => inspect(page, (a) => Object.fromEntries(a.visibleNodes().map((n) => [n, a.position(n)])))).toEqual(before);
  });

  it("should glide a member into its network before it disappears, and back out", async () => {
    const member = members.get("pga")!.find((m) => open.has(m))!;
    const home = await inspect(page, (a) => a.position("pga"));
    // Sample every frame in the page for three seconds around the click, so the load of the machine does not matter.
    const sample = () =>
      page.evaluate(
        (id) =>
          new Promise<{ hidden: boolean; x: number; y: number }[]>((done) => {
            const frames: { hidden: boolean; x: number; y: number }[] = [];
            const start = performance.now();
            const step = () => {
              const d = window.__atlas!.display(id) as { hidden: boolean; x: number; y: number } | null;
              const p = window.__atlas!.position(id)!;
              frames.push({ hidden: Boolean(d?.hidden), x: p.x, y: p.y });
              if (performance.now() - start < 3000) requestAnimationFrame(step);
              else done(frames);
            };
            requestAnimationFrame(step);
          }),
        member,
      );
    const place = await page.evaluate((id) => window.__atlas!.position(id), member);
    const [folding] = await Promise.all([sample(), checkbox("pga").check()]);
    const between = (f: { x: number; y: number }) =>
      Math.hypot(f.x - place!.x, f.y - place!.y) > 1e-6 && Math.hypot(f.x - home!.x, f.y - home!.y) > 1e-6;
    expect(
      folding.some((f) => !f.hidden && between(f)),
      "drawn on its way to PGA",
    ).toBe(true);
    expect(folding.at(-1)).toMatchObject({ hidden: true, ...place });
    const [unfolding] = await Promise.all([sample(), checkbox("pga").uncheck()]);
    expect(
      unfolding.some((f) => !f.hidden && between(f)),
      "drawn on its way back",
    ).toBe(true);
    expect(unfolding.at(-1)).toMatchObject({ hidden: false, ...place });
  });

  it("should keep the members PGA, GCM and WSFM share visible and ringed, with MFA nested and ITUC beside, in any order", async () => {
    const steps: string[][] = [
      ["gcm"],
      ["gcm", "pga"],
      ["gcm", "pga", "wsfm"],
      ["gcm", "pga", "wsfm", "mfa"],
      ["gcm", "pga", "wsfm", "mfa", "ituc"],
    ];
    for (const collapsed of steps) {
      await checkbox(collapsed.at(-1)!).check();
      const expected = await expectAgreement(collapsed, open);
      if (collapsed.length > 1) {
        const shared = expected.groups.get("pga")!.sharedIds;
        expect(shared.length).toBeGreaterThan(0);
        await expect.poll(() => page.locator(".legend-shared").textContent()).toMatch(/member shared by collapsed networks/);
        await expect
          .poll(() =>
            networksList()
              .getByText(/shared with other collapsed networks/)
              .count(),
          )
          // MFA and ITUC share none of their members with another collapsed network.
          .toBeGreaterThanOrEqual(collapsed.filter((id) => id !== "mfa" && id !== "ituc").length);
      }
    }
    // MFA, collapsed inside the three, stays a ringed node of its own with CARAM Asia folded in.
    expect(await display("mfa")).toMatchObject({ hidden: false, type: "bordered", label: `${labels.get("mfa")} (1)` });
    await screenshot(page, "40-overlapping-networks-collapsed");
    // Opened again in another order, the view follows the API at every step.
    const opening = [["gcm", "pga", "wsfm", "ituc"], ["gcm", "pga", "ituc"], ["pga", "ituc"], ["ituc"], []];
    for (const [k, id] of ["mfa", "wsfm", "gcm", "pga", "ituc"].entries()) {
      await checkbox(id).uncheck();
      await expectAgreement(opening[k], open);
    }
    await expect.poll(async () => (await visible()).size).toBe(open.size);
    expect(errors).toEqual([]);
  });
});
