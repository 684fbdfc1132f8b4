/**
 * Builds the Lucene query for full-text search from what a person typed. The text only ever reaches
 * Neo4j as a parameter; here it is split into words and escaped so it cannot change the query's
 * structure. Each word may match exactly (strong), as a prefix (while typing) or with small typos.
 */
import { foldText, STOP_WORDS } from "../search/words.js";

/**
 * Words of the text as the index's analyzer sees them: lower case, accents folded, punctuation and
 * apostrophes (curly or straight) as word breaks, stop words and lone letters dropped. Only letters
 * and digits survive, so no Lucene syntax can reach the query.
 */
export function searchTerms(text: string): string[] {
  return foldText(text)
    .split(" ")
    .filter((term) => (term.length > 1 || /\d/.test(term)) && !STOP_WORDS.has(term))
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
  return (
    terms
      .map((term) => {
        const alternatives = [`${term}^4`, `${term}*^2`];
        const edits = fuzziness(term);
        if (edits > 0) alternatives.push(`${term}~${edits}`);
        return `(${alternatives.join(" OR ")})`;
      })
      // Any word may match: the ranking (server/search/rank.ts) puts nodes matching more words first,
      // and a text with one unknown word still finds what its other words name.
      .join(" OR ")
  );
}
