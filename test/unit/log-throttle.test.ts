import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createThrottledLogger } from "../../server/log-throttle.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("throttled logger", () => {
  describe("#error", () => {
    it("should write a repeated error once per interval, then its count, with the stack only the first time", () => {
      const lines: string[] = [];
      const logger = createThrottledLogger({ intervalMs: 60_000, write: (line) => lines.push(line) });
      const failure = () => Object.assign(new Error("Could not reach Neo4j"), { code: "ServiceUnavailable" });
      for (let i = 0; i < 100; i++) logger.error(failure());
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("    at "); // the first one's stack
      vi.advanceTimersByTime(60_000);
      expect(lines[1]).toBe("(repeated 99× in the last 60 s) error: Error ServiceUnavailable: Could not reach Neo4j");
      logger.error(failure());
      expect(lines[2]).toBe("error: Error ServiceUnavailable: Could not reach Neo4j");
      vi.advanceTimersByTime(60_000);
      expect(lines).toHaveLength(3); // no repeats, no count line
    });

    it("should write different errors each once", () => {
      const lines: string[] = [];
      const logger = createThrottledLogger({ write: (line) => lines.push(line) });
      logger.error(new Error("a"));
      logger.error(new Error("b"));
      logger.error(new Error("a"));
      expect(lines.map((line) => line.split("\n")[0])).toEqual(["error: Error: a", "error: Error: b"]);
    });
  });
});
