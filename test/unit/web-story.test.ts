import { describe, expect, it } from "vitest";

import { DATA_DIR } from "../../server/db/open.js";
import { readDataset } from "../../server/import/read-dataset.js";
import { createDataset } from "../../core/dataset.js";
import { computeView, tiesAmong } from "../../web/src/graph/view.js";
import { type AtlasState, getEmptyAtlasState, selectNode, setEmphasis } from "../../web/src/state/atlas.js";
import { DEFAULT_FILTERS, getAllFilters } from "../../web/src/state/filters.js";
import {
  type ApiStory,
  checkAnswer,
  closeStory,
  showStoryStep,
  stepLink,
  stepView,
  type StoryFile,
  storyFromApi,
} from "../../web/src/stories/story.js";
import { decodeState, toQueryString } from "../../web/src/state/url.js";
import { compactFixture } from "./_web-fixture.js";

const BUNDLED = readDataset(DATA_DIR).stories as StoryFile[];

const citation = { source: "piper-2015", locator: "p. 1", evidence: "It says so." };

/** A story over the unit fixture: MFA and the ITUC partner from 2010; the IDWF starts in 2013. */
const STORY: StoryFile = {
  type: "coalition-atlas/story",
  version: 1,
  id: "fixture-story",
  title: "Fixture",
  summary: "Two steps.",
  steps: [
    {
      title: "2010",
      body: "Partners.",
      focus: ["mfa", "ituc", "idwf"],
      year: 2010,
      view: { filter: { kinds: ["ORGANISATION"] } },
      citations: [citation],
    },
    {
      title: "Later",
      body: "Sectors.",
      focus: ["idwf", "domestic-work", "no-such-node"],
      // An empty filter shows every kind, issues included.
      view: { filter: {}, colorBy: "sector", layout: "sectors", shapes: "coalitions", camera: { x: 0.4, y: 0.6, ratio: 0.3 } },
      citations: [citation],
      exercise: { question: "Who?", answers: ["idwf"], explanation: "The IDWF." },
    },
  ],
};

/** The story as GraphQL answers it: every optional field present and null, citation sources as objects. */
function asApi(story: StoryFile): ApiStory {
  const orNull = <T>(v: T | undefined) => (v === undefined ? null : v);
  const facets = ["kinds", "types", "sectors", "scopes", "regions", "relationshipTypes"] as const;
  return {
    id: story.id,
    title: story.title,
    summary: story.summary,
    steps: story.steps.map((s) => ({
      title: s.title,
      body: s.body,
      focus: s.focus,
      year: orNull(s.year),
      view: s.view
        ? {
            filter: s.view.filter ? Object.fromEntries(facets.map((f) => [f, orNull(s.view!.filter![f])])) : null,
            collapsed: orNull(s.view.collapsed),
            colorBy: orNull(s.view.colorBy),
            sizeBy: orNull(s.view.sizeBy),
            layout: orNull(s.view.layout),
            shapes: orNull(s.view.shapes),
            camera: s.view.camera ? { ...s.view.camera, angle: orNull(s.view.camera.angle) } : null,
          }
        : null,
      citations: s.citations.map((c) => ({ source: { id: c.source }, locator: c.locator, evidence: c.evidence })),
      exercise: s.exercise ? { ...s.exercise, hint: orNull(s.exercise.hint) } : null,
      whatIf: s.whatIf ? { ...s.whatIf, withMembers: orNull(s.whatIf.withMembers) } : null,
    })),
  };
}

