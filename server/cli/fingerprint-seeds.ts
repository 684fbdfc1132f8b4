/**
 * `npm run data:fingerprint -- --seeds <folder>`: rebuilds data/sources.fingerprint.json, the
 * fingerprint data:check's own-words rule compares prose against, from the source documents (each
 * source in sources.json names its file). Only hashes are written, never text from the documents.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

import { buildFingerprint, FINGERPRINT_FILE } from "../import/own-words.js";
import { sourceSchema } from "../import/schema.js";

const { values } = parseArgs({ options: { seeds: { type: "string" }, dir: { type: "string", default: "data" } } });
const seeds = values.seeds;
if (!seeds) {
  process.stderr.write("usage: npm run data:fingerprint -- --seeds <folder holding the source documents> [--dir data]\n");
  process.exit(2);
}
const dir = resolve(values.dir);
const sources = sourceSchema.array().parse(JSON.parse(readFileSync(join(dir, "sources.json"), "utf8")));
const fingerprint = buildFingerprint(
  // Only bundled documents have a file; users' web pages are not fingerprinted.
  sources.flatMap(({ id, file }) => (file ? [{ source: id, file, text: readFileSync(join(resolve(seeds), file), "utf8") }] : [])),
);
writeFileSync(join(dir, FINGERPRINT_FILE), JSON.stringify(fingerprint, null, 2) + "\n");
const total = Object.values(fingerprint.sources).reduce((n, s) => n + s.shingles, 0);
process.stdout.write(`${FINGERPRINT_FILE}: ${sources.length} sources, ${total} shingles of ${fingerprint.words} words\n`);
