/**
 * A launcher left over from a crash must not block the next start. While it runs, the Java launcher
 * keeps `<store>/atlas-launcher.pid` ("<jvm pid> <parent pid> <port>"). Since it also exits when its
 * parent dies, a leftover is rare (a hung shutdown, or a launcher started by hand); when there is
 * one, it is ours to stop only if the process really is the launcher of this store and the process
 * that started it is gone. A launcher whose parent still runs belongs to another live server.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

import { EmbeddedNeo4jError } from "./embedded-error.js";

export const PID_FILE = "atlas-launcher.pid";

interface ProcessInfo {
  ppid: number;
  args: string;
}

/** `ps` works the same on Linux and macOS, unlike /proc. */
function processInfo(pid: number): ProcessInfo | undefined {
  const run = spawnSync("ps", ["-o", "ppid=", "-o", "args=", "-p", String(pid)], { encoding: "utf8" });
  const match = run.status === 0 ? /^\s*(\d+)\s+(.*)$/s.exec(run.stdout.trim()) : null;
  return match ? { ppid: Number(match[1]), args: match[2] } : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !isRunning(pid);
}

export interface RunningLauncher {
  pid: number;
  /** The process that started it (a running `npm start`, usually). */
  parent: number;
  /** Its Bolt port on 127.0.0.1. */
  port: number;
}

/**
 * The launcher named in the store's pid file, if it is running and really is this store's (the pid
 * may have been reused since): how `npm run users` finds the Neo4j a running server started.
 */
export function runningLauncher(storeDir: string): RunningLauncher | undefined {
  const store = resolve(storeDir);
  const file = join(store, PID_FILE);
  if (!existsSync(file)) return undefined;
  const [pid, parent, port] = readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
  const info = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : undefined;
  if (!info || !info.args.includes("atlas-neo4j.jar") || !info.args.includes(`--store ${store}`)) return undefined;
  return Number.isInteger(port) && port > 0 ? { pid, parent, port } : undefined;
}

/**
 * Stops the launcher named in the store's pid file if it is an orphan of this store; throws
 * EmbeddedNeo4jError if a live server still owns it. Resolves once the store and its port are free.
 */
export async function reclaimStaleLauncher(storeDir: string, log: (line: string) => void): Promise<void> {
  const store = resolve(storeDir);
  const file = join(store, PID_FILE);
  if (!existsSync(file)) return;
  const [pid, parent, port] = readFileSync(file, "utf8").trim().split(/\s+/).map(Number);
  const info = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : undefined;
  // The pid may have been reused by an unrelated process since: only our launcher of this store counts.
  if (!info || !info.args.includes("atlas-neo4j.jar") || !info.args.includes(`--store ${store}`)) {
    rmSync(file, { force: true });
    return;
  }
  // A launcher started in the background by a shell that exited at once records pid 1 (init) as its
  // parent: it was an orphan from the start.
  if (info.ppid === parent && parent > 1) {
    throw new EmbeddedNeo4jError(
      `The store ${store} is in use by a running embedded Neo4j (pid ${pid}, port ${port}) started by process ${parent}. ` +
        `Stop that server first, or set ATLAS_DATA_DIR to another directory.`,
    );
  }
  log(`Stopping a leftover embedded Neo4j from an earlier run (pid ${pid}, port ${port}); the process that started it is gone.`);
  process.kill(pid, "SIGTERM");
  if (!(await waitForExit(pid, 20_000))) {
    process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  }
  rmSync(file, { force: true });
}
