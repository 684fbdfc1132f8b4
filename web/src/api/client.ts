/** Minimal GraphQL client: one POST per operation, errors surfaced with their API code. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
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
    throw new ApiError(first.message, first.extensions?.code ?? "INTERNAL_SERVER_ERROR");
  }
  if (!response.ok || !body.data) throw new ApiError(`The atlas server answered ${response.status}.`, "INTERNAL_SERVER_ERROR");
  return body.data;
}
