import { describe, expect, it } from "vitest";

import * as storyFormat from "../../core/story.js";
import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { type AtlasState, getEmptyAtlasState } from "../../web/src/state/atlas.js";
import { DEFAULT_FILTERS } from "../../web/src/state/filters.js";
import type { StoryFile } from "../../web/src/stories/story.js";
import {
  addDraftStep,
  addStepCitation,
  addStepFocus,
  addStepWhatIfNode,
  draftFromStory,
  draftProblems,
  type DraftStep,
  dropStepCamera,
  getEmptyDraft,
  moveDraftStep,
  recaptureStepView,
  removeDraftStep,
  removeStepCitation,
  removeStepFocus,
  removeStepWhatIfNode,
  reviveDraft,
  setDraftField,
  setStepExercise,
  setStepWhatIf,
  setStepWhatIfMembers,
  slugify,
  stepFromView,
  type StoryDraft,
  toStoryFile,
  uncapturedParts,
  updateDraftStep,
} from "../../web/src/stories/draft.js";

const DATA = readDataset(DATA_DIR);
const BUNDLED = DATA.stories as StoryFile[];
const KNOWN = {
  nodes: new Set(
    [DATA.organisations, DATA.forums, DATA.campaigns, DATA.instruments, DATA.people, DATA.issues].flatMap((r) => r.map((x) => x.id)),
  ),
  sources: new Set(DATA.sources.map((s) => s.id)),
};

const camera = { x: 0.123456, y: 0.654321, ratio: 0.5, angle: 0 };
const citation = { source: DATA.sources[0].id, locator: " p. 3 ", evidence: " The paper says so. " };

function explorer(patch: Partial<AtlasState> = {}): AtlasState {
  return { ...getEmptyAtlasState(), ...patch };
}

function step(patch: Partial<DraftStep> = {}): DraftStep {
  return { ...stepFromView(explorer({ selectedId: "mfa" }), null), title: "A step", body: "Its text.", citations: [citation], ...patch };
}

