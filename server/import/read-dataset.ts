/** Reads the JSON files of a data directory (missing files count as empty) and validates them. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { DATA_FILES, type DataFileKey, type Dataset } from "./schema.js";
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
  return parseDataset(raw);
}
