/**
 * Story files in and out of the browser: a validator with the rules of server/import/stories.ts
 * (same fields, limits and problem paths, so an exported file passes `npm run data:check`; a unit test
 * runs both over the same files), the parser "Open a story file" uses, and the exported text.
 */
import { isOneOf } from "../graph/vocabulary";
import { COLOR_MODES, LAYOUT_MODES, SIZE_MODES } from "./atlas";
import { FILTER_FACET_KEYS, FILTER_FACETS, type FilterFacet } from "./filters";
import {
  STORY_FILE_TYPE,
  STORY_FILE_VERSION,
  type StoryCamera,
  type StoryCitation,
  type StoryExercise,
  type StoryFile,
  type StoryFilter,
  type StoryStep,
  type StoryView,
} from "./story";

/** Lengths and years as the server's schema sets them (server/import/schema.ts, stories.ts). */
export const STORY_LIMITS = {
  storyTitle: 160,
  summary: 600,
  stepTitle: 120,
  body: 1500,
  question: 300,
  explanation: 600,
  hint: 300,
  locator: 160,
  evidence: 400,
  yearMin: 1800,
  yearMax: 2025,
} as const;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface StoryProblem {
  /** Dotted path as the server reports it, e.g. "steps.1.citations". */
  path: string;
  message: string;
}

/** What the explorer knows exists, for the cross-checks data:check makes (node ids, source ids). */
export interface KnownIds {
  nodes: ReadonlySet<string> | Map<string, unknown>;
  sources: ReadonlySet<string> | Map<string, unknown>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

class Checker {
  problems: StoryProblem[] = [];

  add(path: (string | number)[], message: string) {
    this.problems.push({ path: path.join(".") || "(record)", message });
  }

  /** A strict object: unknown keys are problems. */
  object(value: unknown, path: (string | number)[], keys: readonly string[]): Json | null {
    if (!isObject(value)) {
      this.add(path, "must be an object");
      return null;
    }
    for (const key of Object.keys(value)) if (!keys.includes(key)) this.add(path, `has an unknown key '${key}'`);
    return value;
  }

  text(value: unknown, path: (string | number)[], max: number): string | undefined {
    if (typeof value !== "string") {
      this.add(path, value === undefined ? "is required" : "must be text");
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) this.add(path, "must not be empty");
    else if (trimmed.length > max) this.add(path, `must be at most ${max} characters (it has ${trimmed.length})`);
    return trimmed;
  }

  id(value: unknown, path: (string | number)[]): string | undefined {
    if (typeof value !== "string") {
      this.add(path, value === undefined ? "is required" : "must be text");
      return undefined;
    }
    if (!ID_PATTERN.test(value)) this.add(path, "must be a lower-case slug such as 'gfmd-2012-mauritius'");
    return value;
  }

  ids(value: unknown, path: (string | number)[], minMessage: string | null): string[] | undefined {
    if (!Array.isArray(value)) {
      this.add(path, value === undefined && minMessage ? minMessage : "must be a list");
      return undefined;
    }
    if (minMessage && value.length === 0) this.add(path, minMessage);
    return value.map((v, i) => this.id(v, [...path, i]) ?? "");
  }

  number(value: unknown, path: (string | number)[]): number | undefined {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.add(path, value === undefined ? "is required" : "must be a number");
      return undefined;
    }
    return value;
  }

  year(value: unknown, path: (string | number)[]): number | undefined {
    if (typeof value !== "number" || !Number.isInteger(value)) {
      this.add(path, "must be a whole year");
      return undefined;
    }
    if (value < STORY_LIMITS.yearMin) this.add(path, `must be a year from ${STORY_LIMITS.yearMin}`);
    if (value > STORY_LIMITS.yearMax) this.add(path, `must be a year up to ${STORY_LIMITS.yearMax}`);
    return value;
  }

  oneOf<T extends string>(values: readonly T[], value: unknown, path: (string | number)[]): T | undefined {
    if (!isOneOf(values, value)) {
      this.add(path, `must be one of ${values.join(", ")}`);
      return undefined;
    }
    return value;
  }
}

/** Sets the keys whose value is defined, in this order. */
function ordered<T extends object>(entries: [keyof T, unknown][]): T {
  const out: Partial<T> = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value as T[keyof T];
  return out as T;
}

