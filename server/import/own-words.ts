/**
 * The "own words" rule: no text field of the dataset shares a run of SHINGLE_WORDS or more words with
 * a source document, names and titles aside. The documents themselves are never committed; the check
 * runs against a fingerprint of them (data/sources.fingerprint.json): the set of hashes of every
 * normalised run of SHINGLE_WORDS words, truncated to HASH_BITS bits, sorted and delta-encoded. It
 * cannot be read back into text (though one who holds six words of a document can test guesses for the
 * seventh); `npm run data:fingerprint` rebuilds it from the documents.
 */
import { createHash } from "node:crypto";

import type { Dataset } from "./schema.js";
import { type DataProblem, relationshipId } from "./validate.js";

/** A run this long or longer is a copy. */
export const SHINGLE_WORDS = 7;
/** Bits kept of each shingle's SHA-256: with ~35k shingles a chance hit is about one in 30 million per shingle checked. */
export const HASH_BITS = 40;
export const FINGERPRINT_FILE = "sources.fingerprint.json";

/**
 * Words of a text, normalised so trivial variants compare equal: accents dropped, lower case,
 * apostrophes removed (workers’ = workers'), "&" read as "and", every other non-alphanumeric a break.
 */
export function normaliseWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Editing marks of the seed files (footnote anchors, bookmarks, link targets) that are not words of the text. */
export function stripSeedMarkup(raw: string): string {
  return raw
    .replace(/\[footnoteRef:\d+\]/g, " ")
    .replace(/\[bookmark:[^\]]*\]/g, " ")
    .replace(/\[\d+:\s/g, " ")
    .replace(/\]\(#\)/g, " ")
    .replace(/[*#]+/g, " ");
}

export function shingleHash(words: readonly string[]): number {
  return createHash("sha256")
    .update(words.join(" "))
    .digest()
    .readUIntBE(0, HASH_BITS / 8);
}

function shingleHashes(words: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.push(shingleHash(words.slice(i, i + SHINGLE_WORDS)));
  return out;
}

/** Sorted, distinct values as base64 of LEB128 deltas (about 4 bytes a shingle instead of 5). */
export function encodeHashes(values: Iterable<number>): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const bytes: number[] = [];
  let previous = 0;
  for (const value of sorted) {
    let delta = value - previous;
    previous = value;
    while (delta >= 0x80) {
      bytes.push((delta % 0x80) | 0x80);
      delta = Math.floor(delta / 0x80);
    }
    bytes.push(delta);
  }
  return Buffer.from(bytes).toString("base64");
}

export function decodeHashes(encoded: string): Set<number> {
  const bytes = Buffer.from(encoded, "base64");
  const out = new Set<number>();
  let value = 0;
  let delta = 0;
  let scale = 1;
  for (const byte of bytes) {
    delta += (byte & 0x7f) * scale;
    if (byte & 0x80) scale *= 0x80;
    else {
      value += delta;
      out.add(value);
      delta = 0;
      scale = 1;
    }
  }
  return out;
}

export interface SourceFingerprint {
  /** The seed file it was built from (as in sources.json). */
  file: string;
  shingles: number;
  hashes: string;
}

export interface Fingerprint {
  version: 1;
  words: typeof SHINGLE_WORDS;
  hashBits: typeof HASH_BITS;
  sources: Record<string, SourceFingerprint>;
}

export function buildFingerprint(documents: { source: string; file: string; text: string }[]): Fingerprint {
  const sources: Record<string, SourceFingerprint> = {};
  for (const doc of [...documents].sort((a, b) => a.source.localeCompare(b.source))) {
    const hashes = shingleHashes(normaliseWords(stripSeedMarkup(doc.text)));
    sources[doc.source] = { file: doc.file, shingles: new Set(hashes).size, hashes: encodeHashes(hashes) };
  }
  return { version: 1, words: SHINGLE_WORDS, hashBits: HASH_BITS, sources };
}

/** Every source's shingle hashes, for lookups. */
export type FingerprintIndex = Map<string, Set<number>>;

export function indexFingerprint(fingerprint: Fingerprint): FingerprintIndex {
  if (fingerprint.version !== 1 || fingerprint.words !== SHINGLE_WORDS || fingerprint.hashBits !== HASH_BITS) {
    throw new Error(
      `fingerprint format ${fingerprint.version}/${fingerprint.words}/${fingerprint.hashBits} is not ${1}/${SHINGLE_WORDS}/${HASH_BITS}: rebuild it with npm run data:fingerprint`,
    );
  }
  return new Map(Object.entries(fingerprint.sources).map(([source, fp]) => [source, decodeHashes(fp.hashes)]));
}

/** Multi-word names and titles, normalised; words inside one of them do not count towards a run. */
export class NameList {
  private readonly byLength = new Map<number, Set<string>>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      // "First UN High Level Dialogue on Migration and Development (2006)" is also named without its
      // year, but "Decent Work (ILO Director-General's Report, 1999)" is not reduced to a common phrase.
      const bare = name.replace(/\([^)]*\)/g, " ");
      for (const variant of normaliseWords(bare).length >= 3 ? [name, bare] : [name]) {
        const words = normaliseWords(variant);
        if (words.length < 2) continue;
        const set = this.byLength.get(words.length) ?? new Set<string>();
        set.add(words.join(" "));
        this.byLength.set(words.length, set);
      }
    }
  }

  /** For each word, whether it lies inside an occurrence of a name. */
  mask(words: readonly string[]): boolean[] {
    const inName = words.map(() => false);
    for (const [length, names] of this.byLength) {
      for (let i = 0; i + length <= words.length; i++) {
        if (names.has(words.slice(i, i + length).join(" "))) for (let k = i; k < i + length; k++) inName[k] = true;
      }
    }
    return inName;
  }
}

