/**
 * Teaching stories in the explorer: the story file format (what data/stories/*.json holds and what
 * "Export story" downloads), the API's answer turned back into that format, and the producer that
 * shows one step (its view, year, emphasis and framing). Pure, tested in Node.
 */
import { type AtlasDataset, computeView, tiesAmong } from "../graph";
import { type AppearanceState, type AtlasState, DEFAULT_APPEARANCE } from "../state/atlas";
import { DEFAULT_FILTERS, everyFacet, FILTER_FACET_KEYS, type FiltersState, normaliseFacet, sameFilters } from "../state/filters";
import { STORY_FILE_TYPE, STORY_FILE_VERSION } from "../../../core/story-format";
import type { StoryCamera, StoryExercise, StoryFile, StoryFilter, StoryStep, StoryView, StoryWhatIf } from "../../../core/story";
import type { Producer } from "../state/store";

// The file format is core/story.ts (one zod schema with the server); only its types are imported
// here, so zod loads when a file is opened or exported, not with the first frame.
export { STORY_FILE_TYPE, STORY_FILE_VERSION } from "../../../core/story-format";
export type {
  StoryCamera,
  StoryCitation,
  StoryExercise,
  StoryFile,
  StoryFilter,
  StoryStep,
  StoryView,
  StoryWhatIf,
} from "../../../core/story";

// ── the API's answer → the file format ─────────────────────────────────────────────────────────

type Nullable<T> = { [K in keyof T]?: T[K] | null };

export interface ApiStory {
  id: string;
  title: string;
  summary: string;
  steps: (Omit<Nullable<StoryStep>, "view" | "citations" | "exercise" | "whatIf"> & {
    title: string;
    body: string;
    focus: string[];
    // The schema serves colorBy, sizeBy, layout and shapes as plain strings (checked when the story was loaded).
    view?:
      | (Omit<Nullable<StoryView>, "filter" | "camera" | "colorBy" | "sizeBy" | "layout" | "shapes"> & {
          colorBy?: string | null;
          sizeBy?: string | null;
          layout?: string | null;
          shapes?: string | null;
          filter?: Nullable<StoryFilter> | null;
          camera?: Nullable<StoryCamera> | null;
        })
      | null;
    citations: { source: { id: string }; locator: string; evidence: string }[];
    exercise?: Nullable<StoryExercise> | null;
    whatIf?: Nullable<StoryWhatIf> | null;
  })[];
}

/** Copies the keys whose value is set, in the given order (GraphQL answers null for absent fields). */
function present<T extends object>(source: Partial<Record<keyof T, unknown>>, keys: (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== null && value !== undefined) out[key] = value as T[keyof T];
  }
  return out as T;
}

const VIEW_KEYS: (keyof StoryView)[] = ["filter", "collapsed", "colorBy", "sizeBy", "layout", "shapes", "camera"];

/** A story as GraphQL serves it, back in the file format (key order and all), so it compares with the file. */
export function storyFromApi(api: ApiStory): StoryFile {
  return {
    type: STORY_FILE_TYPE,
    version: STORY_FILE_VERSION,
    id: api.id,
    title: api.title,
    summary: api.summary,
    steps: api.steps.map((s) => {
      const view = s.view
        ? present<StoryView>(
            {
              ...s.view,
              filter: s.view.filter ? present<StoryFilter>(s.view.filter, FILTER_FACET_KEYS) : null,
              camera: s.view.camera ? present<StoryCamera>(s.view.camera, ["x", "y", "ratio", "angle"]) : null,
            },
            VIEW_KEYS,
          )
        : null;
      return present<StoryStep>(
        {
          title: s.title,
          body: s.body,
          focus: s.focus,
          year: s.year,
          view,
          citations: s.citations.map((c) => ({ source: c.source.id, locator: c.locator, evidence: c.evidence })),
          exercise: s.exercise ? present<StoryExercise>(s.exercise, ["question", "answers", "explanation", "hint"]) : null,
          whatIf: s.whatIf ? present<StoryWhatIf>(s.whatIf, ["remove", "withMembers"]) : null,
        },
        ["title", "body", "focus", "year", "view", "citations", "exercise", "whatIf"],
      );
    }),
  };
}

