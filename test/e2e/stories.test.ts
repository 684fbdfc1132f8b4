/**
 * Teaching stories in the browser: playing a bundled story step by step (highlighted nodes and ties,
 * year, text and citations, step links), answering its questions, and authoring + exporting a story
 * that data:check accepts and that re-imports unchanged. Expectations come from data/stories.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import type { StoryRecord } from "../../server/import/stories.js";
import { createDataset } from "../../core/dataset.js";
import type { AtlasDataset, CompactNetwork } from "../../web/src/graph/types.js";
import { computeView } from "../../web/src/graph/view.js";
import { EMPHASIS_EDGE } from "../../web/src/render/reducers.js";
import { toNetworkFilter } from "../../web/src/state/filters.js";
import { stepView } from "../../web/src/stories/story.js";
import {
  api,
  axeViolations,
  blocking,
  type E2E,
  inspect,
  labelBoxes,
  openExplorer,
  overlapping,
  pickFromSearch,
  screenshot,
  startE2E,
} from "./_browser.js";
import { FOCAL_IDS, fetchNetwork } from "./_data.js";

type Step = StoryRecord["steps"][number];

let e2e: E2E;
let network: CompactNetwork;
let dataset: AtlasDataset;
const data = readDataset(DATA_DIR);
const stories = data.stories;
const sourceTitle = new Map(data.sources.map((s) => [s.id, s.title]));

beforeAll(async () => {
  e2e = await startE2E();
  network = await fetchNetwork(e2e);
  dataset = createDataset(network);
});
afterAll(() => e2e?.close());

const nameOf = (id: string) => network.names[network.ids.indexOf(id)];

/** The step's focus nodes that its own view (filters, year) shows; the others cannot be drawn. */
function shownFocus(step: Step): string[] {
  const view = computeView(dataset, { ...stepView(step), datedOnly: false, revealed: [] });
  return step.focus.filter((id) => view.nodeVisible[dataset.index.get(id)!]).sort();
}

/** Nodes drawn highlighted (after Sigma's reducers). */
const highlighted = (page: Page) =>
  inspect(page, (a) =>
    a
      .visibleNodes()
      .filter((id) => a.display(id)?.highlighted === true)
      .sort(),
  );

/** Drawn ties (of the data, not merged network ties) painted in the emphasis colour. */
async function emphasisedTies(page: Page): Promise<string[]> {
  const drawn = await inspect(page, (a) => a.visibleEdges().map((id) => [id, a.edgeDisplay(id)?.color] as const));
  return drawn
    .filter(([id, color]) => color === EMPHASIS_EDGE && network.edgeIds.includes(id))
    .map(([id]) => id)
    .sort();
}

/** Ties of the data drawn between two of these nodes. */
async function tiesAmong(page: Page, ids: string[]): Promise<string[]> {
  const drawn = new Set(await inspect(page, (a) => a.visibleEdges()));
  const set = new Set(ids);
  return network.edgeIds
    .filter((id, j) => drawn.has(id) && set.has(network.ids[network.sources[j]]) && set.has(network.ids[network.targets[j]]))
    .sort();
}

/** Whether every one of these nodes is drawn inside the canvas (the camera framed them). */
async function allOnScreen(page: Page, ids: string[]): Promise<boolean> {
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  for (const id of ids) {
    const at = await page.evaluate((node) => window.__atlas!.viewport(node), id);
    if (!at || at.x < 0 || at.y < 0 || at.x > box.width || at.y > box.height) return false;
  }
  return true;
}

/**
 * Resolves true once the camera has stopped moving: the same state 600 ms apart. Two frames apart are
 * not enough since the map shares its pane with the legend strip: the step's framing can pause and
 * then go on (seen in the exercise tests, where a click landed where a node had been).
 */
const cameraSettled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<boolean>((done) => {
        const a = JSON.stringify(window.__atlas!.camera());
        setTimeout(() => requestAnimationFrame(() => done(JSON.stringify(window.__atlas!.camera()) === a)), 600);
      }),
  );

