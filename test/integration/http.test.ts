import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { closeServer, listen, post, send } from "./_http.js";

const ALLOWED = "https://partner.example";
const BOOT = "window.boot=1;";

let db: Database;
let server: Server;
let base: string;
let webDir: string;

beforeAll(async () => {
  db = await connectTestDb();
  // A small stand-in for dist/web: an index.html with an inline script and one hashed asset.
  webDir = mkdtempSync(join(tmpdir(), "atlas-web-"));
  mkdirSync(join(webDir, "assets"));
  writeFileSync(
    join(webDir, "index.html"),
    `<!doctype html><html><head><script>${BOOT}</script></head><body>${"<p>atlas</p>".repeat(200)}</body></html>`,
  );
  writeFileSync(join(webDir, "assets", "index-AbC123.js"), `console.log(${JSON.stringify("x".repeat(4000))});`);
  server = createApp(db, { webDir, corsOrigins: [ALLOWED], bodyLimitBytes: 64 * 1024 }).createServer();
  base = await listen(server);
});
afterAll(async () => {
  await closeServer(server);
  await db.close();
  rmSync(webDir, { recursive: true, force: true });
});

const graphqlUrl = () => `${base}/graphql`;
const codesOf = (body: Buffer) =>
  (JSON.parse(body.toString()) as { errors?: { extensions?: { code?: string } }[] }).errors?.map((e) => e.extensions?.code);

describe("HTTP hardening", () => {
  describe("body limit", () => {
    it("should answer 413 to a declared Content-Length over the limit", async () => {
      const body = JSON.stringify({ query: "{ __typename }", pad: "x".repeat(70 * 1024) });
      const res = await send(graphqlUrl(), { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(413);
      expect(codesOf(res.body)).toEqual(["BAD_USER_INPUT"]);
    });

    it("should answer 413 to a chunked body once it passes the limit, without reading it all", async () => {
      const chunk = Buffer.alloc(16 * 1024, "x");
      let sent = 0;
      function* chunks() {
        yield Buffer.from('{"query":"{ __typename }","pad":"');
        // 64 MiB if the server read everything; it must refuse after about 64 KiB.
        for (let i = 0; i < 4096; i++) {
          sent += chunk.length;
          yield chunk;
        }
      }
      const res = await send(graphqlUrl(), { method: "POST", headers: { "content-type": "application/json" }, chunks: chunks() });
      expect(res.status).toBe(413);
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    });

    it("should still answer a body under the limit", async () => {
      const res = await post(graphqlUrl(), "{ __typename }");
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body.toString())).toEqual({ data: { __typename: "Query" } });
    });
  });

  describe("parser limits", () => {
    it("should answer a client error code to a 5,000-level nested selection", async () => {
      const query = `{ ${"a { ".repeat(5000)}b${" }".repeat(5000)} }`;
      const res = await post(graphqlUrl(), query);
      expect(res.status).toBe(400);
      expect(codesOf(res.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    });

    it("should answer a client error code to a 5,000-level nested input value", async () => {
      const query = `{ search(text: ${"[".repeat(5000)}"x"${"]".repeat(5000)}) { score } }`;
      const res = await post(graphqlUrl(), query);
      expect(res.status).toBe(400);
      expect(codesOf(res.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    });

    it("should answer a client error code to a document of too many tokens", async () => {
      const query = `{ ${"a ".repeat(6000)}}`;
      const res = await post(graphqlUrl(), query);
      expect(res.status).toBe(400);
      expect(codesOf(res.body)).toEqual(["QUERY_TOO_COMPLEX"]);
    });
  });

  describe("cross-origin requests", () => {
    it("should refuse a foreign Origin", async () => {
      const res = await post(graphqlUrl(), "{ __typename }", { origin: "https://evil.example" });
      expect(res.status).toBe(403);
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    });

    it("should refuse a foreign preflight", async () => {
      const res = await send(graphqlUrl(), {
        method: "OPTIONS",
        headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
      });
      expect(res.status).toBe(403);
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    });

    it("should answer the same origin, and an allow-listed origin with CORS headers but no credentials", async () => {
      const same = await post(graphqlUrl(), "{ __typename }", { origin: base });
      expect(same.status).toBe(200);
      const allowed = await post(graphqlUrl(), "{ __typename }", { origin: ALLOWED });
      expect(allowed.status).toBe(200);
      expect(allowed.headers["access-control-allow-origin"]).toBe(ALLOWED);
      expect(allowed.headers["access-control-allow-credentials"]).toBeUndefined();
    });

    it.each([
      ["application/x-www-form-urlencoded", "query=%7B__typename%7D"],
      ["multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{__typename}\r\n--b--\r\n'],
      ["text/plain", '{"query":"{__typename}"}'],
    ])("should refuse a %s post, which a cross-site form could send without a preflight", async (type, body) => {
      const res = await send(graphqlUrl(), { method: "POST", headers: { "content-type": type }, body });
      expect(res.status).toBe(403);
      expect(codesOf(res.body)).toEqual(["FORBIDDEN"]);
    });
  });

  describe("security headers", () => {
    it("should send a CSP that allows the inline boot script by hash only, and the other headers", async () => {
      const res = await send(`${base}/`);
      expect(res.status).toBe(200);
      const csp = String(res.headers["content-security-policy"]);
      const { createHash } = await import("node:crypto");
      expect(csp).toContain(`'sha256-${createHash("sha256").update(BOOT).digest("base64")}'`);
      expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    });

    it("should serve hashed assets as immutable and index.html as no-cache", async () => {
      const asset = await send(`${base}/assets/index-AbC123.js`);
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const index = await send(`${base}/`);
      expect(index.headers["cache-control"]).toBe("no-cache");
      const route = await send(`${base}/some/explorer/route`);
      expect(route.headers["cache-control"]).toBe("no-cache");
    });
  });

  describe("compression and revalidation", () => {
    const OPENING = "{ networkCompact { ids kinds } }";

    it.each([
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const)("should compress a whole-graph answer with %s", async (encoding, decompress) => {
      const plain = await post(graphqlUrl(), OPENING);
      const packed = await post(graphqlUrl(), OPENING, { "accept-encoding": encoding });
      expect(packed.headers["content-encoding"]).toBe(encoding);
      expect(packed.body.length).toBeLessThan(plain.body.length / 2);
      expect(decompress(packed.body).toString()).toBe(plain.body.toString());
    });

    it("should compress static files above the threshold", async () => {
      const res = await send(`${base}/assets/index-AbC123.js`, { headers: { "accept-encoding": "gzip" } });
      expect(res.headers["content-encoding"]).toBe("gzip");
    });

    it("should tag a whole-graph answer and answer 304 to a repeat with If-None-Match", async () => {
      const first = await post(graphqlUrl(), OPENING);
      const etag = first.headers.etag;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers["cache-control"]).toBe("no-cache");
      const again = await post(graphqlUrl(), OPENING, { "if-none-match": String(etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      const get = await send(`${graphqlUrl()}?query=${encodeURIComponent(OPENING)}`, {
        headers: { accept: "application/json", "x-graphql-yoga-csrf": "1", "if-none-match": String(etag) },
      });
      expect(get.status).toBe(304);
    });

    it("should answer in full when the tag differs or the query is not whole-graph", async () => {
      const stale = await post(graphqlUrl(), OPENING, { "if-none-match": '"stale"' });
      expect(stale.status).toBe(200);
      const search = await post(graphqlUrl(), '{ search(text: "ilo") { score } }');
      expect(search.status).toBe(200);
      expect(search.headers.etag).toBeUndefined();
    });
  });
});
