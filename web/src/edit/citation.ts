/**
 * A citation being written: an existing source or a new one (a document or web page), where in it,
 * and what it says in the writer's words. A new source is created first (createSource); the write
 * then cites its id.
 */
import { createSource } from "../api/edit";
import type { CitationInput } from "../api/gql/graphql";
import { formError as badInput } from "./errors";
import { uniqueSlug } from "./slug";

export const NEW_SOURCE = "__new";

export interface CitationDraft {
  /** A source id, NEW_SOURCE, or "" (none chosen). */
  source: string;
  locator: string;
  evidence: string;
  title: string;
  url: string;
  publisher: string;
  date: string;
}

export const emptyCitation = (): CitationDraft => ({ source: "", locator: "", evidence: "", title: "", url: "", publisher: "", date: "" });

/** The citation fields a form shows errors for. */
export const CITATION_FIELDS = ["source", "locator", "evidence", "title", "url", "publisher", "date"] as const;

/**
 * The CitationInput a write sends, creating the new source first. A contributor's new source is
 * only proposed, so it cannot be cited until an editor accepts it: that is said on the source field.
 */
export async function resolveCitation(draft: CitationDraft): Promise<CitationInput> {
  if (!draft.source) throw badInput("source", "must be chosen: an existing source or a new one");
  let source = draft.source;
  if (source === NEW_SOURCE) {
    const id = uniqueSlug(draft.title || "source");
    const result = await createSource({
      id,
      title: draft.title.trim(),
      url: draft.url.trim(),
      ...(draft.publisher.trim() ? { publisher: draft.publisher.trim() } : {}),
      ...(draft.date.trim() ? { date: draft.date.trim() } : {}),
    });
    if (result.status !== "APPLIED")
      throw badInput("source", "is proposed for review: it can be cited once an editor accepts it. Choose an existing source meanwhile.");
    source = id;
  }
  return { source, locator: draft.locator.trim(), evidence: draft.evidence.trim() };
}