const stepParam = (page: Page) => {
  const params = new URL(page.url()).searchParams;
  return `${params.get("story")}:${params.get("step")}`;
};

const serious = async (page: Page) =>
  blocking(await axeViolations(page)).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

async function openStories(page: Page) {
  await page.getByRole("tab", { name: "Stories" }).click();
}

/** Asserts that the page shows this step: highlights, ties, year, text, citations, link. */
async function expectStep(page: Page, story: StoryRecord, index: number) {
  const step = story.steps[index];
  const player = page.getByRole("article", { name: "Story player" });
  await expect.poll(() => player.getByRole("heading", { level: 3 }).textContent()).toBe(step.title);
  await expect.poll(() => player.locator(".story-progress").textContent()).toContain(`Step ${index + 1} of ${story.steps.length}`);
  const shown = shownFocus(step);
  expect(shown.length).toBeGreaterThan(0);
  await expect.poll(() => highlighted(page)).toEqual(shown);
  await expect.poll(() => emphasisedTies(page)).toEqual(await tiesAmong(page, shown));
  if (step.year === undefined) await expect.poll(() => page.locator(".year-badge").count()).toBe(0);
  else await expect.poll(() => page.locator(".year-badge").textContent()).toBe(`As of ${step.year}`);
  await expect.poll(() => player.locator(".story-body").textContent()).toBe(step.body);
  const citations = await player.locator(".citations > li").allTextContents();
  expect(citations).toHaveLength(step.citations.length);
  step.citations.forEach((c, k) => {
    expect(citations[k]).toContain(sourceTitle.get(c.source));
    expect(citations[k]).toContain(c.locator);
    expect(citations[k]).toContain(c.evidence);
  });
  const hidden = step.focus.filter((id) => !shown.includes(id));
  if (hidden.length) expect(await player.locator(".warning").textContent()).toContain(nameOf(hidden[0]));
  await expect.poll(() => stepParam(page)).toBe(`${story.id}:${index + 1}`);
  if (!step.view?.camera) {
    await expect.poll(() => cameraSettled(page)).toBe(true);
    await expect.poll(() => allOnScreen(page, shown)).toBe(true);
  }
}

describe("stories: the player", () => {
  let page: Page;
  let errors: string[];
  const story = stories[0];

  beforeAll(async () => {
    ({ page, errors } = await openExplorer(e2e));
  });

  it("should list the bundled stories", async () => {
    await openStories(page);
    const list = page.getByRole("region", { name: "Stories" }).locator(".story-list > li");
    await expect.poll(() => list.count()).toBe(stories.length);
    const titles = await list.locator("h3").allTextContents();
    expect(titles).toEqual(stories.map((s) => s.title));
    await screenshot(page, "60-stories-list");
  });

  it("should play a story end to end with the Next button: highlights, ties, year, text and citations per step", async () => {
    await page.getByRole("button", { name: `Play “${story.title}”` }).click();
    let previousCamera = "";
    for (let k = 0; k < story.steps.length; k++) {
      if (k > 0) await page.getByRole("button", { name: "Next →" }).click();
      await expectStep(page, story, k);
      // The camera moved to the step (each step frames its own nodes).
      const camera = JSON.stringify(await inspect(page, (a) => a.camera()));
      expect(camera).not.toBe(previousCamera);
      previousCamera = camera;
      if (k === 0 || story.steps[k].view?.colorBy) await screenshot(page, `61-story-step-${k + 1}`);
    }
    await expect.poll(() => page.getByRole("button", { name: "Next →" }).isDisabled()).toBe(true);
    await screenshot(page, "62-story-last-step");
  });

  it("should step back with the Previous button and the left arrow, and forward with the right arrow", async () => {
    const last = story.steps.length - 1;
    await page.getByRole("button", { name: "← Previous" }).click();
    await expectStep(page, story, last - 1);
    // The focus is on a button, which leaves the arrow keys to the player.
    await page.keyboard.press("ArrowLeft");
    await expectStep(page, story, last - 2);
    await page.keyboard.press("ArrowRight");
    await expectStep(page, story, last - 1);
    // Arrow keys in a text field stay with the field.
    await page.getByRole("combobox", { name: "Search" }).focus();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => stepParam(page)).toBe(`${story.id}:${last}`);
    expect(await highlighted(page)).toEqual(shownFocus(story.steps[last - 1]));
  });

  it("should reopen the same step from its link in a fresh page", async () => {
    const k = 1;
    await page.locator(".story-steps summary").click();
    await page.locator(".story-steps").getByRole("button", { name: story.steps[k].title, exact: true }).click();
    await expectStep(page, story, k);
    const link = page.url();
    expect(new URL(link).search).toBe(`?story=${story.id}&step=${k + 1}`);
    const fresh = await openExplorer(e2e, { query: new URL(link).search });
    await expectStep(fresh.page, story, k);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();
  });

  it("should leave the story and its highlights with ‘All stories’", async () => {
    await page.getByRole("button", { name: "← All stories" }).click();
    await expect.poll(() => highlighted(page)).toEqual([]);
    await expect.poll(() => new URL(page.url()).searchParams.get("story")).toBeNull();
    await expect.poll(() => page.locator(".story-list > li").count()).toBe(stories.length);
    expect(errors).toEqual([]);
  });
});

