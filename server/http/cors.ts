/**
 * Cross-origin policy. Same-origin by default: a request whose Origin is neither this server's
 * host nor on the allow-list (ATLAS_CORS_ORIGINS) is refused with 403 before anything runs, so a
 * page on another site can neither read answers nor trigger work. Allow-listed origins get CORS
 * headers from Yoga, without credentials (nothing here uses cookies yet).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import type { CORSOptions } from "graphql-yoga";

/** Normalises `https://Example.org/` to `https://example.org` so the allow-list compares exactly. */
export function normaliseOrigin(origin: string): string {
  const url = new URL(origin);
  return url.origin;
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

export function isOriginAllowed(req: IncomingMessage, allowList: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a cross-site browser request
  if (isSameOrigin(origin, req.headers.host)) return true;
  return allowList.includes(origin);
}

export function refuseOrigin(res: ServerResponse): void {
  const body = JSON.stringify({ errors: [{ message: "This origin is not allowed to call the API.", extensions: { code: "FORBIDDEN" } }] });
  res.writeHead(403, { "content-type": "application/json; charset=utf-8" });
  res.end(body);
}

/** Yoga's per-request CORS options: headers only for allow-listed foreign origins. */
export function corsOptions(allowList: readonly string[]): (request: Request) => CORSOptions | false {
  return (request) => {
    const origin = request.headers.get("origin");
    if (origin === null || !allowList.includes(origin)) return false;
    return {
      origin,
      credentials: false,
      methods: ["GET", "POST"],
      allowedHeaders: ["content-type", "accept", "x-graphql-yoga-csrf", "if-none-match"],
      exposedHeaders: ["etag"],
      maxAge: 600,
    };
  };
}
