/**
 * The Yoga plugins of accounts: writing the session cookie set during a request into its
 * response, and (ATLAS_PUBLIC=false) refusing anonymous requests for anything but signing in.
 */
import { type DocumentNode, getOperationAST, Kind, type SelectionSetNode } from "graphql";
import type { Plugin } from "graphql-yoga";

import { apiError } from "../graphql/errors.js";
import { pendingAuthOf } from "./request.js";
import type { Viewer } from "./viewer.js";

/** Root fields an anonymous visitor may use on a private atlas (and introspection, for GraphiQL). */
export const ANONYMOUS_FIELDS: ReadonlySet<string> = new Set(["signIn", "signOut", "me", "__typename", "__schema", "__type"]);

export function useAuthCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      const cookies = pendingAuthOf(request)?.cookies ?? [];
      for (const cookie of cookies) response.headers.append("set-cookie", cookie);
      // An answer that changes who is signed in is never stored by a cache.
      if (cookies.length) response.headers.set("cache-control", "no-store");
    },
  };
}

function rootFields(set: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, document, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value) as
      { selectionSet: SelectionSetNode } | undefined;
    return fragment ? rootFields(fragment.selectionSet, document, seen) : [];
  });
}

/**
 * With `isPublic` false, an anonymous request that asks for anything beyond ANONYMOUS_FIELDS gets
 * UNAUTHENTICATED (401) before any resolver, cache or ETag runs. Goes before the caching plugins.
 */
export function usePublicAccess(isPublic: boolean): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (isPublic || (args.contextValue as { viewer?: Viewer | null }).viewer) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      if (rootFields(operation.selectionSet, args.document).every((field) => ANONYMOUS_FIELDS.has(field))) return;
      setResultAndStopExecution({ errors: [apiError("UNAUTHENTICATED", "This atlas is private: sign in to read it.")] });
    },
  };
}
