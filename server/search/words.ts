/**
 * How search reads text, on both sides (what was typed, and the names it is compared with):
 * accents folded, case ignored, apostrophes and other punctuation turned into word breaks, a
 * possessive "’s" dropped, and British and American spellings of the same word made one.
 */

/** Words that carry no meaning in a name (the index's analyzer drops the same ones). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Apostrophes of every kind: straight, curly, backtick, modifier letter, prime. */
const APOSTROPHES = /['’‘`ʼ′]/gu;

/** Lower case, accents folded, apostrophes unified, every run of non-letters one space. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(/'s\b/g, "") // "People’s Global Action" reads like "People Global Action"
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * One spelling for words that British and American English spell differently, so "labor
 * organisation" finds the "International Labour Organization". Only word endings that are
 * reliably spelling variants are rewritten.
 */
export function canonicalWord(word: string): string {
  return word
    .replace(/^(labo|favo|hono|colo|neighbo|behavio)ur(s|ed|ing)?$/, "$1r$2")
    .replace(/is(ation|ations|ing|ed|es|e)$/, (match, tail: string) => (word.length > 6 ? `iz${tail}` : match))
    .replace(/^(cen|thea|li|me)tre(s)?$/, "$1ter$2")
    .replace(/^programme(s)?$/, "program$1");
}

/** The meaningful words of a text: folded, spelling-unified, stop words and lone letters dropped. */
export function textWords(text: string): string[] {
  return foldText(text)
    .split(" ")
    .filter((word) => word.length > 1 || /\d/.test(word))
    .filter((word) => !STOP_WORDS.has(word))
    .map(canonicalWord);
}

/**
 * Whether two words are at most one edit apart (insertion, deletion, substitution, or swapping two
 * neighbours), like Lucene's `~1`: enough for a slip ("Campensina", "Internatonal").
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // substitution, or a swap of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
