/**
 * The built web app (dist/web) through sirv. Vite puts a content hash in every file name under
 * assets/, so those are cached for a year as immutable; index.html (and anything unhashed) must be
 * revalidated on each visit, or a browser would keep pointing at the assets of an old build.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import sirv from "sirv";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function serveStatic(webDir: string): StaticHandler {
  return sirv(webDir, {
    single: true,
    etag: true,
    setHeaders(res, pathname) {
      res.setHeader("cache-control", pathname.startsWith("/assets/") ? IMMUTABLE : REVALIDATE);
    },
  });
}
