/**
 * Orders search candidates the way a person expects. Lucene (the `entity_names` full-text index)
 * finds candidates, including near-misses; this decides their order, in tiers:
 *   1. the whole text is exactly a name or acronym (then an alias or short name);
 *   2. more of the typed words matched, a whole word counting more than a prefix or a typo;
 *   3. more of the node's own name covered by the text (the ITUC before ITUC Africa);
 *   4. Lucene's relevance, then the shorter name.
 * A forum occurrence also answers to its series' names, its year and its city ("GFMD Dhaka",
 * "ILC 2011"), which its own name often leaves out.
 */
import type { ForumSeries } from "../../core/vocabulary.js";
import type { NodeProps } from "../read/rows.js";
import { textWords, withinOneEdit } from "./words.js";

/** What the documents and the people who use the atlas call each forum series. */
export const SERIES_NAMES: Partial<Record<ForumSeries, readonly string[]>> = {
  GFMD: ["GFMD", "Global Forum on Migration and Development"],
  GFMD_CIVIL_SOCIETY: ["GFMD", "GFMD civil society", "GFMD CSM", "Civil Society Days"],
  PGA: ["PGA", "People's Global Action"],
  UN_HLD: ["HLD", "UN HLD", "High Level Dialogue", "UN High Level Dialogue"],
  ILC: ["ILC", "International Labour Conference"],
  WSFM: ["WSFM", "World Social Forum on Migration"],
  WSF: ["WSF", "World Social Forum"],
};

const SERIES_WORDS = Object.entries(SERIES_NAMES).map(([series, names]) => ({
  series: series as ForumSeries,
  names: names.map(textWords),
}));

/** What a typed text says: its words, and the forum series, years and places it may name. */
export interface SearchText {
  words: string[];
  phrase: string;
  /** Series one of whose names is wholly among the words. */
  series: ForumSeries[];
  years: number[];
}

export function readSearchText(text: string): SearchText {
  const words = [...new Set(textWords(text))];
  const present = new Set(words);
  const series = SERIES_WORDS.filter(({ names }) => names.some((name) => name.every((w) => present.has(w)))).map((s) => s.series);
  const years = words.filter((w) => /^(1[89]|20)\d\d$/.test(w)).map(Number);
  return { words, phrase: words.join(" "), series, years };
}

export interface Candidate {
  node: NodeProps;
  score: number;
}

/** How well one typed word matches one word of the node: whole, the start of it, or a slip away. */
function wordMatch(typed: string, word: string): number {
  if (typed === word) return 1;
  if (typed.length >= 2 && word.startsWith(typed)) return 0.6;
  if (typed.length >= 4 && word.length >= 4 && withinOneEdit(typed, word)) return 0.5;
  return 0;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

interface Ranked extends Candidate {
  exact: number;
  matched: number;
  coverage: number;
}

function rankOne(candidate: Candidate, query: SearchText): Ranked {
  const node = candidate.node;
  const primary = [node.name, ...strings(node.acronym)].map(textWords);
  const secondary = [...strings(node.shortName), ...(node.aliases ?? [])].map(textWords);
  const labels = [...primary, ...secondary];
  const same = (words: string[]) => words.join(" ") === query.phrase;
  const exact = primary.some(same) ? 2 : secondary.some(same) ? 1 : 0;

  // A forum's context: its series' names, its year and its city count as words of the node.
  const context: string[] = [];
  if (typeof node.series === "string") {
    for (const name of SERIES_NAMES[node.series as ForumSeries] ?? []) context.push(...textWords(name));
  }
  if (typeof node.year === "number") context.push(String(node.year));
  for (const field of [node.city, node.country]) for (const s of strings(field)) context.push(...textWords(s));
  const vocabulary = [...new Set([...labels.flat(), ...context])];

  let matched = 0;
  for (const typed of query.words) {
    let best = 0;
    for (const word of vocabulary) best = Math.max(best, wordMatch(typed, word));
    matched += best;
  }
  // Of the label the text fits best, the share of its words the text names.
  const typed = new Set(query.words);
  let coverage = 0;
  for (const label of labels) {
    if (label.length === 0) continue;
    coverage = Math.max(coverage, label.filter((w) => typed.has(w)).length / label.length);
  }
  return { ...candidate, exact, matched, coverage };
}

/**
 * One number that orders like the tiers: an exact match outweighs any count of words (at most 12 are
 * read), a word (steps of at least 0.1) outweighs coverage, and Lucene's score (squashed below 1)
 * only breaks ties.
 */
function relevance(r: Ranked): number {
  return r.exact * 10_000 + r.matched * 100 + r.coverage * 5 + r.score / (1 + r.score);
}

/** The candidates in the order described above, each node once, at most `limit`. */
export function rankCandidates(candidates: Candidate[], text: string, limit: number): Candidate[] {
  const query = readSearchText(text);
  const byId = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = byId.get(c.node.id);
    if (!seen || seen.score < c.score) byId.set(c.node.id, c);
  }
  const ranked = [...byId.values()]
    .map((c) => rankOne(c, query))
    .filter((r) => r.matched > 0 || r.exact > 0)
    .map((r) => ({ node: r.node, score: relevance(r) }));
  ranked.sort((a, b) => b.score - a.score || a.node.name.length - b.node.name.length || a.node.name.localeCompare(b.node.name));
  return ranked.slice(0, limit);
}
