/**
 * Request-level protection and error codes for GraphQL: depth, alias and cost limits
 * (graphql-armor) answer QUERY_TOO_COMPLEX; every other problem with the request itself (syntax,
 * validation, variables that do not fit their types, such as an unknown enum value) answers
 * BAD_USER_INPUT naming the variable, instead of being masked as an internal error. Before parsing,
 * a document with too many tokens or too deeply nested brackets answers QUERY_TOO_COMPLEX: graphql's
 * parser recurses once per level, so a 5,000-level document would otherwise overflow the stack.
 */
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { GraphQLError, Lexer, parse, Source, TokenKind, type ValidationContext } from "graphql";
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

export interface ParserLimits {
  /** Lexical tokens per document. */
  maxTokens: number;
  /** Open `{`, `[` and `(` at any point: selections, arguments, list and object values together. */
  maxNesting: number;
}

/**
 * The explorer's longest document has a few hundred tokens and nests about 12 deep (selection depth
 * 8 plus arguments with input objects); these leave room for hand-written queries in GraphiQL.
 */
export const DEFAULT_PARSER_LIMITS: ParserLimits = { maxTokens: 5000, maxNesting: 40 };

/** Yoga answers a document it could not parse with 400; these refusals happen at the same stage. */
const BAD_REQUEST = { status: 400 };

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Refuses an oversized document with QUERY_TOO_COMPLEX. The lexer is iterative, so this pass is
 * safe on any input; syntax errors it meets surface as they would from `parse` (BAD_USER_INPUT).
 */
export function checkDocumentShape(source: string | Source, limits: ParserLimits = DEFAULT_PARSER_LIMITS): void {
  const lexer = new Lexer(typeof source === "string" ? new Source(source) : source);
  let tokens = 0;
  let nesting = 0;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    if (++tokens > limits.maxTokens)
      throw apiError("QUERY_TOO_COMPLEX", `The document has more than ${limits.maxTokens} tokens.`, {
        maxTokens: limits.maxTokens,
        http: BAD_REQUEST,
      });
    if (OPENING.has(token.kind) && ++nesting > limits.maxNesting) {
      throw apiError("QUERY_TOO_COMPLEX", `The document nests deeper than ${limits.maxNesting} levels (line ${token.line}).`, {
        maxNesting: limits.maxNesting,
        http: BAD_REQUEST,
      });
    }
    if (CLOSING.has(token.kind)) nesting -= 1;
  }
}

/** Checks the document's shape before graphql parses it (and keeps graphql's own token cap on). */
export function useParserLimits(limits: ParserLimits = DEFAULT_PARSER_LIMITS): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        checkDocumentShape(source, limits);
        return parse(source, { ...options, maxTokens: limits.maxTokens });
      });
    },
  };
}

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

/**
 * A GraphQL error about the request itself (no resolver ran), as BAD_USER_INPUT naming the variable.
 * Yoga's request-level refusals carry their HTTP status (CSRF prevention: 403); it is kept, and a
 * 403 is coded FORBIDDEN.
 */
export function requestError(error: GraphQLError): GraphQLError {
  const field = variableOf(error.message);
  const http = (error.extensions?.http ?? undefined) as { status?: number } | undefined;
  const code = http?.status === 403 ? "FORBIDDEN" : "BAD_USER_INPUT";
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions ? [...error.positions] : undefined,
    extensions: { code, ...(field ? { field } : {}), ...(http ? { http } : {}) },
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