describe("web story drafts", () => {
  describe("#stepFromView", () => {
    it("should take the selection, year, filters, appearance, layout and rounded camera", () => {
      const s = stepFromView(
        explorer({ selectedId: "mfa", year: 2010, appearance: { colorBy: "sector", sizeBy: "degree" }, layout: "sectors" }),
        camera,
      );
      expect(s).toEqual({
        title: "",
        body: "",
        focus: ["mfa"],
        year: 2010,
        view: {
          filter: { kinds: DEFAULT_FILTERS.kinds },
          colorBy: "sector",
          layout: "sectors",
          camera: { x: 0.1235, y: 0.6543, ratio: 0.5 },
        },
        citations: [],
        exercise: null,
      });
    });

    it("should focus what is emphasised (a path, a story step) rather than the selection", () => {
      const state = explorer({ selectedId: "ilo", emphasis: { type: "path", nodes: ["mfa", "gcm", "mfa"], edges: [] } });
      expect(stepFromView(state, null).focus).toEqual(["mfa", "gcm"]);
      expect(stepFromView(explorer(), null).focus).toEqual([]);
    });

    it("should record the coalition shapes when they are on, and nothing of them when off", () => {
      expect(stepFromView(explorer({ shapes: "coalitions", collapsed: ["gcm", "pga"] }), null).view).toMatchObject({
        shapes: "coalitions",
        collapsed: ["gcm", "pga"],
      });
      expect(stepFromView(explorer(), null).view).not.toHaveProperty("shapes");
    });

    it("should write an empty filter for a view that shows everything, and the angle when turned", () => {
      const s = stepFromView(explorer({ filters: { ...DEFAULT_FILTERS, kinds: null }, collapsed: ["mfa"] }), { ...camera, angle: 0.5 });
      expect(s.view).toEqual({ filter: {}, collapsed: ["mfa"], camera: { x: 0.1235, y: 0.6543, ratio: 0.5, angle: 0.5 } });
    });
  });

  describe("#uncapturedParts", () => {
    it("should name what a step cannot hold", () => {
      expect(uncapturedParts(explorer())).toEqual([]);
      expect(uncapturedParts(explorer({ revealed: ["mfa"], datedOnly: true }))).toHaveLength(2);
    });
  });

  describe("producers", () => {
    const two = (): StoryDraft =>
      addDraftStep(step({ title: "Two", focus: ["gcm"] }))(addDraftStep(step({ title: "One" }))(getEmptyDraft()));

    it("should add, edit, move and remove steps", () => {
      let draft = two();
      expect(draft.steps.map((s) => s.title)).toEqual(["One", "Two"]);
      draft = updateDraftStep(1, { title: "Second" })(draft);
      draft = moveDraftStep(1, -1)(draft);
      expect(draft.steps.map((s) => s.title)).toEqual(["Second", "One"]);
      draft = removeDraftStep(0)(draft);
      expect(draft.steps.map((s) => s.title)).toEqual(["One"]);
    });

    it("should return the same draft when nothing changes", () => {
      const draft = two();
      expect(moveDraftStep(0, -1)(draft)).toBe(draft);
      expect(removeDraftStep(5)(draft)).toBe(draft);
      expect(updateDraftStep(7, { title: "x" })(draft)).toBe(draft);
      expect(addStepFocus(0, "mfa")(draft)).toBe(draft);
      expect(removeStepFocus(0, "ilo")(draft)).toBe(draft);
      expect(setDraftField("title", "")(draft)).toBe(draft);
      expect(dropStepCamera(0)(draft)).toBe(draft);
    });

    it("should add and remove focus nodes and citations", () => {
      let draft = addStepFocus(0, "gcm")(two());
      expect(draft.steps[0].focus).toEqual(["mfa", "gcm"]);
      draft = removeStepFocus(0, "mfa")(draft);
      expect(draft.steps[0].focus).toEqual(["gcm"]);
      draft = addStepCitation(0, { ...citation, locator: "p. 9" })(draft);
      draft = removeStepCitation(0, 0)(draft);
      expect(draft.steps[0].citations.map((c) => c.locator)).toEqual(["p. 9"]);
    });

    it("should set and clear a question", () => {
      const exercise = { question: "Who?", answers: ["mfa"], explanation: "MFA.", hint: "" };
      const draft = setStepExercise(1, exercise)(two());
      expect(draft.steps[1].exercise).toEqual(exercise);
      expect(setStepExercise(1, null)(draft).steps[1].exercise).toBeNull();
    });

    it("should make a step a what-if, pick the nodes it removes, and make it an ordinary step again", () => {
      let draft = setStepWhatIf(0, { remove: [] })(two());
      expect(draft.steps[0].whatIf).toEqual({ remove: [] });
      // Nothing removed yet: the file would be refused, naming the step's what-if.
      expect(draftProblems(storyFormat, { ...draft, title: "t", summary: "s" }, KNOWN).map((p) => p.path)).toEqual([
        "steps.0.whatIf.remove",
      ]);
      draft = addStepWhatIfNode(0, "mfa")(draft);
      draft = addStepWhatIfNode(0, "gcm")(draft);
      expect(addStepWhatIfNode(0, "gcm")(draft)).toBe(draft);
      draft = setStepWhatIfMembers(0, true)(draft);
      expect(toStoryFile(draft).steps[0].whatIf).toEqual({ remove: ["mfa", "gcm"], withMembers: true });
      expect(draftProblems(storyFormat, { ...draft, title: "t", summary: "s" }, KNOWN)).toEqual([]);
      draft = setStepWhatIfMembers(0, false)(removeStepWhatIfNode(0, "mfa")(draft));
      expect(toStoryFile(draft).steps[0].whatIf).toEqual({ remove: ["gcm"] });
      // Picking a node to remove in an ordinary step makes it a what-if.
      expect(addStepWhatIfNode(1, "ilo")(draft).steps[1].whatIf).toEqual({ remove: ["ilo"] });
      draft = setStepWhatIf(0, null)(draft);
      expect(draft.steps[0]).not.toHaveProperty("whatIf");
      expect(toStoryFile(draft).steps[0]).not.toHaveProperty("whatIf");
      expect(setStepWhatIf(0, null)(draft)).toBe(draft);
    });

    it("should re-capture a step's view and drop its camera, keeping text and focus", () => {
      let draft = recaptureStepView(0, explorer({ year: 2006, selectedId: "ilo" }), camera)(two());
      expect(draft.steps[0]).toMatchObject({ title: "One", focus: ["mfa"], year: 2006, view: { camera: { x: 0.1235 } } });
      draft = dropStepCamera(0)(draft);
      expect(draft.steps[0].view).not.toHaveProperty("camera");
    });
  });

  describe("#toStoryFile", () => {
    it("should write the data/stories format: trimmed text, the id from the title, nothing empty", () => {
      const draft: StoryDraft = {
        id: "",
        title: "  Winning C189!  ",
        summary: " How. ",
        steps: [
          step({ year: null, view: {} }),
          step({
            focus: ["gcm", "gcm"],
            year: 2011,
            exercise: { question: " Who? ", answers: ["gcm", "gcm"], explanation: " GCM. ", hint: " " },
          }),
        ],
      };
      expect(toStoryFile(draft)).toEqual({
        type: "coalition-atlas/story",
        version: 1,
        id: "winning-c189",
        title: "Winning C189!",
        summary: "How.",
        steps: [
          {
            title: "A step",
            body: "Its text.",
            focus: ["mfa"],
            citations: [{ source: citation.source, locator: "p. 3", evidence: "The paper says so." }],
          },
          {
            title: "A step",
            body: "Its text.",
            focus: ["gcm"],
            year: 2011,
            view: { filter: { kinds: DEFAULT_FILTERS.kinds } },
            citations: [{ source: citation.source, locator: "p. 3", evidence: "The paper says so." }],
            exercise: { question: "Who?", answers: ["gcm"], explanation: "GCM." },
          },
        ],
      });
    });

    it("should give back every bundled story unchanged after a round through the editor", () => {
      expect(BUNDLED.length).toBeGreaterThan(0);
      for (const story of BUNDLED) expect(JSON.stringify(toStoryFile(draftFromStory(story)))).toBe(JSON.stringify(story));
    });
  });

  describe("#draftProblems", () => {
    it("should have none for a complete draft whose ids exist", () => {
      const draft: StoryDraft = { id: "", title: "A story", summary: "About it.", steps: [step()] };
      expect(draftProblems(storyFormat, draft, KNOWN)).toEqual([]);
    });

    it("should name what data:check would reject", () => {
      const draft: StoryDraft = { id: "Bad Id", title: "", summary: "s", steps: [step({ citations: [], focus: [] })] };
      expect(
        draftProblems(storyFormat, draft)
          .map((p) => p.path)
          .sort(),
      ).toEqual(["id", "steps.0.citations", "steps.0.focus", "title"]);
      expect(draftProblems(storyFormat, { ...getEmptyDraft(), title: "t", summary: "s" }).map((p) => p.path)).toEqual(["steps"]);
    });

    it("should name ids the atlas does not have", () => {
      const draft: StoryDraft = { id: "", title: "A story", summary: "About it.", steps: [step({ focus: ["mfa", "atlantis"] })] };
      expect(draftProblems(storyFormat, draft, KNOWN)).toEqual([{ path: "steps.0.focus.1", message: "unknown node id 'atlantis'" }]);
    });
  });

  describe("#reviveDraft", () => {
    it("should read a stored draft back as it was", () => {
      const draft = setStepExercise(0, { question: "Q", answers: ["mfa"], explanation: "E", hint: "" })(
        addDraftStep(step())(getEmptyDraft()),
      );
      expect(reviveDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
      // A what-if still being written (nothing removed yet) too.
      const writing = setStepWhatIf(0, { remove: [] })(draft);
      expect(reviveDraft(JSON.parse(JSON.stringify(writing)))).toEqual(writing);
    });

    it("should make an empty draft, or empty fields, of anything else", () => {
      expect(reviveDraft(null)).toEqual(getEmptyDraft());
      expect(reviveDraft("text")).toEqual(getEmptyDraft());
      expect(reviveDraft({ title: 3, steps: [null, { focus: ["mfa", 2] }] })).toEqual({
        id: "",
        title: "",
        summary: "",
        steps: [{ title: "", body: "", focus: ["mfa"], year: null, view: {}, citations: [], exercise: null }],
      });
    });
  });

  describe("#slugify", () => {
    it("should make a lower-case slug", () => {
      expect(slugify("Winning C189: the Domestic Workers’ Convention!")).toBe("winning-c189-the-domestic-workers-convention");
      expect(slugify("Migrações e sindicatos")).toBe("migracoes-e-sindicatos");
      expect(slugify("!!!")).toBe("");
    });
  });
});
