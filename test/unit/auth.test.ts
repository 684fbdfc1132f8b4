import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "../../server/auth/passwords.js";
import { createSignInLimiter } from "../../server/auth/rate-limit.js";
import { checkRole, normalizeUsername } from "../../server/auth/users.js";

const FAST = { N: 1024, r: 8, p: 1 };

describe("auth", () => {
  describe("#hashPassword", () => {
    it("should salt each hash, store its parameters, and verify only the right password", async () => {
      const a = await hashPassword("correct horse battery", FAST);
      const b = await hashPassword("correct horse battery", FAST);
      expect(a).not.toBe(b);
      expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
      expect(await verifyPassword("correct horse battery", a)).toBe(true);
      expect(await verifyPassword("correct horse batterx", a)).toBe(false);
      expect(await verifyPassword("correct horse battery", "scrypt$1024$8$1$bad")).toBe(false);
      expect(await verifyPassword("correct horse battery", "plain")).toBe(false);
    });
  });

  describe("#createSignInLimiter", () => {
    it("should limit an account and an address separately, and free them as failures leave the window", () => {
      let now = 1_000_000;
      const limiter = createSignInLimiter({ perAccount: 2, perAddress: 3, windowMs: 10_000 }, () => now);
      limiter.recordFailure("ana", "a1");
      expect(limiter.retryAfter("ana", "a1")).toBe(0);
      now += 1000;
      limiter.recordFailure("ana", "a2");
      expect(limiter.retryAfter("ana", "a9")).toBe(9); // the first failure leaves the window 9 s from now
      expect(limiter.retryAfter("bo", "a9")).toBe(0);
      limiter.recordFailure("bo", "a1");
      limiter.recordFailure("cy", "a1");
      expect(limiter.retryAfter("dee", "a1")).toBe(9); // a1 failed 3 times, the first 1 s ago
      now += 9000;
      expect(limiter.retryAfter("ana", "a9")).toBe(0);
      limiter.recordFailure("ana", "a9");
      limiter.recordSuccess("ana");
      expect(limiter.retryAfter("ana", "a9")).toBe(0);
    });
  });

  describe("#normalizeUsername", () => {
    it("should lower-case a username and refuse one with other characters, naming the field", () => {
      expect(normalizeUsername(" Ana.Lima ")).toBe("ana.lima");
      expect(() => normalizeUsername("a b")).toThrow(/username 'a b' must be 2–40 characters/);
      expect(() => checkRole("owner")).toThrow("role 'owner' must be one of reader, contributor, editor, admin");
    });
  });
});
