/** Minimal GraphQL client: one POST per operation, errors surfaced with their API code. */
import type { TypedDocumentString } from "./gql/graphql";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The error's other extensions: `field` (BAD_USER_INPUT), `id` and `currentVersion` (CONFLICT), `problems`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/**
 * Sends a document generated from schema.graphql (see codegen.ts): its result and variables are
 * typed by the schema, so a document that disagrees with it fails the typecheck.
 */
export async function request<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  signal?: AbortSignal,
  /** /graphql/import for the import mutations (a larger body limit, see server/imports/upload.ts). */
  endpoint = "/graphql",
): Promise<T> {
  return requestText<T>(document.toString(), variables as Record<string, unknown>, signal, endpoint);
}

/** A query written as plain text (the boot script's, which must stay a string for index.html). */
export async function requestText<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
  endpoint = "/graphql",
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("The atlas server cannot be reached.", "NETWORK_ERROR");
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.message, first.extensions?.code ?? "INTERNAL_SERVER_ERROR", first.extensions ?? {});
  }
  if (!response.ok || !body.data) throw new ApiError(`The atlas server answered ${response.status}.`, "INTERNAL_SERVER_ERROR");
  return body.data;
}
