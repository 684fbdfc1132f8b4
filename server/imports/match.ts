/**
 * Matching incoming records against the atlas. The names, acronyms, short names and aliases of every
 * node the viewer may see are read once (one query) into an in-memory index of their words, as the
 * full-text index splits them (case- and accent-folded, stop words dropped), and of each word's
 * one-letter deletions, so a word one edit away (a typo) is found by a lookup, as Lucene's `~1`
 * would. Candidates sharing the most words are then ranked by a similarity score over folded names,
 * acronyms and aliases (Levenshtein, fastest-levenshtein). Each incoming name is CONFIDENT (one clear
 * best), AMBIGUOUS (candidates to choose from) or NEW (nothing close). One full-text query per row
 * cost 10 ms each under load; the index answers a 50,000-row file in seconds.
 */
import { distance } from "fastest-levenshtein";

import type { Visibility } from "../../core/access.js";
import type { NodeKind } from "../../core/vocabulary.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { searchTerms } from "../read/lucene.js";
import { foldName } from "./rows.js";

export type MatchStatus = "CONFIDENT" | "AMBIGUOUS" | "NEW";

export interface Candidate {
  id: string;
  kind: NodeKind;
  name: string;
  version: number;
  /** 0–1: how alike the names are (1: the same once folded). */
  score: number;
}

export interface MatchQuery {
  key: string;
  kind: string | null;
  names: string[];
  acronym?: string;
}

export interface MatchResult {
  key: string;
  status: MatchStatus;
  candidates: Candidate[];
}

/** At or above: the same organisation, if nothing else comes close. */
export const CONFIDENT_SCORE = 0.9;
/** At or above: worth offering as a candidate. */
export const CANDIDATE_SCORE = 0.6;
/** A confident match must lead the next candidate by this much. */
const MARGIN = 0.05;
/** How many of the nodes sharing the most words with a row are scored (the full-text query took 8). */
const SHORTLIST = 16;
/** Words shorter than this must be spelled exactly (acronyms, "eu"), as in the search box. */
const FUZZY_FROM = 4;

export function similarity(a: string, b: string): number {
  const x = foldName(a);
  const y = foldName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

function scoreOf(query: MatchQuery, row: { kind: string; name: string; acronym: string | null; aliases: string[] }): number {
  const theirs = [row.name, ...row.aliases];
  let best = Math.max(0, ...query.names.flatMap((mine) => theirs.map((t) => similarity(mine, t))));
  // Acronyms are short: only an exact (folded) acronym counts, a one-letter slip is another body.
  const acronyms = [query.acronym, ...query.names].filter((a): a is string => !!a).map(foldName);
  if (row.acronym && acronyms.includes(foldName(row.acronym))) best = Math.max(best, 0.95);
  // Another kind of node with the same name (a campaign named after its network) is a weaker match.
  if (query.kind && query.kind !== row.kind) best *= 0.8;
  return Math.round(best * 1000) / 1000;
}

interface AtlasName {
  id: string;
  kind: string;
  name: string;
  acronym: string | null;
  aliases: string[];
  /** Found by (the full-text index covers it), not scored on. */
  shortName: string | null;
  version: number;
}

/** The word's one-letter deletions: two words one edit apart share one of them, or one is the other's. */
function deletions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The atlas's names, indexed by word, by one-letter deletion of each word, and by folded acronym. */
export class AtlasNameIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly deleted = new Map<string, number[]>();
  private readonly acronyms = new Map<string, number[]>();

  constructor(readonly nodes: AtlasName[]) {
    nodes.forEach((node, i) => {
      const words = new Set(
        [node.name, node.acronym, node.shortName, ...node.aliases].filter((n): n is string => !!n).flatMap(searchTerms),
      );
      for (const word of words) {
        push(this.exact, word, i);
        if (word.length >= FUZZY_FROM) for (const d of deletions(word)) push(this.deleted, d, i);
      }
      if (node.acronym) push(this.acronyms, foldName(node.acronym), i);
    });
  }

  /** The nodes sharing the most words with the query (an exact word counts twice a near one). */
  shortlist(query: MatchQuery): AtlasName[] {
    const weight = new Map<number, number>();
    const add = (hits: number[] | undefined, w: number, seen: Set<number>) => {
      for (const i of hits ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        weight.set(i, (weight.get(i) ?? 0) + w);
      }
    };
    const words = new Set([...query.names, query.acronym ?? ""].flatMap(searchTerms));
    for (const word of words) {
      const seen = new Set<number>();
      add(this.exact.get(word), 2, seen);
      if (word.length < FUZZY_FROM) continue;
      add(this.deleted.get(word), 1, seen);
      for (const d of deletions(word)) {
        add(this.exact.get(d), 1, seen);
        add(this.deleted.get(d), 1, seen);
      }
    }
    const ranked = [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST);
    const chosen = new Set(ranked.map(([i]) => i));
    // An exact acronym is always a candidate, however common its words are.
    for (const name of [query.acronym, ...query.names]) if (name) for (const i of this.acronyms.get(foldName(name)) ?? []) chosen.add(i);
    return [...chosen].map((i) => this.nodes[i]);
  }
}

/** Reads the names of every node the viewer may see into an index (one query). */
export async function atlasNameIndex(db: Database, visible: readonly Visibility[]): Promise<AtlasNameIndex> {
  const rows = await db.read(QUERIES.importMatchIndex, { visible });
  return new AtlasNameIndex(
    rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      acronym: r.acronym,
      aliases: r.aliases,
      shortName: r.shortName,
      version: Number(r.version),
    })),
  );
}

export function matchQuery(index: AtlasNameIndex, q: MatchQuery): MatchResult {
  const candidates = index
    .shortlist(q)
    .map((row) => ({ id: row.id, kind: row.kind as NodeKind, name: row.name, version: row.version, score: scoreOf(q, row) }))
    .filter((c) => c.score >= CANDIDATE_SCORE)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const [best, next] = candidates;
  let status: MatchStatus = "NEW";
  if (best && best.score >= CONFIDENT_SCORE && (!next || next.score < best.score - MARGIN)) status = "CONFIDENT";
  else if (best) status = "AMBIGUOUS";
  return { key: q.key, status, candidates: candidates.slice(0, 5) };
}

export async function matchAgainstAtlas(
  db: Database,
  visible: readonly Visibility[],
  queries: MatchQuery[],
  onProgress?: (done: number, total: number) => void,
): Promise<MatchResult[]> {
  const index = await atlasNameIndex(db, visible);
  const results: MatchResult[] = [];
  for (const q of queries) {
    results.push(matchQuery(index, q));
    if (results.length % 1000 === 0 || results.length === queries.length) {
      onProgress?.(results.length, queries.length);
      // Lets other requests in (the wizard's progress polls among them) between thousands of matches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return results;
}
