/**
 * Matching incoming records against the atlas: the full-text index (case- and accent-folding, fuzzy
 * terms) finds candidates the viewer may see, and a similarity score over folded names, acronyms and
 * aliases (Levenshtein, fastest-levenshtein) ranks them. Each incoming name is CONFIDENT (one clear
 * best), AMBIGUOUS (candidates to choose from) or NEW (nothing close).
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
const BATCH = 500;

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

function luceneOr(names: string[]): string | null {
  const terms = [...new Set(names.flatMap(searchTerms))];
  if (!terms.length) return null;
  return terms.map((t) => (t.length >= 4 ? `${t} OR ${t}~1` : t)).join(" OR ");
}

export async function matchAgainstAtlas(db: Database, visible: readonly Visibility[], queries: MatchQuery[]): Promise<MatchResult[]> {
  const byKey = new Map(queries.map((q) => [q.key, q]));
  const found = new Map<string, Candidate[]>();
  const lucene = queries
    .map((q) => ({ key: q.key, query: luceneOr([...q.names, q.acronym ?? ""]) }))
    .filter((q): q is { key: string; query: string } => q.query !== null);
  for (let i = 0; i < lucene.length; i += BATCH) {
    const rows = await db.read(QUERIES.importCandidates, { queries: lucene.slice(i, i + BATCH), perQuery: 8, visible });
    for (const row of rows) {
      const query = byKey.get(row.key)!;
      const list = found.get(row.key) ?? [];
      if (!list.some((c) => c.id === row.id))
        list.push({ id: row.id, kind: row.kind as NodeKind, name: row.name, version: Number(row.version), score: scoreOf(query, row) });
      found.set(row.key, list);
    }
  }
  return queries.map((q) => {
    const candidates = (found.get(q.key) ?? [])
      .filter((c) => c.score >= CANDIDATE_SCORE)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    const [best, next] = candidates;
    let status: MatchStatus = "NEW";
    if (best && best.score >= CONFIDENT_SCORE && (!next || next.score < best.score - MARGIN)) status = "CONFIDENT";
    else if (best) status = "AMBIGUOUS";
    return { key: q.key, status, candidates: candidates.slice(0, 5) };
  });
}
