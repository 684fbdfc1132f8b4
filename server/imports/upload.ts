/**
 * The import route, POST /graphql/import: the same GraphQL endpoint with a larger body limit
 * (ATLAS_IMPORT_LIMIT_MB, 50 MB by default) for a user's file, and only for the import mutations.
 * Everything else keeps the 1 MB limit of /graphql, so the larger buffer cannot be used to send
 * any other operation. Anonymous requests are refused before the body is read: only a signed-in
 * contributor may import, and nobody else should make the server hold 50 MB.
 */
import { Kind, parse } from "graphql";

/** The root fields /graphql/import answers (and __typename, which costs nothing). */
const IMPORT_FIELDS = new Set(["previewImport", "applyImport", "__typename"]);

/** The import route's path; /graphql/import/ too. */
export const IMPORT_PATH = "/graphql/import";

export function isImportPath(path: string): boolean {
  return path === IMPORT_PATH || path === `${IMPORT_PATH}/`;
}

/** Whether the request carries credentials at all (a cookie or a bearer token); identify() checks them. */
export function hasCredentials(headers: Record<string, string | string[] | undefined>): boolean {
  return Boolean(headers.cookie) || /^Bearer\s+\S/i.test(String(headers.authorization ?? ""));
}

/**
 * Why the body may not go through the import route, or null when it is import mutations only.
 * The query is parsed with a token cap, so a huge query cannot cost more than a file would.
 */
export function refuseNonImport(body: Buffer): string | null {
  let query: unknown;
  try {
    query = (JSON.parse(body.toString("utf8")) as { query?: unknown } | null)?.query;
  } catch {
    return "The body is not JSON.";
  }
  if (typeof query !== "string") return 'The body has no "query".';
  let document;
  try {
    document = parse(query, { maxTokens: 5000, noLocation: true });
  } catch {
    return "The query does not parse.";
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const fieldsOnly = definition.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && IMPORT_FIELDS.has(selection.name.value),
    );
    if (definition.operation !== "mutation" || !fieldsOnly)
      return `Only the previewImport and applyImport mutations may be sent to ${IMPORT_PATH}; send other operations to /graphql.`;
  }
  return null;
}
