/**
 * Teaching stories: the story file format as one zod schema. data/stories/*.json, the API's `stories`
 * and the explorer's "Open a story file" / "Export story" all hold this shape, so an exported file
 * passes `npm run data:check` unchanged. The server validates data/ with it; the browser imports this
 * module only when a file is opened or exported (zod stays out of the first frame).
 */
import { z } from "zod";

import { everyFacet, facetSpec, type FacetValue, type FilterFacet } from "./facets.js";
import { citationSchema, idSchema, textSchema as text, yearSchema } from "./record-parts.js";
import { STORY_FILE_TYPE, STORY_FILE_VERSION } from "./story-format.js";
import { COLOR_MODES, LAYOUT_MODES, SHAPE_MODES, SIZE_MODES } from "./view-modes.js";

export { STORY_FILE_TYPE, STORY_FILE_VERSION };

/** Each facet of the explorer's filters (core/facets.ts), as a list of its values; absent = every value. */
type StoryFilterShape = { [F in FilterFacet]: z.ZodOptional<z.ZodArray<z.ZodEnum<{ [V in FacetValue<F>]: V }>>> };
const storyFilterShape = everyFacet<StoryFilterShape>((facet) => z.array(z.enum(facetSpec(facet).values)).optional());

/** The view a step shows: the explorer's filters, collapsed networks, appearance, layout, coalition shapes and camera (all optional). */
export const storyViewSchema = z.strictObject({
  /** A facet that is absent shows every value (as in the API's NetworkFilter). */
  filter: z.strictObject(storyFilterShape).optional(),
  /** Networks shown collapsed into one node standing for their members. */
  collapsed: z.array(idSchema).optional(),
  colorBy: z.enum(COLOR_MODES).optional(),
  sizeBy: z.enum(SIZE_MODES).optional(),
  layout: z.enum(LAYOUT_MODES).optional(),
  /** Coalitions drawn as shaded regions ("coalitions"); absent = the default view. */
  shapes: z.enum(SHAPE_MODES).optional(),
  camera: z.strictObject({ x: z.number(), y: z.number(), ratio: z.number().positive(), angle: z.number().optional() }).optional(),
});

/** A question answered by clicking a node; any of `answers` counts as right. */
export const exerciseSchema = z.strictObject({
  question: text.max(300),
  answers: z.array(idSchema).min(1, "needs at least one node id that counts as right"),
  /** Shown after a right answer: why it is right, in our own words. */
  explanation: text.max(600),
  /** Shown after a wrong answer. */
  hint: text.max(300).optional(),
});

/**
 * A what-if step: the explorer asks the server what the network would lose without these bodies
 * (Query.whatIf, over the step's view), fades them, rings what they cut off and reads out the figures.
 */
export const storyWhatIfSchema = z.strictObject({
  remove: z.array(idSchema).min(1, "needs at least one node id to remove").max(20),
  /** Remove their direct members too. */
  withMembers: z.boolean().optional(),
});

export const storyStepSchema = z.strictObject({
  title: text.max(120),
  /** The step's text, in our own words. */
  body: text.max(1500),
  /** Node ids to focus and highlight (with the ties among them). */
  focus: z.array(idSchema).min(1, "needs at least one node id to focus"),
  /** Timeline position: the network as of this year. */
  year: yearSchema.optional(),
  view: storyViewSchema.optional(),
  citations: z.array(citationSchema).min(1, "needs at least one citation (source, locator, evidence)"),
  exercise: exerciseSchema.optional(),
  whatIf: storyWhatIfSchema.optional(),
});

export const storySchema = z.strictObject({
  type: z.literal(STORY_FILE_TYPE),
  version: z.literal(STORY_FILE_VERSION),
  id: idSchema,
  title: text.max(160),
  summary: text.max(600),
  steps: z.array(storyStepSchema).min(1, "needs at least one step"),
});

export type StoryFile = z.infer<typeof storySchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;
export type StoryView = z.infer<typeof storyViewSchema>;
export type StoryFilter = NonNullable<StoryView["filter"]>;
export type StoryCamera = NonNullable<StoryView["camera"]>;
export type StoryExercise = z.infer<typeof exerciseSchema>;
export type StoryWhatIf = z.infer<typeof storyWhatIfSchema>;
export type StoryCitation = StoryStep["citations"][number];

/** One problem of a story file: a dotted path ("steps.1.citations", "(record)" for the whole) and what is wrong. */
export interface StoryProblem {
  path: string;
  message: string;
}

/** What exists in the atlas, for the cross-checks data:check makes (node ids, source ids). */
export interface KnownIds {
  nodes: { has(id: string): boolean };
  sources: { has(id: string): boolean };
}

/** Every focus, collapsed and answer id is a node, every cited source exists. */
export function checkStoryIds(story: StoryFile, known: KnownIds): StoryProblem[] {
  const problems: StoryProblem[] = [];
  const unknownNode = (path: string) => (id: string, i: number) => {
    if (!known.nodes.has(id)) problems.push({ path: `${path}.${i}`, message: `unknown node id '${id}'` });
  };
  story.steps.forEach((step, s) => {
    step.focus.forEach(unknownNode(`steps.${s}.focus`));
    step.view?.collapsed?.forEach(unknownNode(`steps.${s}.view.collapsed`));
    step.exercise?.answers.forEach(unknownNode(`steps.${s}.exercise.answers`));
    step.whatIf?.remove.forEach(unknownNode(`steps.${s}.whatIf.remove`));
    step.citations.forEach((c, i) => {
      if (!known.sources.has(c.source))
        problems.push({ path: `steps.${s}.citations.${i}.source`, message: `unknown source '${c.source}' (not in sources.json)` });
    });
  });
  return problems;
}

export type ParsedStory = { type: "ok"; story: StoryFile } | { type: "invalid"; problems: StoryProblem[] };

/**
 * Checks a story file (already parsed JSON) and returns it normalised (text trimmed, keys in the
 * format's order), or every problem found. With `known`, ids must exist too (once the shape holds).
 */
export function validateStory(raw: unknown, known?: KnownIds): ParsedStory {
  const result = storySchema.safeParse(raw);
  if (!result.success) {
    return {
      type: "invalid",
      problems: result.error.issues.map((issue) => ({ path: issue.path.join(".") || "(record)", message: issue.message })),
    };
  }
  const problems = known ? checkStoryIds(result.data, known) : [];
  return problems.length ? { type: "invalid", problems } : { type: "ok", story: result.data };
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
