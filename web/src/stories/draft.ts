/**
 * Authoring a story: a draft a teacher builds step by step from the explorer's view ("Add current
 * view as step"), writes the text of and cites, then exports as a story file. Producers are pure
 * `(args) => (draft) => draft`; `toStoryFile` gives exactly the data/stories format.
 */
import { type AtlasState, type CameraState, DEFAULT_APPEARANCE } from "../state/atlas";
import { FILTER_FACET_KEYS, type FilterFacet } from "../state/filters";
import type { Producer } from "../state/store";
import type { KnownIds, StoryFormat, StoryProblem } from "./file";
import {
  STORY_FILE_TYPE,
  STORY_FILE_VERSION,
  type StoryCitation,
  type StoryFile,
  type StoryFilter,
  type StoryStep,
  type StoryView,
  type StoryWhatIf,
} from "./story";

export interface DraftExercise {
  question: string;
  answers: string[];
  explanation: string;
  /** Empty: no hint. */
  hint: string;
}

export interface DraftStep {
  title: string;
  body: string;
  focus: string[];
  year: number | null;
  view: StoryView;
  citations: StoryCitation[];
  exercise: DraftExercise | null;
  /** A what-if step: the nodes the network is shown without (an empty list is a what-if still being written). */
  whatIf?: StoryWhatIf;
}

export interface StoryDraft {
  /** Empty: derived from the title when exported. */
  id: string;
  title: string;
  summary: string;
  steps: DraftStep[];
}

export function getEmptyDraft(): StoryDraft {
  return { id: "", title: "", summary: "", steps: [] };
}

/** A lower-case slug for a title: "Winning C189!" → "winning-c189". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

export const draftId = (draft: StoryDraft) => draft.id.trim() || slugify(draft.title);

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** The camera as a step stores it (rounded as in links; no angle when there is none). */
function storyCamera(camera: CameraState): NonNullable<StoryView["camera"]> {
  const out: NonNullable<StoryView["camera"]> = { x: round(camera.x, 4), y: round(camera.y, 4), ratio: round(camera.ratio, 4) };
  if (round(camera.angle, 3) !== 0) out.angle = round(camera.angle, 3);
  return out;
}

/**
 * The view part of a step from the explorer's state: filters (every facet that narrows the view;
 * always written, since a step without filters means the opening ones), collapsed networks, colour,
 * size, layout and coalition shapes when they differ from the opening view, and the camera if given.
 */
function viewFromState(
  state: Pick<AtlasState, "filters" | "collapsed" | "appearance" | "layout" | "shapes">,
  camera: CameraState | null,
): StoryView {
  const filter: StoryFilter = {};
  for (const facet of FILTER_FACET_KEYS) {
    const values = state.filters[facet];
    // A facet of the explorer is a facet of the story filter with the same values (core/story.ts).
    if (values !== null) (filter as Record<FilterFacet, string[]>)[facet] = [...values];
  }
  const view: StoryView = { filter };
  if (state.collapsed.length) view.collapsed = [...state.collapsed];
  if (state.appearance.colorBy !== DEFAULT_APPEARANCE.colorBy) view.colorBy = state.appearance.colorBy;
  if (state.appearance.sizeBy !== DEFAULT_APPEARANCE.sizeBy) view.sizeBy = state.appearance.sizeBy;
  if (state.layout !== "force") view.layout = state.layout;
  if (state.shapes !== "none") view.shapes = state.shapes;
  if (camera) view.camera = storyCamera(camera);
  return view;
}

/** The nodes a new step focuses on: what is emphasised (a path, allies, a story step), else the selection. */
function focusFromState(state: Pick<AtlasState, "emphasis" | "selectedId">): string[] {
  if (state.emphasis.type !== "none") return [...new Set(state.emphasis.nodes)];
  return state.selectedId ? [state.selectedId] : [];
}

/** "Add current view as step": focus, year and view from the explorer; the teacher writes the rest. */
export function stepFromView(state: AtlasState, camera: CameraState | null): DraftStep {
  return {
    title: "",
    body: "",
    focus: focusFromState(state),
    year: state.year,
    view: viewFromState(state, camera),
    citations: [],
    exercise: null,
  };
}

/** What a step's view cannot hold, for a warning when it is captured. */
export function uncapturedParts(state: Pick<AtlasState, "revealed" | "datedOnly">): string[] {
  const out: string[] = [];
  if (state.revealed.length) out.push("expanded neighbourhoods");
  if (state.datedOnly) out.push("“leave out bodies and ties with no date”");
  return out;
}

