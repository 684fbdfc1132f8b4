/** Reads the JSON files of a data directory (missing files count as empty) and validates them all. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { DATA_FILES, type DataFileKey, type Dataset } from "./schema.js";
import { checkStories, readStories } from "./stories.js";
import { DataValidationError, parseDataset } from "./validate.js";

export function readDataset(dir: string): Dataset {
  const raw: Partial<Record<DataFileKey, unknown>> = {};
  for (const [key, { file }] of Object.entries(DATA_FILES) as [DataFileKey, { file: string }][]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    try {
      raw[key] = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new DataValidationError([
        { file, record: "(file)", field: "(json)", message: `is not valid JSON: ${(error as Error).message}` },
      ]);
    }
  }
  const stories = readStories(dir);
  let data: Dataset;
  try {
    data = parseDataset(raw);
  } catch (error) {
    if (error instanceof DataValidationError) throw new DataValidationError([...error.problems, ...stories.problems]);
    throw error;
  }
  const nodeIds = new Set(
    [data.organisations, data.forums, data.campaigns, data.instruments, data.people, data.issues].flatMap((records) =>
      records.map((r) => r.id),
    ),
  );
  const problems = [
    ...stories.problems,
    ...checkStories(stories.stories, nodeIds, new Set(data.sources.map((s) => s.id)), (id) => stories.files.get(id) ?? "stories/"),
  ];
  if (problems.length > 0) throw new DataValidationError(problems);
  return { ...data, stories: stories.stories };
}
