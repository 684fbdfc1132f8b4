/**
 * One pool of worker threads per process for whole-graph computations (tasks.ts), so that metrics
 * and layouts never hold up the event loop that serves every other request. Piscina queues tasks
 * beyond the pool's size; idle threads are unreferenced (they never keep the process alive) and
 * exit after IDLE_TIMEOUT_MS, so a quiet server holds no threads and tests need not close it.
 */
import { availableParallelism } from "node:os";

import { Piscina } from "piscina";

import type { Task, TaskResult } from "./tasks.js";

const WORKER = new URL("./worker.mjs", import.meta.url).href;
/** Long enough that a burst of requests reuses warm threads (a thread's start costs ~0.3 s). */
const IDLE_TIMEOUT_MS = 60_000;

/** One core stays with the event loop; at least one thread. */
export const POOL_SIZE = Math.max(1, availableParallelism() - 1);

let pool: Piscina | undefined;

function thePool(): Piscina {
  pool ??= new Piscina({ filename: WORKER, minThreads: 0, maxThreads: POOL_SIZE, idleTimeout: IDLE_TIMEOUT_MS });
  return pool;
}

/** Runs `task` on a worker thread; typed arrays in `transfer` move there instead of being copied. */
export function runInWorker<T extends Task>(task: T, transfer: ArrayBuffer[] = []): Promise<TaskResult<T>> {
  return thePool().run(task, { transferList: transfer }) as Promise<TaskResult<T>>;
}

/** Tasks the pool has finished since the process started (0 before its first task). */
export function completedTasks(): number {
  return pool?.completed ?? 0;
}
