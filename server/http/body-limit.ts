/**
 * Request-body limit for /graphql. The body is read here, before Yoga sees it, so an oversized
 * upload costs at most `limit` bytes of memory: a declared Content-Length over the limit is refused
 * without reading anything, and a chunked body is counted as it streams and refused the moment it
 * passes the limit. Yoga's node adapter uses a buffer left on `req.body` instead of the stream.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    message = `The request body is larger than the limit of ${limit} bytes.`,
  ) {
    super(message);
  }
}

/** "1 MB", "50 MB", "64 KB": a limit as people read it (binary units, as the env variables count). */
export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1 && Number.isInteger(mb)) return `${mb} MB`;
  const kb = bytes / 1024;
  return Number.isInteger(kb) ? `${kb} KB` : `${bytes} bytes`;
}

/** Reads the whole body, or rejects with BodyTooLargeError as soon as it passes `limit` bytes. */
export function readLimitedBody(req: IncomingMessage, limit: number, message?: string): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit, message));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // Stop buffering at once; the refusal closes the connection (see refuseTooLarge).
        req.pause();
        reject(new BodyTooLargeError(limit, message));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * Answers 413 in the API's error shape. `Connection: close` makes Node drop the socket after the
 * answer, so the rest of an oversized upload is never read.
 */
export function refuseTooLarge(res: ServerResponse, error: BodyTooLargeError): void {
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: { code: "BAD_USER_INPUT", limit: error.limit } }] });
  res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(body);
}
