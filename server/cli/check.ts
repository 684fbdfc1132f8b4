/**
 * `npm run data:check [-- --dir path]`: validates the dataset and prints counts per label and per
 * relationship type. Exits 1 with every problem (file › record › field: message) when invalid.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { readDataset } from "../import/read-dataset.js";
import { DataValidationError } from "../import/validate.js";

const { values } = parseArgs({ options: { dir: { type: "string", default: "data" } } });
const dir = resolve(values.dir);
try {
  const data = readDataset(dir);
  const out: string[] = [`data:check ${dir}: OK`, "", "Nodes"];
  for (const key of ["sources", "organisations", "forums", "campaigns", "instruments", "people", "issues"] as const) {
    out.push(`  ${key.padEnd(16)} ${data[key].length}`);
  }
  const byType = new Map<string, number>();
  for (const r of data.relationships) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  out.push(`  ${"stories".padEnd(16)} ${data.stories.length} (${data.stories.reduce((n, s) => n + s.steps.length, 0)} steps)`);
  out.push("", `Relationships ${data.relationships.length}`);
  for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1])) out.push(`  ${type.padEnd(16)} ${n}`);
  process.stdout.write(out.join("\n") + "\n");
} catch (error) {
  if (error instanceof DataValidationError) {
    process.stderr.write(`data:check ${dir}: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
