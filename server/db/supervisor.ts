/**
 * Keeps the embedded Neo4j running: when the JVM exits without being asked to, it is started again
 * on the same port and store, after 1, 2, 5, 10, then every 30 seconds, with one log line per
 * attempt. The driver reconnects by itself (the address and password stay the same); the database's
 * availability, told here that it went down and for how long, comes back up with its probe.
 */
import type { EmbeddedNeo4j } from "./embedded.js";

export const RESTART_BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000] as const;

/** A JVM that stayed up this long had a working start: the next crash starts the backoff afresh. */
const HEALTHY_AFTER_MS = 60_000;

export interface SupervisorHooks {
  log: (line: string) => void;
  /** The JVM is gone; expect it back in about `retryAfterS` seconds. */
  onDown: (reason: string, retryAfterS: number) => void;
}

export interface Supervisor {
  /** The JVM running now (the latest restart). */
  current(): EmbeddedNeo4j;
  /** Stops supervising and stops the JVM. */
  stop(): Promise<void>;
}

export function superviseEmbedded(
  first: EmbeddedNeo4j,
  start: () => Promise<EmbeddedNeo4j>,
  hooks: SupervisorHooks,
  backoffMs: readonly number[] = RESTART_BACKOFF_MS,
): Supervisor {
  let current = first;
  let stopping = false;
  let attempt = 0;
  let startedAt = Date.now();
  let lastStartMs = 10_000;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  const scheduleRestart = (why: string) => {
    if (stopping) return;
    attempt += 1;
    const delay = backoffMs[Math.min(attempt, backoffMs.length) - 1];
    hooks.onDown(why, Math.ceil((delay + lastStartMs) / 1000));
    hooks.log(`Embedded Neo4j ${why}; restart attempt ${attempt} in ${delay / 1000} s.`);
    timer = setTimeout(() => {
      timer = undefined;
      const began = Date.now();
      restarting = (async () => {
        let instance: EmbeddedNeo4j;
        try {
          instance = await start();
        } catch (error) {
          return scheduleRestart(`did not restart (${(error as Error).message.split("\n")[0]})`);
        }
        lastStartMs = Date.now() - began;
        if (stopping) return instance.stop();
        hooks.log(`Embedded Neo4j restarted (attempt ${attempt}, pid ${instance.pid}) in ${(lastStartMs / 1000).toFixed(1)} s.`);
        watch(instance);
      })();
    }, delay);
  };

  const watch = (instance: EmbeddedNeo4j) => {
    current = instance;
    startedAt = Date.now();
    void instance.exited.then((code) => {
      if (stopping || instance !== current) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) attempt = 0;
      scheduleRestart(`exited unexpectedly (${typeof code === "number" ? `code ${code}` : code})`);
    });
  };
  watch(first);

  return {
    current: () => current,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await restarting?.catch(() => {});
      await current.stop();
    },
  };
}
