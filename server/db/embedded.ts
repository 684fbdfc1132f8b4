/**
 * Control of the embedded Neo4j: build the Java launcher in neo4j/ when needed, start it as a child
 * process on loopback with the store's password, wait for its readiness line, and stop it cleanly.
 * The child watches the pipe on its stdin, so it shuts down however this process dies (kill -9 too).
 * Every failure a newcomer can hit (no Java, no Maven, port taken, Neo4j crashing) becomes one line
 * with the remedy.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { EMBEDDED_USER, ensurePassword, passwordFileOf } from "./password.js";
import { EmbeddedNeo4jError } from "./embedded-error.js";
import { reclaimStaleLauncher } from "./stale-launcher.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const LAUNCHER_DIR = join(ROOT, "neo4j");
export const LAUNCHER_JAR = join(LAUNCHER_DIR, "target", "atlas-neo4j.jar");
const LAUNCHER_SOURCES = [join(LAUNCHER_DIR, "pom.xml"), join(LAUNCHER_DIR, "src/main/java/atlas/EmbeddedNeo4j.java")];

/** Options Neo4j's own start scripts pass on JDK 17 so it can use its fast I/O paths. */
export const JVM_OPTIONS = [
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];

export { EmbeddedNeo4jError };

export interface EmbeddedOptions {
  port: number;
  /** Store directory; reused across starts. */
  storeDir: string;
  heap: string;
  pagecacheMb: number;
  startTimeoutMs: number;
  /** Where the launcher's stdout/stderr go. */
  logFile: string;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  /** The credentials of the store's one user (the password is kept in `<store>.password`). */
  username: string;
  password: string;
  logFile: string;
  /** The JVM's process id. */
  pid: number;
  /** Resolves when the JVM exits, whether by `stop()` or not (the exit code, or the signal's name). */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

function javaMajorVersion(): number | undefined {
  const run = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (run.error || run.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${run.stderr}${run.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function launcherIsStale(): boolean {
  if (!existsSync(LAUNCHER_JAR) || !existsSync(join(LAUNCHER_DIR, "target", "lib"))) return true;
  const built = statSync(LAUNCHER_JAR).mtimeMs;
  return LAUNCHER_SOURCES.some((file) => statSync(file).mtimeMs > built);
}

/** Checks Java, then builds neo4j/ with Maven if the jar is missing or older than its sources. */
export async function ensureLauncherBuilt(log: (line: string) => void = () => {}): Promise<string> {
  const java = javaMajorVersion();
  if (java === undefined) {
    throw new EmbeddedNeo4jError(
      "Java was not found. Install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk`) or point NEO4J_URI at an existing Neo4j.",
    );
  }
  if (java < 17)
    throw new EmbeddedNeo4jError(`Java ${java} found, but the embedded Neo4j needs Java 17+. Install JDK 17 or set NEO4J_URI.`);
  if (!launcherIsStale()) return LAUNCHER_JAR;

  if (spawnSync("mvn", ["-v"], { encoding: "utf8" }).error) {
    throw new EmbeddedNeo4jError(
      "Maven (mvn) was not found; it builds the embedded Neo4j launcher once. Install it (e.g. `apt-get install maven`) or set NEO4J_URI.",
    );
  }
  log("Building the embedded Neo4j launcher with Maven (the first build downloads about 170 MB of jars; later starts skip this)…");
  const started = Date.now();
  // Maven's quiet output is empty on success (bar stray colour codes); keep it for a failure report.
  let output = "";
  const code = await new Promise<number | null>((resolvePromise) => {
    const mvn = spawn("mvn", ["-B", "-ntp", "-q", "-f", join(LAUNCHER_DIR, "pom.xml"), "package", "-DskipTests"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    mvn.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    mvn.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    // A heartbeat, so a slow first download does not look like a hang.
    const heartbeat = setInterval(() => log(`…still building (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
    mvn.on("close", (exitCode) => {
      clearInterval(heartbeat);
      resolvePromise(exitCode);
    });
  });
  if (code !== 0)
    log(
      output
        // eslint-disable-next-line no-control-regex -- strips Maven's ANSI colour codes
        .replace(/\x1b\[[0-9;]*m/g, "")
        .trim()
        .split("\n")
        .slice(-20)
        .join("\n"),
    );
  if (code !== 0 || !existsSync(LAUNCHER_JAR)) {
    throw new EmbeddedNeo4jError(
      `The Maven build of neo4j/ failed (exit ${code}). Run \`mvn -f neo4j/pom.xml package\` to see why (network access to Maven Central is needed once).`,
    );
  }
  log(`Built the launcher in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return LAUNCHER_JAR;
}

/** Resolves when `port` on 127.0.0.1 can be bound, so a clash is reported before Neo4j starts. */
export function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedNeo4jError(
          error.code === "EADDRINUSE"
            ? `Port ${port} (${what}) is already in use — is another copy running? Find it with \`ss -ltnp 'sport = :${port}'\` (or \`lsof -i :${port}\`), stop it, or set ${envVar} to a free port.`
            : `Cannot bind port ${port} (${what}): ${error.message}`,
        ),
      );
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolvePromise()));
  });
}

/** Asks the OS for a free loopback port (for tests and benchmarks). */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePromise(port));
    });
  });
}