function checkView(c: Checker, raw: unknown, path: (string | number)[]): StoryView | undefined {
  const view = c.object(raw, path, ["filter", "collapsed", "colorBy", "sizeBy", "layout", "camera"]);
  if (!view) return undefined;
  let filter: StoryFilter | undefined;
  if (view.filter !== undefined) {
    const f = c.object(view.filter, [...path, "filter"], FILTER_FACET_KEYS);
    if (f) {
      filter = {};
      for (const facet of FILTER_FACET_KEYS) {
        if (f[facet] === undefined) continue;
        const values = f[facet];
        if (!Array.isArray(values)) {
          c.add([...path, "filter", facet], "must be a list");
          continue;
        }
        filter[facet as FilterFacet] = values.map((v, i) => c.oneOf(FILTER_FACETS[facet] as readonly string[], v, [...path, "filter", facet, i]) ?? "");
      }
    }
  }
  let camera: StoryCamera | undefined;
  if (view.camera !== undefined) {
    const cam = c.object(view.camera, [...path, "camera"], ["x", "y", "ratio", "angle"]);
    if (cam) {
      const ratio = c.number(cam.ratio, [...path, "camera", "ratio"]);
      if (ratio !== undefined && ratio <= 0) c.add([...path, "camera", "ratio"], "must be positive");
      camera = ordered<StoryCamera>([
        ["x", c.number(cam.x, [...path, "camera", "x"])],
        ["y", c.number(cam.y, [...path, "camera", "y"])],
        ["ratio", ratio],
        ["angle", cam.angle === undefined ? undefined : c.number(cam.angle, [...path, "camera", "angle"])],
      ]);
    }
  }
  return ordered<StoryView>([
    ["filter", filter],
    ["collapsed", view.collapsed === undefined ? undefined : c.ids(view.collapsed, [...path, "collapsed"], null)],
    ["colorBy", view.colorBy === undefined ? undefined : c.oneOf(COLOR_MODES, view.colorBy, [...path, "colorBy"])],
    ["sizeBy", view.sizeBy === undefined ? undefined : c.oneOf(SIZE_MODES, view.sizeBy, [...path, "sizeBy"])],
    ["layout", view.layout === undefined ? undefined : c.oneOf(LAYOUT_MODES, view.layout, [...path, "layout"])],
    ["camera", camera],
  ]);
}

function checkCitation(c: Checker, raw: unknown, path: (string | number)[]): StoryCitation | undefined {
  const citation = c.object(raw, path, ["source", "locator", "evidence"]);
  if (!citation) return undefined;
  return ordered<StoryCitation>([
    ["source", c.id(citation.source, [...path, "source"])],
    ["locator", c.text(citation.locator, [...path, "locator"], STORY_LIMITS.locator)],
    ["evidence", c.text(citation.evidence, [...path, "evidence"], STORY_LIMITS.evidence)],
  ]);
}

function checkExercise(c: Checker, raw: unknown, path: (string | number)[]): StoryExercise | undefined {
  const exercise = c.object(raw, path, ["question", "answers", "explanation", "hint"]);
  if (!exercise) return undefined;
  return ordered<StoryExercise>([
    ["question", c.text(exercise.question, [...path, "question"], STORY_LIMITS.question)],
    ["answers", c.ids(exercise.answers, [...path, "answers"], "needs at least one node id that counts as right")],
    ["explanation", c.text(exercise.explanation, [...path, "explanation"], STORY_LIMITS.explanation)],
    ["hint", exercise.hint === undefined ? undefined : c.text(exercise.hint, [...path, "hint"], STORY_LIMITS.hint)],
  ]);
}

function checkStep(c: Checker, raw: unknown, s: number): StoryStep | undefined {
  const path = ["steps", s];
  const step = c.object(raw, path, ["title", "body", "focus", "year", "view", "citations", "exercise"]);
  if (!step) return undefined;
  let citations: StoryCitation[] | undefined;
  if (!Array.isArray(step.citations)) c.add([...path, "citations"], step.citations === undefined ? "needs at least one citation (source, locator, evidence)" : "must be a list");
  else {
    if (step.citations.length === 0) c.add([...path, "citations"], "needs at least one citation (source, locator, evidence)");
    citations = step.citations.map((x, k) => checkCitation(c, x, [...path, "citations", k]) as StoryCitation);
  }
  return ordered<StoryStep>([
    ["title", c.text(step.title, [...path, "title"], STORY_LIMITS.stepTitle)],
    ["body", c.text(step.body, [...path, "body"], STORY_LIMITS.body)],
    ["focus", c.ids(step.focus, [...path, "focus"], "needs at least one node id to focus")],
    ["year", step.year === undefined ? undefined : c.year(step.year, [...path, "year"])],
    ["view", step.view === undefined ? undefined : checkView(c, step.view, [...path, "view"])],
    ["citations", citations],
    ["exercise", step.exercise === undefined ? undefined : checkExercise(c, step.exercise, [...path, "exercise"])],
  ]);
}

