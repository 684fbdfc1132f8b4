import { describe, expect, it } from "vitest";

import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { checkStories } from "../../server/import/stories.js";
import { parseStoryFile, storySchema, validateStory } from "../../core/story.js";
import type { StoryFile } from "../../web/src/stories/story.js";
import { describeProblem, storyFileName, storyFileText } from "../../web/src/stories/file.js";

const DATA = readDataset(DATA_DIR);
const BUNDLED = DATA.stories as StoryFile[];
const NODES = new Set(
  [DATA.organisations, DATA.forums, DATA.campaigns, DATA.instruments, DATA.people, DATA.issues].flatMap((r) => r.map((x) => x.id)),
);
const SOURCES = new Set(DATA.sources.map((s) => s.id));
const KNOWN = { nodes: NODES, sources: SOURCES };

/** The server's verdict, as data:check gives it: the zod shape, then (if it holds) the id cross-checks. */
function serverPaths(raw: unknown): string[] {
  const parsed = storySchema.safeParse(raw);
  if (!parsed.success) return [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(record)"))].sort();
  return [...new Set(checkStories([parsed.data], NODES, SOURCES, () => "stories/x.json").map((p) => p.field))].sort();
}

function webPaths(raw: unknown): string[] {
  const result = validateStory(raw, KNOWN);
  return result.type === "ok" ? [] : [...new Set(result.problems.map((p) => p.path))].sort();
}

// Broken stories are built by poking at any depth of a parsed file.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** One broken thing at a time, on a copy of the first bundled story, and where data:check and the explorer both report it. */
const BREAKS: [string, (s: Json) => void, string[]][] = [
  ["no type", (s) => delete s.type, ["type"]],
  ["another version", (s) => (s.version = 2), ["version"]],
  ["an id that is not a slug", (s) => (s.id = "Not a slug"), ["id"]],
  ["an empty title", (s) => (s.title = "   "), ["title"]],
  ["a summary too long", (s) => (s.summary = "x".repeat(601)), ["summary"]],
  ["an unknown key", (s) => (s.author = "me"), ["(record)"]],
  ["no steps", (s) => (s.steps = []), ["steps"]],
  ["steps that are not a list", (s) => (s.steps = "one"), ["steps"]],
  ["a step that is not an object", (s) => (s.steps[1] = "step"), ["steps.1"]],
  ["a step without citations", (s) => (s.steps[0].citations = []), ["steps.0.citations"]],
  ["a step with no citations key", (s) => delete s.steps[0].citations, ["steps.0.citations"]],
  ["a citation with an empty locator", (s) => (s.steps[0].citations[0].locator = ""), ["steps.0.citations.0.locator"]],
  ["a citation with evidence too long", (s) => (s.steps[0].citations[0].evidence = "e".repeat(401)), ["steps.0.citations.0.evidence"]],
  ["a citation of an unknown source", (s) => (s.steps[0].citations[0].source = "wikipedia"), ["steps.0.citations.0.source"]],
  ["a citation with an extra key", (s) => (s.steps[0].citations[0].page = 3), ["steps.0.citations.0"]],
  ["an empty focus", (s) => (s.steps[0].focus = []), ["steps.0.focus"]],
  ["an unknown focus id", (s) => s.steps[1].focus.push("atlantis"), ["steps.1.focus.4"]],
  ["a focus id that is not a slug", (s) => (s.steps[1].focus[0] = "MFA!"), ["steps.1.focus.0"]],
  ["a year too early", (s) => (s.steps[0].year = 1700), ["steps.0.year"]],
  ["a year too late", (s) => (s.steps[0].year = 2100), ["steps.0.year"]],
  ["a year with a fraction", (s) => (s.steps[0].year = 2010.5), ["steps.0.year"]],
  ["a year as text", (s) => (s.steps[0].year = "2010"), ["steps.0.year"]],
  ["a body too long", (s) => (s.steps[0].body = "b".repeat(1501)), ["steps.0.body"]],
  ["a step title too long", (s) => (s.steps[0].title = "t".repeat(121)), ["steps.0.title"]],
  ["an unknown colour key", (s) => (s.steps[0].view = { colorBy: "rainbow" }), ["steps.0.view.colorBy"]],
  ["an unknown size key", (s) => (s.steps[0].view = { sizeBy: "height" }), ["steps.0.view.sizeBy"]],
  ["an unknown layout", (s) => (s.steps[0].view = { layout: "circle" }), ["steps.0.view.layout"]],
  [
    "an unknown kind in the filter",
    (s) => (s.steps[0].view = { filter: { kinds: ["ORGANISATION", "PLANET"] } }),
    ["steps.0.view.filter.kinds.1"],
  ],
  ["an unknown filter facet", (s) => (s.steps[0].view = { filter: { colours: [] } }), ["steps.0.view.filter"]],
  ["a filter facet that is not a list", (s) => (s.steps[0].view = { filter: { sectors: "LABOUR" } }), ["steps.0.view.filter.sectors"]],
  ["a camera without a ratio", (s) => (s.steps[0].view = { camera: { x: 0.5, y: 0.5 } }), ["steps.0.view.camera.ratio"]],
  ["a camera with a zero ratio", (s) => (s.steps[0].view = { camera: { x: 0.5, y: 0.5, ratio: 0 } }), ["steps.0.view.camera.ratio"]],
  [
    "a camera angle as text",
    (s) => (s.steps[0].view = { camera: { x: 0.5, y: 0.5, ratio: 1, angle: "0" } }),
    ["steps.0.view.camera.angle"],
  ],
  ["a collapsed network that is not a node", (s) => (s.steps[0].view = { collapsed: ["atlantis"] }), ["steps.0.view.collapsed.0"]],
  ["a view with an extra key", (s) => (s.steps[0].view = { zoom: 2 }), ["steps.0.view"]],
  [
    "a question without answers",
    (s) => (s.steps[0].exercise = { question: "Who?", answers: [], explanation: "Them." }),
    ["steps.0.exercise.answers"],
  ],
  [
    "an answer that is not a node",
    (s) => (s.steps[0].exercise = { question: "Who?", answers: ["atlantis"], explanation: "Them." }),
    ["steps.0.exercise.answers.0"],
  ],
  [
    "a question without an explanation",
    (s) => (s.steps[0].exercise = { question: "Who?", answers: [s.steps[0].focus[0]] }),
    ["steps.0.exercise.explanation"],
  ],
  [
    "an empty hint",
    (s) => (s.steps[0].exercise = { question: "Who?", answers: [s.steps[0].focus[0]], explanation: "Them.", hint: " " }),
    ["steps.0.exercise.hint"],
  ],
  ["two things at once", (s) => ((s.title = ""), (s.steps[1].citations = [])), ["steps.1.citations", "title"]],
];

describe("web story files", () => {
  describe("#validateStory", () => {
    it("should accept every bundled story and give it back as the server parses it", () => {
      expect(BUNDLED.length).toBeGreaterThan(0);
      for (const story of BUNDLED)
        expect(validateStory(structuredClone(story), KNOWN)).toEqual({ type: "ok", story: storySchema.parse(story) });
    });

    it("should trim text as the server does", () => {
      const story = structuredClone(BUNDLED[0]) as Json;
      story.title = `  ${story.title}  `;
      story.steps[0].citations[0].evidence = ` ${story.steps[0].citations[0].evidence}\n`;
      const web = validateStory(story, KNOWN);
      expect(web.type === "ok" && web.story).toEqual(storySchema.parse(story));
    });

    it.each(BREAKS)("should reject %s where data:check does, at the same place", (_, breakIt, expected) => {
      const story = structuredClone(BUNDLED[0]) as Json;
      breakIt(story);
      expect(serverPaths(story)).toEqual(expected);
      expect(webPaths(story)).toEqual(expected);
    });

    it("should accept an exercise with a hint, and a view with every part, as the server does", () => {
      const story = structuredClone(BUNDLED[0]) as Json;
      const id = story.steps[0].focus[0];
      story.steps[0].view = {
        filter: { kinds: ["ORGANISATION"], sectors: ["LABOUR"] },
        collapsed: [id],
        colorBy: "sector",
        sizeBy: "pagerank",
        layout: "sectors",
        camera: { x: 0.1, y: 0.2, ratio: 0.3, angle: 1 },
      };
      story.steps[0].exercise = { question: "Who?", answers: [id], explanation: "Them.", hint: "Look." };
      expect(serverPaths(story)).toEqual([]);
      expect(validateStory(story, KNOWN)).toEqual({ type: "ok", story: storySchema.parse(story) });
    });

    it("should check only the shape without the atlas's ids", () => {
      const story = structuredClone(BUNDLED[0]) as Json;
      story.steps[0].focus = ["atlantis"];
      expect(validateStory(story).type).toBe("ok");
      expect(validateStory(story, KNOWN).type).toBe("invalid");
    });
  });

  describe("#parseStoryFile", () => {
    it("should read what storyFileText writes", () => {
      const story = BUNDLED[0];
      const text = storyFileText(story);
      expect(text.endsWith("}\n")).toBe(true);
      expect(parseStoryFile(text, KNOWN)).toEqual({ type: "ok", story });
      expect(storyFileName(story)).toBe(`${story.id}.json`);
    });

    it("should say a file is not JSON", () => {
      const result = parseStoryFile("{ not json", KNOWN);
      expect(result.type === "invalid" && result.problems[0]).toMatchObject({
        path: "(file)",
        message: expect.stringContaining("not valid JSON"),
      });
    });
  });

  describe("#describeProblem", () => {
    it("should name steps, citations and answers from 1", () => {
      expect(describeProblem({ path: "steps.1.citations.0.source", message: "unknown source 'x'" })).toBe(
        "Step 2 › citation 1 › source: unknown source 'x'",
      );
      expect(describeProblem({ path: "steps.0.exercise.answers.2", message: "m" })).toBe("Step 1 › exercise › answer 3: m");
      expect(describeProblem({ path: "(record)", message: "must be an object" })).toBe("story: must be an object");
    });
  });
});
