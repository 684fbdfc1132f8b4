import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { checkDocumentShape } from "../../server/graphql/limits.js";
import { matchesIfNoneMatch } from "../../server/http/etag.js";
import { contentSecurityPolicy, inlineScriptHashes } from "../../server/http/security-headers.js";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("http", () => {
  describe("#inlineScriptHashes", () => {
    it("should hash inline scripts only, skipping those with src", () => {
      const html = `<script type="module" src="/assets/a.js"></script><script>boot()</script><script type="module">x</script>`;
      expect(inlineScriptHashes(html)).toEqual([sha("boot()"), sha("x")]);
    });
  });

  describe("#contentSecurityPolicy", () => {
    it("should name the frame ancestors given, so an embed page can widen them", () => {
      expect(contentSecurityPolicy({ scriptHashes: [], frameAncestors: ["'self'"] })).toContain("frame-ancestors 'self'");
      expect(contentSecurityPolicy({ scriptHashes: [], frameAncestors: ["https://a.example", "https://b.example"] })).toContain(
        "frame-ancestors https://a.example https://b.example",
      );
    });
  });

  describe("#matchesIfNoneMatch", () => {
    it("should match the tag in a list, a weak form of it, or *", () => {
      expect(matchesIfNoneMatch('"a", "b"', '"b"')).toBe(true);
      expect(matchesIfNoneMatch('W/"b"', '"b"')).toBe(true);
      expect(matchesIfNoneMatch("*", '"b"')).toBe(true);
      expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
      expect(matchesIfNoneMatch(null, '"b"')).toBe(false);
    });
  });

  describe("#checkDocumentShape", () => {
    it("should pass an ordinary query and refuse deep nesting and too many tokens", () => {
      expect(() => checkDocumentShape('{ node(id: "a") { id name } }')).not.toThrow();
      expect(() => checkDocumentShape(`{ ${"a { ".repeat(41)}b${" }".repeat(41)} }`)).toThrow(/nests deeper than 40/);
      expect(() => checkDocumentShape(`{ ${"a ".repeat(5000)}}`)).toThrow(/more than 5000 tokens/);
    });

    it("should count nesting by open brackets, not by their total", () => {
      const wide = `{ ${Array.from({ length: 100 }, (_, i) => `a${i} { b { c } }`).join(" ")} }`;
      expect(() => checkDocumentShape(wide)).not.toThrow();
    });
  });
});
