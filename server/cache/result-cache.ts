/**
 * Whole-graph responses, served without re-running GraphQL. A query whose root fields are all
 * whole-graph read models (RESULT_CACHE_FIELDS) is executed once per dataset hash, document,
 * operation name, variables and the viewer's visibility levels (an anonymous visitor must never
 * get the bytes made for an editor); its serialised JSON is kept (weighed by its length) and later
 * requests get the same bytes through Yoga's `result.stringify` hook, skipping execution and
 * serialisation, which dominate warm requests for 10k+ nodes. Results with errors are not kept.
 * Validation and query limits still run first on every request.
 */
import { createHash } from "node:crypto";

import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  print,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";

import type { Visibility } from "../../core/access.js";
import type { LruCache } from "./lru.js";
import { levelsKey } from "./read-model.js";

/** Root fields whose value depends only on the loaded dataset and the arguments. */
export const RESULT_CACHE_FIELDS = ["network", "networkCompact", "timeline", "coMembership", "metrics"] as const;

export interface ResultCacheScope {
  datasetHash(): Promise<string | undefined>;
  visible: readonly Visibility[];
  caches: { results: LruCache };
  /** Set by a resolver whose answer predates the data (stale metrics): not kept. */
  uncacheable?: boolean;
}

type CachedResult = ExecutionResult & { stringify: () => string };

/** True when every root selection is a cacheable field (or __typename), through fragments. */
function onlyCacheableFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, allowed: ReadonlySet<string>): boolean {
  return set.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === "__typename" || allowed.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlyCacheableFields(selection.selectionSet, fragments, allowed);
    const fragment = fragments.get(selection.name.value);
    return fragment !== undefined && onlyCacheableFields(fragment.selectionSet, fragments, allowed);
  });
}

/**
 * True when the operation is a query that reads only `allowed` root fields: its answer depends on
 * nothing but the dataset, the visibility levels, the document and the variables (the rule the
 * result cache and the ETags share).
 */
export function isCacheableQuery(document: DocumentNode, operationName: string | null | undefined, allowed: ReadonlySet<string>): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== "query") return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return onlyCacheableFields(operation.selectionSet, fragments, allowed);
}

export function resultKey(
  hash: string,
  visible: readonly Visibility[],
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
): string {
  const text = document.loc?.source.body ?? print(document);
  return createHash("sha1")
    .update(hash)
    .update("\u0000")
    .update(levelsKey(visible))
    .update("\u0000")
    .update(operationName ?? "")
    .update("\u0000")
    .update(text)
    .update("\u0000")
    .update(JSON.stringify(variables ?? {}))
    .digest("base64");
}

const withBody = (result: ExecutionResult, body: string): CachedResult => ({ ...result, stringify: () => body });

export function useResultCache(fields: readonly string[] = RESULT_CACHE_FIELDS): Plugin<ResultCacheScope> {
  const allowed = new Set(fields);
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const scope = args.contextValue;
      const cache = scope.caches?.results;
      if (!cache?.enabled) return;
      if (!isCacheableQuery(args.document as DocumentNode, args.operationName, allowed)) return;
      const hash = await scope.datasetHash();
      if (hash === undefined) return;
      const key = resultKey(hash, scope.visible, args.document, args.operationName, args.variableValues);
      const body = cache.peek<string>(key);
      // The placeholder carries no data: every result processor serialises through `stringify`.
      if (body !== undefined) return setResultAndStopExecution(withBody({}, body));
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || result.errors?.length || result.extensions || scope.uncacheable) return;
          // A column answer (column-answers.ts) comes as its JSON already.
          const json =
            "stringify" in result && typeof result.stringify === "function" ? (result.stringify as () => string)() : JSON.stringify(result);
          cache.set(key, json, json.length);
          setResult(withBody(result, json));
        },
      };
    },
  };
}