// ── playing a step ─────────────────────────────────────────────────────────────────────────────

function filtersFromStory(filter: StoryFilter | undefined): FiltersState {
  if (!filter) return DEFAULT_FILTERS;
  return everyFacet<FiltersState>((facet) => {
    const values = filter[facet];
    return values === undefined ? null : normaliseFacet(facet, values);
  });
}

/** The explorer view a step asks for: its filters, networks, appearance, layout, coalition shapes and year. */
export function stepView(step: StoryStep): Pick<AtlasState, "filters" | "collapsed" | "appearance" | "layout" | "shapes" | "year"> {
  const view = step.view ?? {};
  return {
    filters: filtersFromStory(view.filter),
    collapsed: [...new Set(view.collapsed ?? [])].sort(),
    appearance: { colorBy: view.colorBy ?? DEFAULT_APPEARANCE.colorBy, sizeBy: view.sizeBy ?? DEFAULT_APPEARANCE.sizeBy },
    layout: view.layout ?? "force",
    shapes: view.shapes ?? "none",
    year: step.year ?? null,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

const clampStep = (story: Pick<StoryFile, "steps">, index: number) => Math.max(0, Math.min(story.steps.length - 1, Math.trunc(index) || 0));

/**
 * Shows a step: the step's view replaces the current one (filters, networks, appearance, layout,
 * coalition shapes, year; expanded neighbourhoods and the selection are cleared), and its focus nodes with the ties
 * among them that this view shows become the emphasis, framed by the step's camera or fitted.
 * Unchanged parts keep their objects, so the bindings redo only what changed.
 */
export const showStoryStep =
  (story: StoryFile, index: number, dataset: AtlasDataset, options: { draft?: boolean } = {}): Producer<AtlasState> =>
  (state) => {
    const at = clampStep(story, index);
    const step = story.steps[at];
    const view = stepView(step);
    const appearance: AppearanceState =
      view.appearance.colorBy === state.appearance.colorBy && view.appearance.sizeBy === state.appearance.sizeBy
        ? state.appearance
        : view.appearance;
    const next: AtlasState = {
      ...state,
      selectedId: null,
      filters: sameFilters(view.filters, state.filters) ? state.filters : view.filters,
      collapsed: sameList(view.collapsed, state.collapsed) ? state.collapsed : view.collapsed,
      revealed: state.revealed.length ? [] : state.revealed,
      appearance,
      layout: view.layout,
      shapes: view.shapes,
      year: view.year,
      datedOnly: false,
      story: { id: story.id, step: at, draft: options.draft ?? false },
    };
    const nodes = step.focus.filter((id) => dataset.index.has(id));
    const camera = step.view?.camera;
    next.emphasis = {
      type: "story",
      nodes,
      edges: tiesAmong(dataset, computeView(dataset, next), nodes),
      camera: camera ? { x: camera.x, y: camera.y, ratio: camera.ratio, angle: camera.angle ?? 0 } : null,
    };
    return next;
  };

/** Leaves the story: the view stays as it is, the step's emphasis goes. */
export const closeStory = (): Producer<AtlasState> => (state) => {
  if (state.story === null) return state;
  return { ...state, story: null, emphasis: state.emphasis.type === "story" ? { type: "none" } : state.emphasis };
};

export type AnswerCheck = { type: "right" } | { type: "wrong" };

/** Whether a clicked node answers a step's question. */
export function checkAnswer(exercise: StoryExercise, id: string): AnswerCheck {
  return exercise.answers.includes(id) ? { type: "right" } : { type: "wrong" };
}

/** The link to a step as a teacher shares it: the story and the 1-based step, nothing else. */
export function stepLink(base: string, id: string, step: number): string {
  return `${base}?story=${encodeURIComponent(id)}&step=${step + 1}`;
}
