/** No orphans: the embedded JVM never outlives the Node process that started it, and a leftover is reclaimed. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { freePort, JVM_OPTIONS, LAUNCHER_JAR } from "../../server/db/embedded.js";
import { ensurePassword, passwordFileOf } from "../../server/db/password.js";
import { PID_FILE, reclaimStaleLauncher } from "../../server/db/stale-launcher.js";

const dir = mkdtempSync(join(tmpdir(), "atlas-lifecycle-"));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

/** The bare launcher, without --exit-with-parent: what a hung or hand-started launcher looks like. */
function launcherArgs(store: string, port: number): string[] {
  return [
    "-Xmx256m",
    ...JVM_OPTIONS,
    "-jar",
    LAUNCHER_JAR,
    "--port",
    String(port),
    "--store",
    store,
    "--password-file",
    passwordFileOf(store),
    "--pagecache-mb",
    "16",
  ];
}

describe("embedded Neo4j lifecycle", () => {
  it("should stop the JVM within seconds when the Node process is killed with SIGKILL", async () => {
    const node = spawn(
      process.execPath,
      ["--import", "tsx", "test/integration/_embedded-child.ts", join(dir, "killed", "store"), String(await freePort())],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    started.push(node);
    const jvm = await new Promise<number>((resolve, reject) => {
      let out = "";
      node.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        const match = /JVM (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      node.once("exit", (code) => reject(new Error(`the child exited (${code}) before the JVM was up: ${out}`)));
    });
    expect(isRunning(jvm)).toBe(true);
    node.kill("SIGKILL");
    // The bound is generous for a busy machine; bench/ has nothing to measure here, the launcher
    // notices end-of-file on its stdin at once and gives a shutdown at most 15 s.
    expect(await waitFor(() => !isRunning(jvm), 20_000)).toBe(true);
  }, 240_000);

  it("should stop a leftover launcher of the same store whose parent is gone", async () => {
    const store = join(dir, "leftover", "store");
    ensurePassword(store);
    // `sh` starts the launcher in the background and exits: the launcher is orphaned, as after a crash.
    const quoted = launcherArgs(store, await freePort())
      .map((arg) => `'${arg}'`)
      .join(" ");
    const sh = spawn("sh", ["-c", `java ${quoted} >/dev/null 2>&1 </dev/null &`], { stdio: "ignore" });
    await new Promise((resolve) => sh.once("exit", resolve));
    expect(await waitFor(() => existsSync(join(store, PID_FILE)), 30_000)).toBe(true);
    const lines: string[] = [];
    await reclaimStaleLauncher(store, (line) => lines.push(line));
    expect(lines.join("\n")).toMatch(/Stopping a leftover embedded Neo4j from an earlier run \(pid \d+/);
    const pid = Number(/pid (\d+)/.exec(lines[0])?.[1]);
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(join(store, PID_FILE))).toBe(false);
  }, 120_000);

  it("should refuse to take over a store that a running server's launcher holds", async () => {
    const store = join(dir, "live", "store");
    ensurePassword(store);
    const java = spawn("java", launcherArgs(store, await freePort()), { stdio: ["pipe", "ignore", "ignore"] });
    started.push(java);
    expect(await waitFor(() => existsSync(join(store, PID_FILE)), 30_000)).toBe(true);
    await expect(reclaimStaleLauncher(store, () => {})).rejects.toThrow(
      `The store ${store} is in use by a running embedded Neo4j (pid ${java.pid}`,
    );
    expect(isRunning(java.pid ?? -1)).toBe(true);
  }, 120_000);
});
