/**
 * Request-level protection and error codes for GraphQL: depth, alias and cost limits
 * (graphql-armor) answer QUERY_TOO_COMPLEX; every other problem with the request itself (syntax,
 * validation, variables that do not fit their types, such as an unknown enum value) answers
 * BAD_USER_INPUT naming the variable, instead of being masked as an internal error.
 */
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { GraphQLError, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";

import { apiError } from "./errors.js";

export interface QueryLimits {
  /** Deepest selection nesting (introspection excluded). */
  maxDepth: number;
  /** Aliases per operation. */
  maxAliases: number;
  /** graphql-armor cost: objects 2, scalars 1, multiplied by 1.5 per level of depth. */
  maxCost: number;
}

/**
 * Large enough for the explorer's heaviest queries (a path's edges' citations' sources: depth 6;
 * a full node panel costs about 105, compare of five about 93, metrics about 55), small enough to
 * refuse cyclic fan-outs (node → relationships → other → relationships → …) and batches of heavy
 * subgraphs under aliases.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 8, maxAliases: 15, maxCost: 1000 };

const reject = (context: ValidationContext | null, error: GraphQLError) => {
  context?.reportError(apiError("QUERY_TOO_COMPLEX", error.message.replace(/^Syntax Error: /, "")));
};
const armor = { onReject: [reject], propagateOnRejection: false, exposeLimits: true };

export function queryLimitPlugins(limits: QueryLimits = DEFAULT_QUERY_LIMITS): Plugin[] {
  return [
    maxDepthPlugin({ ...armor, n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true }) as Plugin,
    maxAliasesPlugin({ ...armor, n: limits.maxAliases, allowList: [] }) as Plugin,
    costLimitPlugin({ ...armor, maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true }) as Plugin,
  ];
}

/** The variable a coercion error is about (`Variable "$groupBy" got invalid value …`). */
export function variableOf(message: string): string | undefined {
  return /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message)?.[1];
}

/** A GraphQL error about the request itself (no resolver ran), as BAD_USER_INPUT naming the variable. */
export function requestError(error: GraphQLError): GraphQLError {
  const field = variableOf(error.message);
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions ? [...error.positions] : undefined,
    extensions: { code: "BAD_USER_INPUT", ...(field ? { field } : {}) },
  });
}

/** Gives validation errors that carry no API code the BAD_USER_INPUT code. */
export const useRequestErrorCodes: Plugin = {
  onValidate() {
    return ({ result, setResult }) => {
      if (result.length === 0) return;
      setResult(result.map((error) => (error.extensions?.code === "QUERY_TOO_COMPLEX" ? error : requestError(error))));
    };
  },
};
