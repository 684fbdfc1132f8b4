/**
 * GraphQL while Neo4j is down: HTTP 503 with SERVICE_UNAVAILABLE and a Retry-After, so load
 * balancers and monitors see the outage (a 200 carrying an error looks healthy to them). Requests
 * are answered before they reach a resolver; one that was already running when the database went
 * away gets the same status. GraphiQL's page still loads.
 */
import type { Plugin } from "graphql-yoga";

import type { DatabaseAvailability } from "./availability.js";

const MESSAGE = "The database is unavailable; try again shortly.";

function hasUnavailableError(result: unknown): boolean {
  const errors = (result as { errors?: readonly { extensions?: { code?: unknown } }[] } | undefined)?.errors;
  return errors?.some((error) => error.extensions?.code === "SERVICE_UNAVAILABLE") ?? false;
}

export function useDatabaseAvailability(availability: DatabaseAvailability): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const state = availability.state();
      if (state.up) return;
      if (request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html")) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE" } }] }), {
          status: 503,
          headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(state.retryAfterS) },
        }),
      );
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !hasUnavailableError(result)) return;
      const state = availability.state();
      const retryAfterS = state.up ? 5 : state.retryAfterS;
      const withStatus = result as { extensions?: Record<string, unknown> };
      // Yoga takes the status and headers from `extensions.http` and strips it from the body.
      setResult({
        ...result,
        extensions: { ...withStatus.extensions, http: { status: 503, headers: { "retry-after": String(retryAfterS) } } },
      } as typeof result);
    },
  };
}