export interface SharedRun {
  /** The run as normalised words. */
  text: string;
  /** Words of the run that are not part of a name or title. */
  words: number;
  sources: string[];
}

/**
 * Maximal runs of the text whose every SHINGLE_WORDS-word window is a shingle of a document, with
 * the number of their words outside names; only runs with at least `minWords` such words.
 */
export function sharedRuns(text: string, index: FingerprintIndex, names: NameList, minWords = SHINGLE_WORDS): SharedRun[] {
  const words = normaliseWords(text);
  const inName = names.mask(words);
  const hits: string[][] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const hash = shingleHash(words.slice(i, i + SHINGLE_WORDS));
    hits.push([...index].filter(([, set]) => set.has(hash)).map(([source]) => source));
  }
  const runs: SharedRun[] = [];
  let i = 0;
  while (i < hits.length) {
    if (hits[i].length === 0) {
      i++;
      continue;
    }
    const start = i;
    const sources = new Set<string>();
    while (i < hits.length && hits[i].length > 0) hits[i++].forEach((s) => sources.add(s));
    const end = i - 1 + SHINGLE_WORDS;
    const count = inName.slice(start, end).filter((named) => !named).length;
    if (count >= minWords) runs.push({ text: words.slice(start, end).join(" "), words: count, sources: [...sources].sort() });
  }
  return runs;
}

export interface TextField {
  file: string;
  /** The kind of record: a data file's key, or "stories". */
  recordType: string;
  record: string;
  field: string;
  text: string;
}

/** Keys of our own prose; names, titles, locators and enum values are not. */
const PROSE_KEYS = new Set(["description", "evidence", "note", "goal", "outcome", "summary", "body", "question", "explanation", "hint"]);

function collect(value: unknown, path: string, at: Omit<TextField, "field" | "text">, out: TextField[], storyTitles: boolean) {
  if (Array.isArray(value)) value.forEach((v, i) => collect(v, path ? `${path}.${i}` : String(i), at, out, storyTitles));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (typeof v === "string") {
        if (PROSE_KEYS.has(key) || (storyTitles && key === "title")) out.push({ ...at, field, text: v });
      } else collect(v, field, at, out, storyTitles);
    }
  }
}

/** Every prose field of the dataset and its stories (a story's titles are ours too; a source's title is not). */
export function textFields(data: Dataset, storyFile: (id: string) => string = (id) => `stories/${id}`): TextField[] {
  const out: TextField[] = [];
  const files = {
    sources: "sources.json",
    organisations: "organisations.json",
    forums: "forums.json",
    campaigns: "campaigns.json",
    instruments: "instruments.json",
    people: "people.json",
    issues: "issues.json",
  } as const;
  for (const [recordType, file] of Object.entries(files) as [keyof typeof files, string][]) {
    for (const record of data[recordType]) collect(record, "", { file, recordType, record: record.id }, out, false);
  }
  data.relationships.forEach((r, i) =>
    collect(r, "", { file: "relationships.json", recordType: "relationships", record: `#${i} (${relationshipId(r)})` }, out, false),
  );
  for (const story of data.stories) collect(story, "", { file: storyFile(story.id), recordType: "stories", record: story.id }, out, true);
  return out;
}

/** Proper names and titles the dataset knows: node names, aliases, acronyms and short names, and source titles (issues are themes, not names). */
export function namesOf(data: Dataset): NameList {
  const names: string[] = data.sources.map((s) => s.title);
  for (const n of [...data.forums, ...data.campaigns, ...data.people]) names.push(n.name, ...(n.aliases ?? []));
  for (const o of data.organisations) names.push(o.name, ...(o.aliases ?? []), ...(o.acronym ? [o.acronym] : []));
  for (const i of data.instruments) names.push(i.name, ...(i.aliases ?? []), ...(i.shortName ? [i.shortName] : []));
  return new NameList(names);
}

export interface FieldRuns extends TextField {
  runs: SharedRun[];
}

/** The prose fields that share a run of `minWords` or more words with a document. */
export function fieldsWithSharedRuns(
  data: Dataset,
  index: FingerprintIndex,
  minWords = SHINGLE_WORDS,
  storyFile?: (id: string) => string,
): FieldRuns[] {
  const names = namesOf(data);
  return textFields(data, storyFile)
    .map((f) => ({ ...f, runs: sharedRuns(f.text, index, names, minWords) }))
    .filter((f) => f.runs.length > 0);
}

/** data:check's rule: one problem per field, naming the longest run and the documents it is in. */
export function checkOwnWords(data: Dataset, index: FingerprintIndex, storyFile?: (id: string) => string): DataProblem[] {
  return fieldsWithSharedRuns(data, index, SHINGLE_WORDS, storyFile).map(({ file, record, field, runs }) => {
    const longest = runs.reduce((a, b) => (b.words > a.words ? b : a));
    const more = runs.length > 1 ? ` (and ${runs.length - 1} more)` : "";
    return {
      file,
      record,
      field,
      message: `shares ${longest.words} words with ${longest.sources.join(", ")}: "${longest.text}"${more}; rewrite it in our own words`,
    };
  });
}