// ── producers ──────────────────────────────────────────────────────────────────────────────────

export const setDraftField =
  (field: "id" | "title" | "summary", value: string): Producer<StoryDraft> =>
  (draft) =>
    draft[field] === value ? draft : { ...draft, [field]: value };

export const addDraftStep =
  (step: DraftStep): Producer<StoryDraft> =>
  (draft) => ({ ...draft, steps: [...draft.steps, step] });

export const updateDraftStep =
  (index: number, update: Partial<DraftStep> | ((step: DraftStep) => DraftStep)): Producer<StoryDraft> =>
  (draft) => {
    const step = draft.steps[index];
    if (!step) return draft;
    const next = typeof update === "function" ? update(step) : { ...step, ...update };
    if (next === step) return draft;
    const steps = [...draft.steps];
    steps[index] = next;
    return { ...draft, steps };
  };

export const removeDraftStep =
  (index: number): Producer<StoryDraft> =>
  (draft) =>
    index < 0 || index >= draft.steps.length ? draft : { ...draft, steps: draft.steps.filter((_, i) => i !== index) };

/** Moves a step up (−1) or down (+1). */
export const moveDraftStep =
  (index: number, delta: -1 | 1): Producer<StoryDraft> =>
  (draft) => {
    const to = index + delta;
    if (index < 0 || index >= draft.steps.length || to < 0 || to >= draft.steps.length) return draft;
    const steps = [...draft.steps];
    [steps[index], steps[to]] = [steps[to], steps[index]];
    return { ...draft, steps };
  };

/** Re-captures a step's year and view from the explorer, keeping its text, focus and citations. */
export const recaptureStepView = (index: number, state: AtlasState, camera: CameraState | null): Producer<StoryDraft> =>
  updateDraftStep(index, { year: state.year, view: viewFromState(state, camera) });

/** Plays the step by framing its focus nodes rather than a fixed camera. */
export const dropStepCamera = (index: number): Producer<StoryDraft> =>
  updateDraftStep(index, (step) => {
    if (!step.view.camera) return step;
    const { camera: _camera, ...view } = step.view;
    return { ...step, view };
  });

const addUnique = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

export const addStepFocus = (index: number, id: string): Producer<StoryDraft> =>
  updateDraftStep(index, (step) => (step.focus.includes(id) ? step : { ...step, focus: addUnique(step.focus, id) }));

export const removeStepFocus = (index: number, id: string): Producer<StoryDraft> =>
  updateDraftStep(index, (step) => (step.focus.includes(id) ? { ...step, focus: step.focus.filter((f) => f !== id) } : step));

export const addStepCitation = (index: number, citation: StoryCitation): Producer<StoryDraft> =>
  updateDraftStep(index, (step) => ({ ...step, citations: [...step.citations, { ...citation }] }));

export const removeStepCitation = (index: number, k: number): Producer<StoryDraft> =>
  updateDraftStep(index, (step) => ({ ...step, citations: step.citations.filter((_, i) => i !== k) }));

export const setStepExercise = (index: number, exercise: DraftExercise | null): Producer<StoryDraft> =>
  updateDraftStep(index, { exercise });

/** Makes the step a what-if (no nodes removed yet), or an ordinary step again (null). */
export const setStepWhatIf = (index: number, whatIf: StoryWhatIf | null): Producer<StoryDraft> =>
  updateDraftStep(index, (step) => {
    if (whatIf) return { ...step, whatIf: { ...whatIf, remove: [...whatIf.remove] } };
    if (!step.whatIf) return step;
    const { whatIf: _whatIf, ...rest } = step;
    return rest;
  });

/** Adds a node to the ones the step's what-if removes (making the step a what-if if it was not). */
export const addStepWhatIfNode = (index: number, id: string): Producer<StoryDraft> =>
  updateDraftStep(index, (step) =>
    step.whatIf?.remove.includes(id) ? step : { ...step, whatIf: { ...step.whatIf, remove: addUnique(step.whatIf?.remove ?? [], id) } },
  );

export const removeStepWhatIfNode = (index: number, id: string): Producer<StoryDraft> =>
  updateDraftStep(index, (step) =>
    step.whatIf?.remove.includes(id) ? { ...step, whatIf: { ...step.whatIf, remove: step.whatIf.remove.filter((r) => r !== id) } } : step,
  );

