/**
 * Yoga's logger, quietened: an error that repeats (the same kind and message, e.g. every request
 * while Neo4j is down) is written once per interval, then as one line with its count. A stack trace
 * is written only the first time an error is seen, never once per request.
 */
import type { YogaLogger } from "graphql-yoga";

export interface ThrottleOptions {
  intervalMs: number;
  write: (line: string) => void;
}

export const DEFAULT_THROTTLE_OPTIONS: ThrottleOptions = {
  intervalMs: 60_000,
  write: (line) => process.stderr.write(`[atlas] ${line}\n`),
};

function describe(arg: unknown): { key: string; stack?: string } {
  if (arg instanceof Error) {
    const code = (arg as { code?: unknown }).code;
    const key = `${arg.name}${typeof code === "string" ? ` ${code}` : ""}: ${arg.message.split("\n")[0]}`;
    return { key, stack: arg.stack };
  }
  return { key: typeof arg === "string" ? arg : JSON.stringify(arg) };
}

export function createThrottledLogger(options: Partial<ThrottleOptions> = {}): YogaLogger {
  const { intervalMs, write } = { ...DEFAULT_THROTTLE_OPTIONS, ...options };
  const seen = new Set<string>();
  const repeats = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    for (const [key, count] of repeats) if (count > 0) write(`(repeated ${count}× in the last ${intervalMs / 1000} s) ${key}`);
    repeats.clear();
  };

  const report = (level: string, args: unknown[]) => {
    const { key, stack } = describe(args[0]);
    const line = `${level}: ${key}`;
    if (repeats.has(line)) {
      repeats.set(line, (repeats.get(line) ?? 0) + 1);
      return;
    }
    repeats.set(line, 0);
    write(!seen.has(line) && stack ? `${level}: ${stack}` : line);
    if (seen.size > 1000) seen.clear(); // bounded: messages may vary without end
    seen.add(line);
    timer ??= setTimeout(flush, intervalMs);
    timer.unref();
  };

  return {
    debug: () => {},
    info: () => {},
    warn: (...args: unknown[]) => report("warning", args),
    error: (...args: unknown[]) => report("error", args),
  };
}
