/**
 * Story files in and out of the browser. The format and its checks are one zod schema shared with
 * the server (core/story.ts, so an exported file passes `npm run data:check`); the browser loads it
 * only when the story editor opens, a file is opened or a story exported, so zod stays out of the
 * first frame. Here: that loader, the exported text and how a problem reads.
 */
import type { KnownIds, ParsedStory, StoryProblem } from "../../../core/story";
import type { StoryFile } from "./story";

export type { KnownIds, ParsedStory, StoryProblem };

/** The story format module (core/story.ts): `validateStory`, `parseStoryFile`, the zod schema. */
export type StoryFormat = typeof import("../../../core/story");

let loading: Promise<StoryFormat> | null = null;

/** Loads the story format once (a chunk of its own, with zod). */
export function loadStoryFormat(): Promise<StoryFormat> {
  loading ??= import("../../../core/story");
  return loading;
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
