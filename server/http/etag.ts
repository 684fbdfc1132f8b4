/**
 * ETags for whole-graph answers. Their value depends only on the loaded dataset, the viewer's
 * visibility levels, the document and the variables (the same rule as the result cache), so the tag
 * is a hash of the dataset hash and those: it changes exactly when a reload changes the data, and a
 * tag earned by an editor never gets an anonymous visitor a 304. A request whose If-None-Match carries
 * the current tag gets 304 without executing. POST answers are tagged too: a query is safe, and the
 * explorer's clients may revalidate either way.
 */
import { createHash } from "node:crypto";

import { type DocumentNode, print } from "graphql";
import type { Plugin } from "graphql-yoga";

import type { Visibility } from "../../core/access.js";
import { isCacheableQuery, levelsKey, RESULT_CACHE_FIELDS } from "../cache/index.js";

interface ETagScope {
  request: Request;
  datasetHash(): Promise<string | undefined>;
  visible: readonly Visibility[];
  uncacheable?: boolean;
}

/** True when an If-None-Match header lists `etag` (or is `*`); weak tags compare by their opaque part. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

export function etagOf(
  hash: string,
  visible: readonly Visibility[],
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
): string {
  const digest = createHash("sha1")
    .update(
      `${hash}\u0000${levelsKey(visible)}\u0000${operationName ?? ""}\u0000${document.loc?.source.body ?? print(document)}\u0000${JSON.stringify(variables ?? {})}`,
    )
    .digest("base64url");
  return `"${digest}"`;
}

export function useWholeGraphETag(fields: readonly string[] = RESULT_CACHE_FIELDS): Plugin<ETagScope> {
  const allowed = new Set(fields);
  const tags = new WeakMap<Request, { etag: string; notModified: boolean }>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const scope = args.contextValue;
      if (!scope.request || !isCacheableQuery(args.document as DocumentNode, args.operationName, allowed)) return;
      const hash = await scope.datasetHash();
      if (hash === undefined) return;
      const etag = etagOf(hash, scope.visible, args.document, args.operationName, args.variableValues);
      const notModified = matchesIfNoneMatch(scope.request.headers.get("if-none-match"), etag);
      tags.set(scope.request, { etag, notModified });
      // Nothing is executed for a 304: onResponse replaces this empty result's answer.
      if (notModified) return setResultAndStopExecution({});
      return {
        onExecuteDone({ result }) {
          // An answer with errors is not the dataset's answer: leave it untagged.
          // Nor is one that predates it (stale metrics): a 304 must never keep it past the fresh one.
          if (Symbol.asyncIterator in result || result.errors?.length || scope.uncacheable) tags.delete(scope.request);
        },
      };
    },
    onResponse({ request, response, setResponse }) {
      const tag = tags.get(request);
      if (!tag || response.status !== 200) return;
      // no-cache: a browser keeps the answer but asks each time, so a reload is seen at once.
      if (tag.notModified) {
        setResponse(new Response(null, { status: 304, headers: { etag: tag.etag, "cache-control": "no-cache" } }));
        return;
      }
      response.headers.set("etag", tag.etag);
      response.headers.set("cache-control", "no-cache");
    },
  };
}
