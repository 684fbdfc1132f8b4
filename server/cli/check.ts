/**
 * `npm run data:check [-- --dir path] [--report]`: validates the dataset, checks that no prose field
 * shares a run of 7 or more words with a source document (against sources.fingerprint.json), and
 * prints counts per label and per relationship type. `--report` adds the MEMBER_OF ties, the
 * organisations without an organisational tie, and the fields sharing 7+ and 8+ word runs per kind
 * of record. Exits 1 with every problem (file › record › field: message) when invalid.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { organisationsWithoutTies, relationshipCounts } from "../import/dataset-stats.js";
import {
  checkOwnWords,
  fieldsWithSharedRuns,
  FINGERPRINT_FILE,
  type FingerprintIndex,
  indexFingerprint,
  SHINGLE_WORDS,
} from "../import/own-words.js";
import { readDataset } from "../import/read-dataset.js";
import { readStories } from "../import/stories.js";
import { DataValidationError } from "../import/validate.js";

const { values } = parseArgs({ options: { dir: { type: "string", default: "data" }, report: { type: "boolean", default: false } } });
const dir = resolve(values.dir);
try {
  const data = readDataset(dir);
  const storyFiles = readStories(dir).files;
  const storyFile = (id: string) => storyFiles.get(id) ?? `stories/${id}`;
  const fingerprintPath = join(dir, FINGERPRINT_FILE);
  const index: FingerprintIndex | undefined = existsSync(fingerprintPath)
    ? indexFingerprint(JSON.parse(readFileSync(fingerprintPath, "utf8")))
    : undefined;

  const out: string[] = [`data:check ${dir}`, "", "Nodes"];
  for (const key of ["sources", "organisations", "forums", "campaigns", "instruments", "people", "issues"] as const) {
    out.push(`  ${key.padEnd(16)} ${data[key].length}`);
  }
  out.push(`  ${"stories".padEnd(16)} ${data.stories.length} (${data.stories.reduce((n, s) => n + s.steps.length, 0)} steps)`);
  out.push("", `Relationships ${data.relationships.length}`);
  for (const [type, n] of relationshipCounts(data)) out.push(`  ${type.padEnd(24)} ${n}`);
  const untied = organisationsWithoutTies(data);
  out.push("", `Organisations without a tie to another organisation or a forum: ${untied.length} of ${data.organisations.length}`);
  if (values.report) {
    out.push(`  ${untied.map((o) => o.id).join(", ")}`, "", "MEMBER_OF");
    for (const r of data.relationships.filter((r) => r.type === "MEMBER_OF"))
      out.push(`  ${r.source} → ${r.target}${r.role ? ` (${r.role})` : ""}`);
    if (index) {
      out.push(
        "",
        `Prose fields sharing a run with a document (names and titles aside): ${SHINGLE_WORDS}+ words / ${SHINGLE_WORDS + 1}+ words`,
      );
      const count = (minWords: number) => {
        const byType = new Map<string, number>();
        for (const f of fieldsWithSharedRuns(data, index, minWords, storyFile))
          byType.set(f.recordType, (byType.get(f.recordType) ?? 0) + 1);
        return byType;
      };
      const [seven, eight] = [count(SHINGLE_WORDS), count(SHINGLE_WORDS + 1)];
      for (const type of [
        "sources",
        "organisations",
        "forums",
        "campaigns",
        "instruments",
        "people",
        "issues",
        "relationships",
        "stories",
      ]) {
        out.push(`  ${type.padEnd(16)} ${seven.get(type) ?? 0} / ${eight.get(type) ?? 0}`);
      }
      out.push(
        `  ${"total".padEnd(16)} ${[...seven.values()].reduce((a, b) => a + b, 0)} / ${[...eight.values()].reduce((a, b) => a + b, 0)}`,
      );
    }
  }
  out.push("", index ? `Own words: checked against ${FINGERPRINT_FILE}` : `Own words: not checked (no ${FINGERPRINT_FILE} in ${dir})`);
  process.stdout.write(out.join("\n") + "\n");

  const problems = index ? checkOwnWords(data, index, storyFile) : [];
  if (problems.length > 0) throw new DataValidationError(problems);
  process.stdout.write(`data:check ${dir}: OK\n`);
} catch (error) {
  if (error instanceof DataValidationError) {
    process.stderr.write(`data:check ${dir}: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