describe("stories: a step's coalition shapes", () => {
  // The bundled step that turns the coalition shapes on, and the next one, which does not.
  const at = stories
    .flatMap((story) => story.steps.map((step, index) => ({ story, step, index })))
    .find((s) => s.step.view?.shapes === "coalitions" && s.index + 1 < s.story.steps.length)!;

  it("should draw the regions for a step that asks for them, its focus in full, and take them away at the next step", async () => {
    expect(at).toBeDefined();
    const { page, errors } = await openExplorer(e2e, { query: `?story=${at.story.id}&step=${at.index + 1}` });
    try {
      await expectStep(page, at.story, at.index);
      await expect.poll(async () => (await inspect(page, (a) => a.shapes()))?.drawn.regions ?? 0).toBeGreaterThan(0);
      const regions = (await inspect(page, (a) => a.shapes()))!.regions.map((r) => r.id);
      expect(regions).toEqual(expect.arrayContaining(at.step.focus.filter((id) => ["pga", "gcm", "wsfm"].includes(id))));
      // Members the step focuses on are drawn whole, whatever the zoom does to other members.
      for (const id of shownFocus(at.step))
        expect(await page.evaluate((node) => window.__atlas!.display(node), id), id).toMatchObject({
          hidden: false,
          color: expect.stringMatching(/^#/),
        });
      await screenshot(page, "66-story-step-with-coalition-shapes");
      await page.getByRole("button", { name: "Next →" }).click();
      await expectStep(page, at.story, at.index + 1);
      await expect.poll(() => inspect(page, (a) => a.shapes())).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("stories: exercises", () => {
  let page: Page;
  let errors: string[];
  let found: { story: StoryRecord; step: Step; index: number; right: string; wrong: string[] };

  beforeAll(async () => {
    // The first question whose right answer and a wrong focus node (at least) are on the map.
    found = stories
      .flatMap((story) => story.steps.map((step, index) => ({ story, step, index })))
      .filter((at) => at.step.exercise)
      .map((at) => {
        const shown = shownFocus(at.step);
        const answers = at.step.exercise!.answers;
        return { ...at, right: shown.find((id) => answers.includes(id))!, wrong: shown.filter((id) => !answers.includes(id)) };
      })
      .find((at) => at.right && at.wrong.length)!;
    expect(found).toBeDefined();
    ({ page, errors } = await openExplorer(e2e, { query: `?story=${found.story.id}&step=${found.index + 1}` }));
  });

  const feedback = () => page.getByRole("group", { name: "Question" }).locator(".feedback");

  /** The feedback is scrolled into the panel's view, not left below the fold. */
  async function expectInView(locator: ReturnType<typeof feedback>) {
    const height = page.viewportSize()!.height;
    // The box's edges (null: not laid out), so a failure says where it was.
    await expect
      .poll(async () => {
        const box = await locator.boundingBox();
        return box && { top: Math.round(box.y), bottom: Math.round(box.y + box.height), height };
      })
      .toSatisfy((edges) => edges !== null && edges.top >= 0 && edges.bottom <= height);
  }

  it("should pose the step's question", async () => {
    await expectStep(page, found.story, found.index);
    await expect
      .poll(() => page.getByRole("group", { name: "Question" }).locator(".question").textContent())
      .toContain(found.step.exercise!.question);
    expect(await feedback().textContent()).toBe("");
  });

  it("should say a wrong answer clicked on the graph is wrong", async () => {
    await expect.poll(() => cameraSettled(page)).toBe(true);
    // The wrong focus node that stands furthest from any other drawn node, so the click is unambiguous.
    const drawn = await page.evaluate(() => window.__atlas!.visibleNodes().map((id) => [id, window.__atlas!.viewport(id)!] as const));
    const distance = (id: string) => {
      const at = drawn.find(([other]) => other === id)![1];
      return Math.min(...drawn.filter(([other]) => other !== id).map(([, p]) => Math.hypot(p.x - at.x, p.y - at.y)));
    };
    const wrong = found.wrong.sort((x, y) => distance(y) - distance(x))[0];
    const box = (await page.getByTestId("graph-canvas").boundingBox())!;
    const at = drawn.find(([id]) => id === wrong)![1];
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await expect.poll(() => feedback().getAttribute("class")).toBe("feedback wrong");
    const text = await feedback().textContent();
    expect(text).toContain(`Not ${nameOf(wrong)}.`);
    expect(text).toContain(found.step.exercise!.hint ?? "Try again");
    expect(text).not.toContain(found.step.exercise!.explanation);
    await expectInView(feedback());
    await screenshot(page, "63-story-exercise-wrong");
  });

  it("should say the right answer picked in the Network table is right, with the explanation", async () => {
    await page.getByRole("tab", { name: "Table" }).click();
    await page
      .getByRole("table", { name: "Network table" })
      .getByRole("rowheader", { name: nameOf(found.right), exact: true })
      .click();
    // The answer takes the learner back to the question.
    await expect.poll(() => page.getByRole("tab", { name: "Stories" }).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => feedback().getAttribute("class")).toBe("feedback right");
    const text = await feedback().textContent();
    expect(text).toContain(`Right: ${nameOf(found.right)}.`);
    expect(text).toContain(found.step.exercise!.explanation);
    await expectInView(feedback());
    await expect.poll(() => cameraSettled(page)).toBe(true);
    await screenshot(page, "64-story-exercise-right");
  });

  it("should find no serious or critical accessibility violations while playing", async () => {
    expect(await serious(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("stories: authoring", () => {
  let page: Page;
  let errors: string[];
  let exported: string;
  const sourceIds = data.sources.map((s) => s.id);
  // Two of the movement's landmark organisations that the data holds.
  const [first, second] = FOCAL_IDS.filter((id) => data.organisations.some((o) => o.id === id));
  let year: number;

  beforeAll(async () => {
    ({ page, errors } = await openExplorer(e2e));
    page.on("dialog", (dialog) => void dialog.accept());
    await openStories(page);
    await page.getByRole("button", { name: "Write a story" }).click();
  });

  const editor = () => page.getByRole("region", { name: "Story editor" });

  async function writeStep(title: string, text: string, locator: string, evidence: string) {
    await editor().getByLabel("Step title").fill(title);
    await editor().getByLabel("Text", { exact: true }).fill(text);
    await editor().getByLabel("Source", { exact: true }).selectOption(sourceIds[0]);
    await editor().getByLabel("Locator (section, page, table)").fill(locator);
    await editor()
      .getByLabel(/^Evidence/)
      .fill(evidence);
    await editor().getByRole("button", { name: "Add citation" }).click();
  }

  async function exportStory(): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent("download"), editor().getByRole("button", { name: "Export story" }).click()]);
    return readFileSync(await file.path(), "utf8");
  }

  it("should add the current view as a step: selection, year and camera", async () => {
    await editor().getByLabel("Story title").fill("Two networks, one campaign");
    await editor().getByLabel("Summary").fill("A test story written in the browser.");
    await pickFromSearch(page, "Search", nameOf(first), new RegExp(nameOf(first)));
    await expect.poll(() => new URL(page.url()).searchParams.get("sel")).toBe(first);
    await page.getByRole("tab", { name: "Timeline" }).click();
    await page.getByRole("slider", { name: "Year" }).focus();
    await page.getByRole("slider", { name: "Year" }).press("End");
    await page.getByRole("slider", { name: "Year" }).press("ArrowLeft");
    year = Number(await page.getByRole("slider", { name: "Year" }).inputValue());
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe(String(year));
    await openStories(page);
    await editor().getByRole("button", { name: "Add current view as step" }).click();
    await expect.poll(() => editor().getByRole("group", { name: "Step 1" }).count()).toBe(1);
    await expect.poll(() => editor().locator(".chips").first().textContent()).toContain(nameOf(first));
    await writeStep("Where it starts", `${nameOf(first)} in ${year}.`, "Section 1", "The source names it.");
    await screenshot(page, "65-story-editor");
    expect(await serious(page)).toEqual([]);
    await editor().getByRole("button", { name: "Done" }).click();
  });

  it("should add a second step with another view and a question", async () => {
    await pickFromSearch(page, "Search", nameOf(second), new RegExp(nameOf(second)));
    await page.getByRole("tab", { name: "View" }).click();
    await page.getByLabel("Colour by").selectOption("sector");
    await page.getByRole("tab", { name: "Timeline" }).click();
    await page.getByRole("button", { name: "All years" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBeNull();
    await openStories(page);
    await editor().getByRole("button", { name: "Add current view as step" }).click();
    await expect.poll(() => editor().getByRole("group", { name: "Step 2" }).count()).toBe(1);
    await writeStep("Where it goes", `${nameOf(second)} across the years.`, "Section 2", "The source says more.");
    await editor().getByRole("button", { name: "Add a question" }).click();
    await editor()
      .getByLabel("Question", { exact: true })
      .fill(`Which body is ${nameOf(second)}?`);
    await editor()
      .getByRole("button", { name: `+ Add ${nameOf(second)} as a right answer` })
      .click();
    await editor()
      .getByLabel(/^Explanation/)
      .fill("It is the one selected.");
    // Prose fields use the page's font, not the browser's monospace default for textareas.
    const fonts = await editor()
      .getByLabel(/^Explanation/)
      .evaluate((el) => [getComputedStyle(el).fontFamily, getComputedStyle(document.body).fontFamily]);
    expect(fonts[0]).toBe(fonts[1]);
    await editor().getByRole("button", { name: "Done" }).click();
    await expect.poll(() => editor().locator(".problems").count()).toBe(0);
  });

  it("should export a story file that data:check accepts, with what the views held", async () => {
    exported = await exportStory();
    const story = JSON.parse(exported) as StoryRecord;
    // The server's own validation: the file dropped into a copy of data/ (shape and references).
    const dir = mkdtempSync(join(tmpdir(), "atlas-story-export-"));
    for (const name of ["sources", "organisations", "forums", "campaigns", "instruments", "people", "issues", "relationships"])
      writeFileSync(join(dir, `${name}.json`), readFileSync(join(DATA_DIR, `${name}.json`)));
    mkdirSync(join(dir, "stories"));
    writeFileSync(join(dir, "stories", `${story.id}.json`), exported);
    const checked = readDataset(dir).stories;
    expect(checked).toEqual([story]);
    expect(story.id).toBe("two-networks-one-campaign");
    expect(story.steps.map((s) => s.focus)).toEqual([[first], [second]]);
    expect(story.steps[0].year).toBe(year);
    expect(story.steps[0].view?.camera).toBeDefined();
    expect(story.steps[1].year).toBeUndefined();
    expect(story.steps[1].view?.colorBy).toBe("sector");
    expect(story.steps[1].exercise?.answers).toEqual([second]);
  });

  it("should re-import the exported file unchanged", async () => {
    await editor().getByRole("button", { name: "Start over" }).click();
    await expect.poll(() => editor().getByRole("heading", { name: "Steps (0)" }).count()).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), "atlas-story-import-"));
    const path = join(dir, "two-networks-one-campaign.json");
    writeFileSync(path, exported);
    await editor().getByLabel("Open a story file").setInputFiles(path);
    await expect.poll(() => editor().getByRole("heading", { name: "Steps (2)" }).count()).toBe(1);
    const again = await exportStory();
    expect(JSON.parse(again)).toEqual(JSON.parse(exported));
    expect(again).toBe(exported);
  });

  it("should preview the draft with its highlights", async () => {
    const story = JSON.parse(exported) as StoryRecord;
    await editor().getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => highlighted(page)).toEqual([first]);
    await page.getByRole("button", { name: "Next →" }).click();
    await expect.poll(() => highlighted(page)).toEqual([second]);
    // A preview has no link of its own.
    await expect.poll(() => new URL(page.url()).searchParams.get("story")).toBeNull();
    expect(await page.locator(".story-player h3").textContent()).toBe(story.steps[1].title);
    await page.getByRole("button", { name: "← Back to editing" }).click();
    await expect.poll(() => editor().count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe("stories: authoring a what-if step", () => {
  it("should let a teacher pick the nodes a step removes, export them, and play the step's answer", async () => {
    const { page, errors } = await openExplorer(e2e);
    page.on("dialog", (dialog) => void dialog.accept());
    await openStories(page);
    await page.getByRole("button", { name: "Write a story" }).click();
    const editor = page.getByRole("region", { name: "Story editor" });
    await editor.getByLabel("Story title").fill("Without the brokers");
    await editor.getByLabel("Summary").fill("A what-if written in the browser.");
    await pickFromSearch(page, "Search", nameOf("mfa"), new RegExp(nameOf("mfa")));
    await expect.poll(() => new URL(page.url()).searchParams.get("sel")).toBe("mfa");
    // Picking in the search opens Details: back to the editor.
    await openStories(page);
    await editor.getByRole("button", { name: "Add current view as step" }).click();
    await editor.getByLabel("Step title").fill("Take two brokers away");
    await editor.getByLabel("Text", { exact: true }).fill("What the network loses without them.");
    await editor.getByLabel("Source", { exact: true }).selectOption(data.sources[0].id);
    await editor.getByLabel("Locator (section, page, table)").fill("Section 1");
    await editor.getByLabel(/^Evidence/).fill("The source names both.");
    await editor.getByRole("button", { name: "Add citation" }).click();

    // A what-if with nothing removed yet cannot be exported, and says why.
    await editor.getByRole("button", { name: "Add a what-if: remove nodes" }).click();
    await expect.poll(() => editor.locator(".step-problems").textContent()).toContain("needs at least one node id to remove");
    await editor.getByRole("button", { name: `Remove ${nameOf("mfa")} in the what-if` }).click();
    await pickFromSearch(page, "Add a node to remove in step 1", nameOf("gcm"), new RegExp(nameOf("gcm")));
    await editor.getByLabel("Remove the direct members of removed networks too").check();
    await expect.poll(() => editor.locator(".draft-what-if .chips").textContent()).toBe(`${nameOf("mfa")} ×${nameOf("gcm")} ×`);
    await screenshot(page, "69-story-editor-what-if");
    expect(await serious(page)).toEqual([]);
    await editor.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => editor.locator(".problems").count()).toBe(0);

    // The file holds the what-if, and the server's own check accepts it.
    const [download] = await Promise.all([page.waitForEvent("download"), editor.getByRole("button", { name: "Export story" }).click()]);
    const exported = readFileSync(await download.path(), "utf8");
    const story = JSON.parse(exported) as StoryRecord;
    expect(story.steps[0].whatIf).toEqual({ remove: ["mfa", "gcm"], withMembers: true });
    const dir = mkdtempSync(join(tmpdir(), "atlas-story-what-if-"));
    for (const name of ["sources", "organisations", "forums", "campaigns", "instruments", "people", "issues", "relationships"])
      writeFileSync(join(dir, `${name}.json`), readFileSync(join(DATA_DIR, `${name}.json`)));
    mkdirSync(join(dir, "stories"));
    writeFileSync(join(dir, "stories", `${story.id}.json`), exported);
    expect(readDataset(dir).stories).toEqual([story]);

    // Previewed, the step reads out the server's answer for that removal over the step's view.
    const { whatIf } = await api<{ whatIf: { summary: string } }>(
      e2e,
      `query ($filter: NetworkFilter) { whatIf(remove: ["mfa", "gcm"], withMembers: true, filter: $filter) { summary } }`,
      { filter: toNetworkFilter(stepView(story.steps[0]).filters) },
    );
    await editor.getByRole("button", { name: "Preview" }).first().click();
    const player = page.getByRole("article", { name: "Story player" });
    await expect
      .poll(() => player.getByRole("group", { name: "What if" }).locator("[role=status]").textContent(), { timeout: 20_000 })
      .toBe(whatIf.summary);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe("stories: on a phone", () => {
  it("should play a step on a 390-px screen without overflow or serious accessibility violations", async () => {
    const story = stories[0];
    const { page, errors } = await openExplorer(e2e, { query: `?story=${story.id}&step=1`, width: 390, height: 844 });
    await expectStep(page, story, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const next = page.getByRole("button", { name: "Next →" });
    await next.scrollIntoViewIfNeeded();
    const box = (await next.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, "66-story-phone");
    await next.click();
    await expectStep(page, story, 1);
    expect(await serious(page)).toEqual([]);
    await page.getByRole("button", { name: "← All stories" }).click();
    await page.getByRole("button", { name: "Write a story" }).click();
    await page.getByRole("button", { name: "Add current view as step" }).click();
    await screenshot(page, "67-story-editor-phone");
    expect(await serious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("stories: labels in framed steps (issue 15, fix 7)", () => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    it(`should draw no label over another in any step of the bundled stories at ${width} px`, async () => {
      const { page, errors } = await openExplorer(e2e, { query: `?story=${stories[0].id}&step=1`, width, height });
      const player = page.getByRole("article", { name: "Story player" });
      for (const story of stories) {
        await page.goto(`${e2e.baseUrl}/?story=${story.id}&step=1`);
        for (let index = 0; index < story.steps.length; index++) {
          if (index > 0) await player.getByRole("button", { name: "Next →" }).click();
          await expect.poll(() => player.getByRole("heading", { level: 3 }).textContent()).toBe(story.steps[index].title);
          await expect.poll(() => cameraSettled(page)).toBe(true);
          // Labels are re-picked 300 ms after the camera stops.
          await page.waitForTimeout(400);
          const labels = await labelBoxes(page);
          expect(labels.length, `${story.id} step ${index + 1}: some label drawn`).toBeGreaterThan(0);
          expect(overlapping(labels), `${story.id} step ${index + 1}`).toEqual([]);
        }
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }, 300_000);
  }
});

describe("stories: Play on a phone", () => {
  it("should keep the map in view when Play is pressed below it (issue 15, fix 7)", async () => {
    const { page, errors } = await openExplorer(e2e, { width: 390, height: 844 });
    await page.getByRole("tab", { name: "Stories" }).click();
    const play = page.getByRole("button", { name: `Play “${stories[0].title}”` });
    // The button sits below the map: reaching it scrolls the map up.
    await play.scrollIntoViewIfNeeded();
    await play.click();
    await expectStep(page, stories[0], 0);
    await page.waitForTimeout(400);
    const canvas = (await page.getByTestId("graph-canvas").boundingBox())!;
    expect(canvas.y).toBeGreaterThanOrEqual(0);
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(844);
    expect(canvas.height).toBeGreaterThan(150);
    // The step's title is in view too, below the map.
    const title = (await page.getByRole("article", { name: "Story player" }).getByRole("heading", { level: 3 }).boundingBox())!;
    expect(title.y).toBeGreaterThanOrEqual(canvas.y + canvas.height);
    expect(title.y + title.height).toBeLessThanOrEqual(844);
    await screenshot(page, "68-story-play-phone");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
