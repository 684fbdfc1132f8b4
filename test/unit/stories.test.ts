import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { storyViewSchema } from "../../core/story.js";
import { COLOR_MODES, LAYOUT_MODES, SIZE_MODES } from "../../core/view-modes.js";
import { DataValidationError } from "../../server/import/validate.js";

const DATA_FILES = ["sources", "organisations", "forums", "campaigns", "instruments", "people", "issues", "relationships"];

/** A copy of the bundled data with one story file, to break one thing at a time. */
function dataWithStory(story: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-stories-"));
  for (const f of DATA_FILES) writeFileSync(join(dir, `${f}.json`), readFileSync(join(DATA_DIR, `${f}.json`)));
  mkdirSync(join(dir, "stories"));
  writeFileSync(join(dir, "stories", "test.json"), JSON.stringify(story));
  return dir;
}

const citation = { source: "piper-2015", locator: "Introduction", evidence: "The paper says so." };

function validStory() {
  return {
    type: "coalition-atlas/story",
    version: 1,
    id: "test-story",
    title: "A test story",
    summary: "Two steps.",
    steps: [
      { title: "Start", body: "The PGA.", focus: ["pga"], year: 2010, citations: [citation] },
      {
        title: "Question",
        body: "Who?",
        focus: ["gcm", "pga"],
        citations: [citation],
        exercise: { question: "Which body grew out of the PGA?", answers: ["gcm"], explanation: "The GCM did." },
      },
    ],
  };
}

function problemsOf(dir: string) {
  try {
    readDataset(dir);
  } catch (error) {
    if (error instanceof DataValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected the stories to be invalid");
}

describe("story validation", () => {
  it("should accept a valid story alongside the bundled data", () => {
    const data = readDataset(dataWithStory(validStory()));
    expect(data.stories.map((s) => s.id)).toEqual(["test-story"]);
    expect(data.stories[0].steps[1].exercise?.answers).toEqual(["gcm"]);
  });

  it("should name the step and field of an unknown focus id", () => {
    const story = validStory();
    story.steps[1].focus = ["gcm", "no-such-body"];
    expect(problemsOf(dataWithStory(story))).toContainEqual({
      file: "stories/test.json",
      record: "test-story",
      field: "steps.1.focus.1",
      message: "unknown node id 'no-such-body'",
    });
  });

  it("should reject an exercise answer that is not a node", () => {
    const story = validStory();
    story.steps[1].exercise!.answers = ["nobody"];
    expect(problemsOf(dataWithStory(story))).toContainEqual(expect.objectContaining({ field: "steps.1.exercise.answers.0" }));
  });

  it("should reject a step without citations", () => {
    const story = validStory();
    story.steps[0].citations = [];
    expect(problemsOf(dataWithStory(story))).toContainEqual(
      expect.objectContaining({
        file: "stories/test.json",
        field: "steps.0.citations",
        message: expect.stringContaining("at least one citation"),
      }),
    );
  });

  it("should reject a citation of an unknown source", () => {
    const story = validStory();
    story.steps[0].citations = [{ ...citation, source: "wikipedia" }];
    expect(problemsOf(dataWithStory(story))).toContainEqual(expect.objectContaining({ field: "steps.0.citations.0.source" }));
  });

  it("should reject an unknown appearance key", () => {
    const story = validStory();
    (story.steps[0] as Record<string, unknown>).view = { colorBy: "rainbow" };
    expect(problemsOf(dataWithStory(story))).toContainEqual(expect.objectContaining({ field: "steps.0.view.colorBy" }));
  });

  it("should reject a collapsed network that is not a node", () => {
    const story = validStory();
    (story.steps[0] as Record<string, unknown>).view = { collapsed: ["nowhere"] };
    expect(problemsOf(dataWithStory(story))).toContainEqual(expect.objectContaining({ field: "steps.0.view.collapsed.0" }));
  });

  it("should accept every appearance and layout key of the explorer, and no other", () => {
    for (const view of [
      ...COLOR_MODES.map((colorBy) => ({ colorBy })),
      ...SIZE_MODES.map((sizeBy) => ({ sizeBy })),
      ...LAYOUT_MODES.map((layout) => ({ layout })),
    ]) {
      expect(storyViewSchema.safeParse(view).success).toBe(true);
    }
    const story = validStory();
    (story.steps[0] as Record<string, unknown>).view = { colorBy: "rainbow", sizeBy: "height", layout: "circle" };
    expect(
      problemsOf(dataWithStory(story))
        .map((p) => p.field)
        .sort(),
    ).toEqual(["steps.0.view.colorBy", "steps.0.view.layout", "steps.0.view.sizeBy"]);
  });

  it("should reject a file without the story type and version", () => {
    const { type: _type, ...story } = validStory();
    expect(problemsOf(dataWithStory(story))).toContainEqual(expect.objectContaining({ field: "type" }));
  });
});
