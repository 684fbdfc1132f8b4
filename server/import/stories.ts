/**
 * Teaching stories: guided, cited sequences of views over the graph, one JSON file per story in
 * data/stories/. A story file is also what the explorer's "Export story" downloads, so the shape
 * carries a `type` and `version` and re-imports unchanged.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { z } from "zod";

import { citationSchema, idSchema, yearSchema } from "./schema.js";
import type { DataProblem } from "./validate.js";
import { NODE_KINDS, ORGANISATION_TYPES, REGIONS, RELATIONSHIP_TYPE_NAMES, SCOPES, SECTORS } from "../../core/vocabulary.js";

export const STORY_FILE_TYPE = "coalition-atlas/story";
export const STORY_FILE_VERSION = 1;

const text = z.string().trim().min(1, "must not be empty");

/** Appearance and layout keys as the explorer names them (web/src/state/atlas.ts; a unit test keeps them equal). */
export const STORY_COLOR_MODES = ["category", "kind", "type", "sector", "community"] as const;
export const STORY_SIZE_MODES = ["degree", "betweenness", "pagerank", "bridgeScore"] as const;
export const STORY_LAYOUT_MODES = ["force", "sectors"] as const;

/** The view a step shows: the explorer's filters, collapsed networks, appearance, layout and camera (all optional). */
export const storyViewSchema = z.strictObject({
  filter: z
    .strictObject({
      kinds: z.array(z.enum(NODE_KINDS)).optional(),
      types: z.array(z.enum(ORGANISATION_TYPES)).optional(),
      sectors: z.array(z.enum(SECTORS)).optional(),
      scopes: z.array(z.enum(SCOPES)).optional(),
      regions: z.array(z.enum(REGIONS)).optional(),
      relationshipTypes: z.array(z.enum(RELATIONSHIP_TYPE_NAMES as [string, ...string[]])).optional(),
    })
    .optional(),
  /** Networks shown collapsed into one node standing for their members. */
  collapsed: z.array(idSchema).optional(),
  colorBy: z.enum(STORY_COLOR_MODES).optional(),
  sizeBy: z.enum(STORY_SIZE_MODES).optional(),
  layout: z.enum(STORY_LAYOUT_MODES).optional(),
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
});

export const storySchema = z.strictObject({
  type: z.literal(STORY_FILE_TYPE),
  version: z.literal(STORY_FILE_VERSION),
  id: idSchema,
  title: text.max(160),
  summary: text.max(600),
  steps: z.array(storyStepSchema).min(1, "needs at least one step"),
});

export type StoryRecord = z.infer<typeof storySchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;

export const STORIES_DIR = "stories";

/** Reads data/stories/*.json (sorted by file name); shape problems name the file, story and field. */
export function readStories(dataDir: string): { stories: StoryRecord[]; files: Map<string, string>; problems: DataProblem[] } {
  const dir = join(dataDir, STORIES_DIR);
  const files = new Map<string, string>();
  if (!existsSync(dir)) return { stories: [], files, problems: [] };
  const stories: StoryRecord[] = [];
  const problems: DataProblem[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const file = `${STORIES_DIR}/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (error) {
      problems.push({ file, record: "(file)", field: "(json)", message: `is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = storySchema.safeParse(raw);
    if (result.success) {
      stories.push(result.data);
      files.set(result.data.id, file);
    } else {
      const record = raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" ? raw.id : "(story)";
      for (const issue of result.error.issues) problems.push({ file, record, field: issue.path.join(".") || "(record)", message: issue.message });
    }
  }
  return { stories, files, problems };
}

/** Cross-checks stories against the dataset: every focus and answer id exists, every cited source exists. */
export function checkStories(stories: StoryRecord[], nodeIds: ReadonlySet<string>, sourceIds: ReadonlySet<string>, fileOf: (id: string) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const story of stories) {
    const file = fileOf(story.id);
    if (seen.has(story.id)) problems.push({ file, record: story.id, field: "id", message: "duplicate story id" });
    seen.add(story.id);
    story.steps.forEach((step, s) => {
      step.focus.forEach((id, i) => {
        if (!nodeIds.has(id)) problems.push({ file, record: story.id, field: `steps.${s}.focus.${i}`, message: `unknown node id '${id}'` });
      });
      step.view?.collapsed?.forEach((id, i) => {
        if (!nodeIds.has(id)) problems.push({ file, record: story.id, field: `steps.${s}.view.collapsed.${i}`, message: `unknown node id '${id}'` });
      });
      step.exercise?.answers.forEach((id, i) => {
        if (!nodeIds.has(id)) problems.push({ file, record: story.id, field: `steps.${s}.exercise.answers.${i}`, message: `unknown node id '${id}'` });
      });
      step.citations.forEach((c, i) => {
        if (!sourceIds.has(c.source)) problems.push({ file, record: story.id, field: `steps.${s}.citations.${i}.source`, message: `unknown source '${c.source}' (not in sources.json)` });
      });
    });
  }
  return problems;
}
