/**
 * Builds the Lucene query for full-text search from what a person typed. The text only ever reaches
 * Neo4j as a parameter; here it is split into words and escaped so it cannot change the query's
 * structure. Each word may match exactly (strong), as a prefix (while typing) or with small typos.
 */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Lucene's English stop words: the index drops them, and a prefix or fuzzy term is not analysed,
 * so "in*" would otherwise demand a word starting with "in" ("Migrant Forum in Asia" would miss).
 */
const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Words of the text: lower case, accents folded (like the index's analyzer), syntax and stop words dropped. */
export function searchTerms(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(LUCENE_SPECIAL, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term && !STOP_WORDS.has(term))
    .slice(0, 12);
}

/**
 * Edits a word may be off by: none for short words (acronyms), one from 4 letters. Two edits were
 * allowed from 8 letters, but a two-edit term costs Lucene about as much as the rest of the query
 * (measured on the 10k bench graph) and one edit already catches a slip like "Campensina".
 */
function fuzziness(term: string): number {
  return term.length >= 4 ? 1 : 0;
}

export function luceneQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  if (terms.length === 0) return undefined;
  return terms
    .map((term) => {
      const alternatives = [`${term}^4`, `${term}*^2`];
      const edits = fuzziness(term);
      if (edits > 0) alternatives.push(`${term}~${edits}`);
      return `(${alternatives.join(" OR ")})`;
    })
    .join(" AND ");
}