/** Cross-checks against what exists, as data:check does: node ids and cited sources. */
function checkIds(c: Checker, story: StoryFile, known: KnownIds) {
  story.steps.forEach((step, s) => {
    step.focus?.forEach((id, i) => {
      if (id && !known.nodes.has(id)) c.add(["steps", s, "focus", i], `unknown node id '${id}'`);
    });
    step.view?.collapsed?.forEach((id, i) => {
      if (id && !known.nodes.has(id)) c.add(["steps", s, "view", "collapsed", i], `unknown node id '${id}'`);
    });
    step.exercise?.answers?.forEach((id, i) => {
      if (id && !known.nodes.has(id)) c.add(["steps", s, "exercise", "answers", i], `unknown node id '${id}'`);
    });
    step.citations?.forEach((citation, i) => {
      if (citation?.source && !known.sources.has(citation.source)) c.add(["steps", s, "citations", i, "source"], `unknown source '${citation.source}' (not in sources.json)`);
    });
  });
}

export type ParsedStory = { type: "ok"; story: StoryFile } | { type: "invalid"; problems: StoryProblem[] };

/**
 * Checks a story file (already parsed JSON) and returns it normalised (text trimmed, keys in the
 * file format's order), or every problem found. With `known`, ids must exist too.
 */
export function validateStory(raw: unknown, known?: KnownIds): ParsedStory {
  const c = new Checker();
  const root = c.object(raw, [], ["type", "version", "id", "title", "summary", "steps"]);
  if (!root) return { type: "invalid", problems: c.problems };
  if (root.type !== STORY_FILE_TYPE) c.add(["type"], `must be "${STORY_FILE_TYPE}"`);
  if (root.version !== STORY_FILE_VERSION) c.add(["version"], `must be ${STORY_FILE_VERSION}`);
  let steps: StoryStep[] = [];
  if (!Array.isArray(root.steps)) c.add(["steps"], root.steps === undefined ? "needs at least one step" : "must be a list");
  else {
    if (root.steps.length === 0) c.add(["steps"], "needs at least one step");
    steps = root.steps.map((step, s) => checkStep(c, step, s) as StoryStep);
  }
  const story = ordered<StoryFile>([
    ["type", STORY_FILE_TYPE],
    ["version", STORY_FILE_VERSION],
    ["id", c.id(root.id, ["id"])],
    ["title", c.text(root.title, ["title"], STORY_LIMITS.storyTitle)],
    ["summary", c.text(root.summary, ["summary"], STORY_LIMITS.summary)],
    ["steps", steps],
  ]);
  if (known && c.problems.length === 0) checkIds(c, story, known);
  return c.problems.length ? { type: "invalid", problems: c.problems } : { type: "ok", story };
}

/** Reads the text of a story file ("Open a story file"). */
export function parseStoryFile(text: string, known?: KnownIds): ParsedStory {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { type: "invalid", problems: [{ path: "(file)", message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validateStory(raw, known);
}

/** The file "Export story" downloads: the story as data/stories/ holds it. */
export function storyFileText(story: StoryFile): string {
  return `${JSON.stringify(story, null, 2)}\n`;
}

export const storyFileName = (story: Pick<StoryFile, "id">) => `${story.id}.json`;

/** "Step 2 › citations: needs at least one citation…" for a problem's path. */
export function describeProblem(problem: StoryProblem): string {
  const parts = problem.path.split(".");
  const where: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    const next = parts[k + 1];
    if ((part === "steps" || part === "citations" || part === "answers" || part === "focus") && next !== undefined && /^\d+$/.test(next)) {
      const label = { steps: "Step", citations: "citation", answers: "answer", focus: "focus node" }[part];
      where.push(`${label} ${Number(next) + 1}`);
      k++;
    } else where.push(part === "(record)" ? "story" : part);
  }
  return `${where.join(" › ")}: ${problem.message}`;
}
