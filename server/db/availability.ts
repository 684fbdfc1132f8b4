/**
 * Whether Neo4j can be used right now, for the HTTP layer: /healthz and GraphQL answer 503 with a
 * Retry-After while it is down instead of sending every request into a failing driver. It goes down
 * when a query cannot reach the server (or the supervisor sees the embedded JVM exit) and comes back
 * up when a probe query succeeds; the probe runs once a second while it is down, so recovery needs
 * no request and no restart of Node.
 */
export type DatabaseState =
  { readonly up: true } | { readonly up: false; readonly reason: string; readonly since: number; readonly retryAfterS: number };

export interface DatabaseAvailability {
  state(): DatabaseState;
  /** Marks the database down (or updates the reason and the retry estimate while it is). */
  markDown(reason: string, retryAfterS?: number): void;
  /** Stops probing (at shutdown). */
  stop(): void;
}

export interface AvailabilityOptions {
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  probe: () => Promise<void>;
  log?: (line: string) => void;
  probeIntervalMs?: number;
}

/** Retry-After when nobody knows better (an external server: we can only keep probing). */
const DEFAULT_RETRY_AFTER_S = 5;

export function createAvailability({ probe, log = () => {}, probeIntervalMs = 1000 }: AvailabilityOptions): DatabaseAvailability {
  let down: { reason: string; since: number; retryAt: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      probe().then(
        () => {
          if (!down) return;
          log(`Neo4j is available again after ${((Date.now() - down.since) / 1000).toFixed(1)} s.`);
          down = undefined;
        },
        () => schedule(),
      );
    }, probeIntervalMs);
    timer.unref(); // never the reason the process stays alive
  };

  return {
    state() {
      if (!down) return { up: true };
      const retryAfterS = Math.max(1, Math.ceil((down.retryAt - Date.now()) / 1000));
      return { up: false, reason: down.reason, since: down.since, retryAfterS };
    },
    markDown(reason, retryAfterS = DEFAULT_RETRY_AFTER_S) {
      const retryAt = Date.now() + retryAfterS * 1000;
      if (down) {
        down = { ...down, reason, retryAt };
      } else {
        down = { reason, since: Date.now(), retryAt };
        log(`Neo4j is unavailable (${reason}); /healthz and GraphQL answer 503 until it is back.`);
      }
      schedule();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Errors that mean "the server cannot be reached", as opposed to a failing query. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === "ServiceUnavailable" || code === "SessionExpired";
}
