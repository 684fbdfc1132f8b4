/**
 * GraphQL errors with the `extensions.code` values of the API contract. Anything else thrown in a
 * resolver is masked by Yoga (see app.ts), so no stack trace or database message reaches a client.
 */
import { GraphQLError } from "graphql";

export const ERROR_CODES = [
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CONFLICT",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "QUERY_TOO_COMPLEX",
  "INTERNAL_SERVER_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The HTTP status each code answers with. Yoga reads `extensions.http.status` (and strips it from
 * the answer); when a response carries several errors, the highest status wins. Codes not listed
 * keep Yoga's default (200 with the errors in the body), or set their own (503, 413, 400).
 */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, { extensions: { code, ...(status ? { http: { status } } : {}), ...extensions } });
}

/** A bad argument: names the argument so a client can point at it. */
export function badInput(field: string, message: string): GraphQLError {
  return apiError("BAD_USER_INPUT", `${field} ${message}`, { field });
}

export function notFound(what: string, id: string): GraphQLError {
  return apiError("NOT_FOUND", `No ${what} with id '${id}'`, { id });
}

/** Argument guards: throw BAD_USER_INPUT naming the argument and the allowed range. */
export function intInRange(field: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(field, `must be an integer from ${min} to ${max} (got ${value})`);
  return value;
}

export function textOfLength(field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badInput(field, `must be ${min}–${max} characters long (got ${trimmed.length})`);
  }
  return trimmed;
}

/** Longest id accepted: slugs are short; anything longer cannot exist and is refused before a query. */
export const ID_MAX_LENGTH = 200;

export function idArg(field: string, value: string): string {
  if (value.length === 0 || value.length > ID_MAX_LENGTH)
    throw badInput(field, `must be 1–${ID_MAX_LENGTH} characters long (got ${value.length})`);
  return value;
}