describe("web stories", () => {
  describe("#storyFromApi", () => {
    it("should give back every bundled story exactly as its file, key order included", () => {
      expect(BUNDLED.length).toBeGreaterThan(0);
      for (const story of BUNDLED) expect(JSON.stringify(storyFromApi(asApi(story)))).toBe(JSON.stringify(story));
    });

    it("should drop the nulls of absent fields", () => {
      const story = storyFromApi(asApi(STORY));
      expect(story.steps[0]).not.toHaveProperty("exercise");
      expect(story.steps[1]).not.toHaveProperty("year");
      expect(story.steps[1].view?.camera).toEqual({ x: 0.4, y: 0.6, ratio: 0.3 });
      expect(story.steps[0].view?.filter).toEqual({ kinds: ["ORGANISATION"] });
    });
  });

  describe("#stepView", () => {
    it("should use the opening filters, appearance and layout when a step sets none", () => {
      const view = stepView({ title: "t", body: "b", focus: ["mfa"], citations: [citation] });
      expect(view).toEqual({
        filters: DEFAULT_FILTERS,
        collapsed: [],
        appearance: { colorBy: "category", sizeBy: "degree" },
        layout: "force",
        shapes: "none",
        year: null,
      });
    });

    it("should show every value of a facet the step's filter leaves out", () => {
      const view = stepView(STORY.steps[0]);
      // Every facet but kinds (the registry's whole list, so a new facet needs no edit here) shows every value.
      expect(view.filters).toEqual({ ...getAllFilters(), kinds: ["ORGANISATION"] });
      expect(view.year).toBe(2010);
    });
  });

  describe("#showStoryStep", () => {
    const dataset = createDataset(compactFixture());
    const opening = (): AtlasState => ({ ...getEmptyAtlasState(), selectedId: "ilo", revealed: ["ilo"], datedOnly: true });

    it("should set the step's view and year, clear the selection, and emphasise its nodes and the ties among them", () => {
      const state = showStoryStep(STORY, 0, dataset)(opening());
      expect(state.story).toEqual({ id: "fixture-story", step: 0, draft: false });
      expect(state.filters.kinds).toEqual(["ORGANISATION"]);
      expect(state.year).toBe(2010);
      expect(state).toMatchObject({ selectedId: null, revealed: [], datedOnly: false, layout: "force", shapes: "none" });
      expect(state.emphasis).toEqual({ type: "story", nodes: ["mfa", "ituc", "idwf"], edges: ["partners_with:mfa:ituc"], camera: null });
      // The IDWF (from 2013) is emphasised but stays out of the 2010 view.
      expect(Boolean(computeView(dataset, state).nodeVisible[dataset.index.get("idwf")!])).toBe(false);
    });

    it("should carry the step's appearance, layout, coalition shapes and camera, and leave out ids the graph does not have", () => {
      const state = showStoryStep(STORY, 1, dataset, { draft: true })(opening());
      expect(state.shapes).toBe("coalitions");
      expect(state.story).toEqual({ id: "fixture-story", step: 1, draft: true });
      expect(state.appearance).toEqual({ colorBy: "sector", sizeBy: "degree" });
      expect(state.layout).toBe("sectors");
      expect(state.year).toBeNull();
      expect(state.emphasis).toMatchObject({
        type: "story",
        nodes: ["idwf", "domestic-work"],
        camera: { x: 0.4, y: 0.6, ratio: 0.3, angle: 0 },
      });
      expect(state.emphasis.type === "story" && state.emphasis.edges).toEqual(["works_on:idwf:domestic-work"]);
    });

    it("should turn the shapes off again for a step that does not ask for them, and keep the collapsed networks of a step", () => {
      const story: StoryFile = {
        ...STORY,
        steps: [{ ...STORY.steps[1], view: { ...STORY.steps[1].view, collapsed: ["mfa"] } }, STORY.steps[0]],
      };
      const first = showStoryStep(story, 0, dataset)(opening());
      expect(first).toMatchObject({ shapes: "coalitions", collapsed: ["mfa"] });
      expect(showStoryStep(story, 1, dataset)(first)).toMatchObject({ shapes: "none", collapsed: [] });
    });

    it("should clamp the step to the story", () => {
      expect(showStoryStep(STORY, 99, dataset)(opening()).story?.step).toBe(1);
      expect(showStoryStep(STORY, -3, dataset)(opening()).story?.step).toBe(0);
    });

    it("should keep unchanged parts of the view as they were", () => {
      const once = showStoryStep(STORY, 0, dataset)(opening());
      const twice = showStoryStep(STORY, 0, dataset)(once);
      expect(twice.filters).toBe(once.filters);
      expect(twice.collapsed).toBe(once.collapsed);
      expect(twice.appearance).toBe(once.appearance);
    });
  });

  describe("#tiesAmong", () => {
    it("should list only the visible ties with both ends in the set", () => {
      const dataset = createDataset(compactFixture());
      const all = computeView(dataset, { filters: { ...DEFAULT_FILTERS, kinds: null }, year: null, collapsed: [], revealed: [] });
      expect(tiesAmong(dataset, all, ["mfa", "caram-asia", "domestic-work"]).sort()).toEqual(
        ["member_of:caram-asia:mfa", "works_on:caram-asia:domestic-work", "works_on:mfa:domestic-work"].sort(),
      );
      const in2007 = computeView(dataset, { filters: { ...DEFAULT_FILTERS, kinds: null }, year: 2007, collapsed: [], revealed: [] });
      expect(tiesAmong(dataset, in2007, ["mfa", "ituc"])).toEqual([]);
    });
  });

  describe("#closeStory", () => {
    const dataset = createDataset(compactFixture());

    it("should leave the story and its emphasis, keeping the view", () => {
      const playing = showStoryStep(STORY, 0, dataset)(getEmptyAtlasState());
      const closed = closeStory()(playing);
      expect(closed.story).toBeNull();
      expect(closed.emphasis).toEqual({ type: "none" });
      expect(closed.filters).toBe(playing.filters);
      expect(closed.year).toBe(2010);
    });

    it("should keep a path's emphasis and change nothing when no story plays", () => {
      const path = setEmphasis({ type: "path", nodes: ["mfa", "ituc"], edges: [] })({
        ...getEmptyAtlasState(),
        story: { id: "x", step: 0, draft: false },
      });
      expect(closeStory()(path).emphasis).toBe(path.emphasis);
      const idle = getEmptyAtlasState();
      expect(closeStory()(idle)).toBe(idle);
    });
  });

  describe("#checkAnswer", () => {
    it("should accept any of the answers and nothing else", () => {
      const exercise = { question: "?", answers: ["gcm", "pga"], explanation: "." };
      expect(checkAnswer(exercise, "pga")).toEqual({ type: "right" });
      expect(checkAnswer(exercise, "gcm")).toEqual({ type: "right" });
      expect(checkAnswer(exercise, "mfa")).toEqual({ type: "wrong" });
    });
  });

  describe("step links", () => {
    const playing = (state: AtlasState) => ({ ...state, story: { id: "c189-to-idwf", step: 2, draft: false } });

    it("should write a 1-based step link", () => {
      expect(stepLink("https://atlas.test/", "c189-to-idwf", 2)).toBe("https://atlas.test/?story=c189-to-idwf&step=3");
    });

    it("should put only the story and step in the address bar while a story plays", () => {
      const state = playing(selectNode("mfa")({ ...getEmptyAtlasState(), year: 2010, layout: "sectors" }));
      expect(toQueryString(state)).toBe("?story=c189-to-idwf&step=3");
    });

    it("should keep a draft's preview out of the link", () => {
      const state = { ...getEmptyAtlasState(), year: 2010, story: { id: "draft", step: 0, draft: true } };
      expect(toQueryString(state)).toBe("?year=2010");
    });

    it("should read the story and step back from a link, and ignore a bad one", () => {
      expect(decodeState(new URLSearchParams("?story=c189-to-idwf&step=3")).story).toEqual({ id: "c189-to-idwf", step: 2, draft: false });
      expect(decodeState(new URLSearchParams("?story=c189-to-idwf")).story?.step).toBe(0);
      expect(decodeState(new URLSearchParams("?story=c189-to-idwf&step=zero")).story?.step).toBe(0);
      expect(decodeState(new URLSearchParams("?story=Not%20an%20id&step=2")).story).toBeNull();
    });
  });
});
