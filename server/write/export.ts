/**
 * `db:export`: the whole atlas — bundled records and users' work, with visibility and citations — as
 * a data/ directory that `data:check` accepts and the loader loads. Records are turned back into
 * their data/ shape by the same conversion the write layer uses (records.ts); the bookkeeping of the
 * curation model (version, origin) is not part of data/: a loaded export starts as bundled data.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { STORY_FILE_TYPE, STORY_FILE_VERSION } from "../../core/story-format.js";
import type { NodeKind } from "../../core/vocabulary.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { FINGERPRINT_FILE } from "../import/own-words.js";
import { DATA_FILES, type DataFileKey } from "../import/schema.js";
import { STORIES_DIR } from "../import/stories.js";
import { nodeRecordOf, relationshipRecordOf, sourceRecordOf } from "./records.js";
import type { Props } from "./types.js";

const FILE_OF_KIND: Record<NodeKind, DataFileKey> = {
  ORGANISATION: "organisations",
  FORUM: "forums",
  CAMPAIGN: "campaigns",
  INSTRUMENT: "instruments",
  PERSON: "people",
  ISSUE: "issues",
};

export interface ExportReport {
  dir: string;
  counts: Partial<Record<DataFileKey | "stories", number>>;
}

/** Writes the atlas into `dir` (created if needed); `fingerprintFrom` is a data/ dir whose documents' fingerprint to copy. */
export async function exportAtlas(db: Database, dir: string, fingerprintFrom?: string): Promise<ExportReport> {
  const files: Record<DataFileKey, unknown[]> = {
    sources: [],
    organisations: [],
    forums: [],
    campaigns: [],
    instruments: [],
    people: [],
    issues: [],
    relationships: [],
  };
  for (const row of await db.read(QUERIES.exportSources))
    files.sources.push(sourceRecordOf({ kind: "source", id: row.id, props: row.props as Props }));
  for (const row of await db.read(QUERIES.exportNodes)) {
    const { kind, record } = nodeRecordOf({ kind: "node", ...row, props: row.props as Props });
    files[FILE_OF_KIND[kind]].push(record);
  }
  for (const row of await db.read(QUERIES.exportRelationships))
    files.relationships.push(relationshipRecordOf({ kind: "relationship", ...row, props: row.props as Props }));

  mkdirSync(dir, { recursive: true });
  const counts: ExportReport["counts"] = {};
  for (const [key, records] of Object.entries(files) as [DataFileKey, unknown[]][]) {
    writeFileSync(join(dir, DATA_FILES[key].file), JSON.stringify(records, null, 2) + "\n");
    counts[key] = records.length;
  }
  const stories = await db.read(QUERIES.exportStories);
  if (stories.length) mkdirSync(join(dir, STORIES_DIR), { recursive: true });
  stories.forEach((story, i) => {
    const file = {
      type: STORY_FILE_TYPE,
      version: STORY_FILE_VERSION,
      id: story.id,
      title: story.title,
      summary: story.summary,
      steps: JSON.parse(story.steps),
    };
    // File names keep the stories' order (they are read sorted by name).
    writeFileSync(join(dir, STORIES_DIR, `${String(i + 1).padStart(2, "0")}-${story.id}.json`), JSON.stringify(file, null, 2) + "\n");
  });
  counts.stories = stories.length;
  if (fingerprintFrom && existsSync(join(fingerprintFrom, FINGERPRINT_FILE)))
    copyFileSync(join(fingerprintFrom, FINGERPRINT_FILE), join(dir, FINGERPRINT_FILE));
  return { dir, counts };
}
