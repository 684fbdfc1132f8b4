import { mkdtempSync, rmSync, statSync, writeFileSync, chmodSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ensurePassword, passwordFileOf } from "../../server/db/password.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "atlas-password-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded Neo4j password", () => {
  describe("#ensurePassword", () => {
    it("should create a strong password beside the store, readable by its owner only", () => {
      const store = join(dir, "neo4j");
      const password = ensurePassword(store);
      const file = passwordFileOf(store);
      expect(file).toBe(join(dir, "neo4j.password"));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(readFileSync(file, "utf8").trim()).toBe(password);
    });

    it("should keep the password across calls and differ between stores", () => {
      const a = ensurePassword(join(dir, "a"));
      expect(ensurePassword(join(dir, "a"))).toBe(a);
      expect(ensurePassword(join(dir, "b"))).not.toBe(a);
    });

    it("should narrow a file others can read to its owner", () => {
      const store = join(dir, "neo4j");
      writeFileSync(passwordFileOf(store), "a-password-of-sufficient-length\n");
      chmodSync(passwordFileOf(store), 0o644);
      const lines: string[] = [];
      expect(ensurePassword(store, (line) => lines.push(line))).toBe("a-password-of-sufficient-length");
      expect(statSync(passwordFileOf(store)).mode & 0o777).toBe(0o600);
      expect(lines.join("\n")).toContain("readable by its owner only");
    });
  });
});
