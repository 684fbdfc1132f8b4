/**
 * Teaching stories: guided, cited sequences of views over the graph, one JSON file per story in
 * data/stories/, read and cross-checked against the dataset here; the format is core/story.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { checkStoryIds, storySchema, type StoryFile } from "../../core/story.js";
import type { DataProblem } from "./validate.js";

// The format itself is core/story.ts (one zod schema for data/, the API and the explorer).
export type StoryRecord = StoryFile;

export const STORIES_DIR = "stories";

/** Reads data/stories/*.json (sorted by file name); shape problems name the file, story and field. */
export function readStories(dataDir: string): { stories: StoryRecord[]; files: Map<string, string>; problems: DataProblem[] } {
  const dir = join(dataDir, STORIES_DIR);
  const files = new Map<string, string>();
  if (!existsSync(dir)) return { stories: [], files, problems: [] };
  const stories: StoryRecord[] = [];
  const problems: DataProblem[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
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
      for (const issue of result.error.issues)
        problems.push({ file, record, field: issue.path.join(".") || "(record)", message: issue.message });
    }
  }
  return { stories, files, problems };
}

/** Cross-checks stories against the dataset: every focus and answer id exists, every cited source exists. */
export function checkStories(
  stories: StoryRecord[],
  nodeIds: ReadonlySet<string>,
  sourceIds: ReadonlySet<string>,
  fileOf: (id: string) => string,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Set<string>();
  for (const story of stories) {
    const file = fileOf(story.id);
    if (seen.has(story.id)) problems.push({ file, record: story.id, field: "id", message: "duplicate story id" });
    seen.add(story.id);
    for (const p of checkStoryIds(story, { nodes: nodeIds, sources: sourceIds }))
      problems.push({ file, record: story.id, field: p.path, message: p.message });
  }
  return problems;
}
