/**
 * Browser-security headers. Every answer gets `nosniff` and a strict referrer policy; HTML gets a
 * Content-Security-Policy. Inline scripts are allowed by their SHA-256 hash (the explorer's boot
 * script, GraphiQL's loader) rather than 'unsafe-inline', so an injected script never runs. The
 * frame policy is a parameter: the app and GraphiQL may only be framed by this origin, and the
 * /embed page passes its own `frameAncestors` list.
 */
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

export interface ContentSecurityOptions {
  /** Hashes ('sha256-…') of the inline scripts the page may run. */
  scriptHashes: readonly string[];
  /** Who may frame the page: CSP `frame-ancestors` sources. */
  frameAncestors: readonly string[];
  /** Extra `worker-src` sources (GraphiQL starts its editor workers from blob: URLs). */
  workerSources?: readonly string[];
}

export const SAME_ORIGIN_FRAMING: readonly string[] = ["'self'"];

/**
 * The /embed page is meant to sit in other sites' pages (a course page, a blog, an NGO's site), so
 * any http(s) origin may frame it; it shows only public data and takes no action a framer could
 * trick a visitor into (no sign-in, no edits in the embed).
 */
export const ANY_ORIGIN_FRAMING: readonly string[] = ["*"];

/** The CSP hash source of each inline `<script>` (one without `src`) in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1])) continue;
    hashes.push(`'sha256-${createHash("sha256").update(match[2], "utf8").digest("base64")}'`);
  }
  return hashes;
}

export function contentSecurityPolicy(options: ContentSecurityOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${options.scriptHashes.join(" ")}`.trim(),
    // Inline styles: React and GraphiQL set style attributes and GraphiQL ships a <style> block;
    // styles cannot run code, so this does not reopen script injection.
    "style-src 'self' 'unsafe-inline'",
    // PNG/SVG export and icons use data: and blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `worker-src 'self' ${(options.workerSources ?? []).join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors.join(" ")}`,
  ];
  return directives.join("; ");
}

/** Headers for every answer. */
export function setBaseSecurityHeaders(res: ServerResponse): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "strict-origin-when-cross-origin");
}

/**
 * Headers for an HTML page. X-Frame-Options is the fallback for browsers without frame-ancestors;
 * it can only say SAMEORIGIN, so it is left out when a page allows other framers.
 */
export function setHtmlSecurityHeaders(res: ServerResponse, options: ContentSecurityOptions): void {
  res.setHeader("content-security-policy", contentSecurityPolicy(options));
  if (options.frameAncestors.length === 1 && options.frameAncestors[0] === "'self'") res.setHeader("x-frame-options", "SAMEORIGIN");
}