/** Whether the what-if removes the removed networks' direct members too (left out of the file when not). */
export const setStepWhatIfMembers = (index: number, withMembers: boolean): Producer<StoryDraft> =>
  updateDraftStep(index, (step) => {
    if (!step.whatIf) return step;
    const { withMembers: _withMembers, ...whatIf } = step.whatIf;
    return { ...step, whatIf: withMembers ? { ...whatIf, withMembers: true } : whatIf };
  });

// ── to and from the file format ────────────────────────────────────────────────────────────────

function toFileStep(step: DraftStep): StoryStep {
  const e = step.exercise;
  const exercise = e && {
    question: e.question.trim(),
    answers: [...new Set(e.answers)],
    explanation: e.explanation.trim(),
    ...(e.hint.trim() && { hint: e.hint.trim() }),
  };
  // Keys in the order of the files in data/stories, so an exported story reads like them.
  return {
    title: step.title.trim(),
    body: step.body.trim(),
    focus: [...new Set(step.focus)],
    ...(step.year !== null && { year: step.year }),
    ...(Object.keys(step.view).length > 0 && { view: step.view }),
    citations: step.citations.map((c) => ({ source: c.source, locator: c.locator.trim(), evidence: c.evidence.trim() })),
    ...(exercise && { exercise }),
    ...(step.whatIf && { whatIf: step.whatIf }),
  };
}

/** The draft as a story file, keys in the data/stories order, text trimmed. */
export function toStoryFile(draft: StoryDraft): StoryFile {
  return {
    type: STORY_FILE_TYPE,
    version: STORY_FILE_VERSION,
    id: draftId(draft),
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    steps: draft.steps.map(toFileStep),
  };
}

/** A story file opened for editing (a bundled story, or a file exported before). */
export function draftFromStory(story: StoryFile): StoryDraft {
  return {
    id: story.id,
    title: story.title,
    summary: story.summary,
    steps: story.steps.map((s) => ({
      title: s.title,
      body: s.body,
      focus: [...s.focus],
      year: s.year ?? null,
      view: s.view ? structuredClone(s.view) : {},
      citations: s.citations.map((c) => ({ ...c })),
      exercise: s.exercise
        ? {
            question: s.exercise.question,
            answers: [...s.exercise.answers],
            explanation: s.exercise.explanation,
            hint: s.exercise.hint ?? "",
          }
        : null,
      ...(s.whatIf && { whatIf: { ...s.whatIf, remove: [...s.whatIf.remove] } }),
    })),
  };
}

/** Everything that keeps the draft from being exported (what data:check would reject), by the loaded story format. */
export function draftProblems(format: Pick<StoryFormat, "validateStory">, draft: StoryDraft, known?: KnownIds): StoryProblem[] {
  const result = format.validateStory(toStoryFile(draft), known);
  return result.type === "ok" ? [] : result.problems;
}

/** The problems of one step (paths under steps.<index>). */
export function stepProblems(problems: StoryProblem[], index: number): StoryProblem[] {
  const prefix = `steps.${index}.`;
  return problems.filter((p) => p.path.startsWith(prefix) || p.path === `steps.${index}`);
}

/** A draft read back from storage: anything that does not look like one gives an empty draft. */
export function reviveDraft(raw: unknown): StoryDraft {
  if (typeof raw !== "object" || raw === null) return getEmptyDraft();
  const d = raw as Partial<StoryDraft>;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const steps = Array.isArray(d.steps) ? d.steps : [];
  return {
    id: text(d.id),
    title: text(d.title),
    summary: text(d.summary),
    steps: steps
      .filter((s): s is DraftStep => typeof s === "object" && s !== null)
      .map((s) => ({
        title: text(s.title),
        body: text(s.body),
        focus: strings(s.focus),
        year: typeof s.year === "number" ? s.year : null,
        view: typeof s.view === "object" && s.view !== null ? s.view : {},
        citations: Array.isArray(s.citations)
          ? s.citations
              .filter((c) => typeof c === "object" && c !== null)
              .map((c) => ({ source: text(c.source), locator: text(c.locator), evidence: text(c.evidence) }))
          : [],
        exercise:
          typeof s.exercise === "object" && s.exercise !== null
            ? {
                question: text(s.exercise.question),
                answers: strings(s.exercise.answers),
                explanation: text(s.exercise.explanation),
                hint: text(s.exercise.hint),
              }
            : null,
        ...(typeof s.whatIf === "object" &&
          s.whatIf !== null && {
            whatIf: {
              remove: strings(s.whatIf.remove),
              ...(typeof s.whatIf.withMembers === "boolean" && { withMembers: s.whatIf.withMembers }),
            },
          }),
      })),
  };
}
