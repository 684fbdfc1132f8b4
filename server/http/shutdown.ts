/**
 * Graceful stop: refuse new connections, let requests in flight finish, then resolve, so the
 * caller can close the database after the last answer that needs it. Idle keep-alive connections
 * are closed at once and again as in-flight ones go idle; whatever is still busy after `timeoutMs`
 * is cut, so a hung request cannot keep the process alive.
 */
import type { Server } from "node:http";

export interface DrainResult {
  /** True when the bound was reached and busy connections were cut. */
  forced: boolean;
}

export function drainServer(server: Server, timeoutMs: number): Promise<DrainResult> {
  return new Promise((resolve) => {
    let forced = false;
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve({ forced });
    });
    server.closeIdleConnections();
  });
}
