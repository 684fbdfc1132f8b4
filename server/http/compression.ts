/**
 * gzip and brotli for everything above 1 KiB whose type compresses (JSON answers, HTML, JS, CSS),
 * chosen by Accept-Encoding. Uses the `compression` middleware (expressjs, brotli since 1.8) rather
 * than hand-written zlib piping: it handles Vary, HEAD, 304s, streaming and back-pressure. Its brotli
 * quality 4 is kept: quality 11 costs many times the CPU on every whole-graph answer
 * (bench/compression.ts measures the bytes).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import compression from "compression";

export const COMPRESSION_THRESHOLD_BYTES = 1024;

const middleware = compression({
  threshold: COMPRESSION_THRESHOLD_BYTES,
  // Server-sent events (live changes) must reach the client as written: a gzip stream would hold
  // each event back until its buffer fills.
  filter: (req, res) => !String(res.getHeader("content-type") ?? "").startsWith("text/event-stream") && compression.filter(req, res),
});

export function compress(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  middleware(req as Parameters<typeof middleware>[0], res as Parameters<typeof middleware>[1], () => next());
}
