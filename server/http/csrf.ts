/**
 * CSRF prevention: graphql-yoga's plugin refuses the content types a cross-site HTML form (or a
 * "simple" fetch) can send without a CORS preflight (form-urlencoded, multipart, text/plain) and
 * GET requests without its `x-graphql-yoga-csrf` header. Its refusal is re-thrown as our FORBIDDEN
 * error, so it is answered as an API error (403) instead of being masked and logged as a failure.
 */
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import type { Plugin } from "graphql-yoga";

import { apiError } from "../graphql/errors.js";

export const CSRF_HEADER = "x-graphql-yoga-csrf";

export function useCsrfPrevention(): Plugin {
  const inner = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      try {
        return inner.onRequestParse?.(payload);
      } catch {
        throw apiError("FORBIDDEN", `Send JSON (content-type: application/json), or the ${CSRF_HEADER} header on GET requests.`, {
          http: { status: 403 },
        });
      }
    },
  };
}