function tail(file: string, lines = 8): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  const jar = await ensureLauncherBuilt(log);
  await reclaimStaleLauncher(options.storeDir, log);
  await assertPortFree(options.port, "embedded Neo4j Bolt", "NEO4J_EMBEDDED_PORT");
  mkdirSync(options.storeDir, { recursive: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  const password = ensurePassword(options.storeDir, log);
  const debugLog = join(resolve(options.storeDir), "logs", "debug.log");

  const out = createWriteStream(options.logFile, { flags: "a" });
  const child: ChildProcess = spawn(
    "java",
    [
      `-Xmx${options.heap}`,
      ...JVM_OPTIONS,
      "-jar",
      jar,
      "--port",
      String(options.port),
      "--store",
      resolve(options.storeDir),
      "--pagecache-mb",
      String(options.pagecacheMb),
      "--password-file",
      passwordFileOf(options.storeDir),
      "--exit-with-parent",
    ],
    // stdin stays an open pipe that nothing writes to: when this process dies, however it dies, the
    // kernel closes it and the launcher shuts down.
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  child.stdin?.on("error", () => {}); // EPIPE once the child is gone: expected, nothing to do
  // If Node dies without stopping us, still ask the JVM to shut down cleanly.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  child.stderr?.pipe(out, { end: false });

  const exited = new Promise<number | string>((resolvePromise) =>
    child.once("exit", (code, signal) => {
      process.removeListener("exit", killOnExit);
      resolvePromise(code ?? signal ?? "unknown");
    }),
  );
  const uri = `bolt://127.0.0.1:${options.port}`;

  await new Promise<void>((resolvePromise, reject) => {
    let buffered = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new EmbeddedNeo4jError(
          `Neo4j did not start within ${options.startTimeoutMs / 1000} s (NEO4J_START_TIMEOUT_S). See ${options.logFile} and ${debugLog}.`,
        ),
      );
    }, options.startTimeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out.write(chunk);
      buffered += chunk.toString("utf8");
      if (buffered.includes("NEO4J_READY")) {
        clearTimeout(timer);
        resolvePromise();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new EmbeddedNeo4jError(
          `Neo4j exited during start-up (code ${code}). See ${options.logFile} and ${debugLog}. Last lines:\n${tail(options.logFile)}`,
        ),
      );
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    uri,
    username: EMBEDDED_USER,
    password,
    logFile: options.logFile,
    pid: child.pid ?? -1,
    exited,
    stop() {
      stopping ??= (async () => {
        process.removeListener("exit", killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
          await exited;
          clearTimeout(timer);
        }
        out.end();
      })();
      return stopping;
    },
  };
}
