/**
 * Identification, once per request (Yoga's context factory): the session cookie or an
 * `Authorization: Bearer` token (an API token, or a session token for scripts that signed in)
 * becomes the request's Viewer. An unknown or expired cookie means an anonymous visitor (and the
 * cookie is cleared); an unknown bearer token is refused with UNAUTHENTICATED, so a script learns
 * that its token was revoked instead of silently reading less.
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

import { parse as parseCookies, serialize as serializeCookie } from "cookie";

import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { apiError } from "../graphql/errors.js";
import { createSignInLimiter, DEFAULT_SIGN_IN_LIMITS, type SignInLimiter, type SignInLimits } from "./rate-limit.js";
import { hashToken, isApiToken } from "./tokens.js";
import type { Viewer } from "./viewer.js";

export const SESSION_COOKIE = "atlas_session";

export interface AuthOptions {
  /** Whether anonymous visitors may read (ATLAS_PUBLIC); when false they may only sign in. */
  public: boolean;
  /** How long a session lasts from sign-in (ATLAS_SESSION_HOURS). */
  sessionTtlMs: number;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (ATLAS_TRUST_PROXY): only behind a proxy that sets them. */
  trustProxy: boolean;
  signInLimits: SignInLimits;
  /** The clock (tests move it). */
  now: () => number;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  public: true,
  sessionTtlMs: 14 * 24 * 3600_000,
  trustProxy: false,
  signInLimits: DEFAULT_SIGN_IN_LIMITS,
  now: Date.now,
};

/** Shared by every request of one app. */
export interface AuthPolicy extends AuthOptions {
  limiter: SignInLimiter;
}

export function createAuthPolicy(options: Partial<AuthOptions> = {}): AuthPolicy {
  const resolved = { ...DEFAULT_AUTH_OPTIONS, ...options };
  return { ...resolved, limiter: createSignInLimiter(resolved.signInLimits, resolved.now) };
}

/** What the auth resolvers need to know about, and say back to, the HTTP request. */
export interface RequestAuth {
  readonly policy: AuthPolicy;
  /** The client's address, for the sign-in rate limit ("unknown" in-process). */
  address: string;
  /** Whether the client reached us over HTTPS: the session cookie is then marked Secure. */
  secure: boolean;
  /** The hash of the session token that identified the viewer, if a session did (sign-out ends it). */
  sessionTokenHash: string | null;
  /** Set-Cookie values to add to the response (see useAuthCookies). */
  readonly cookies: string[];
}

export function anonymousRequest(policy: AuthPolicy = createAuthPolicy()): RequestAuth {
  return { policy, address: "unknown", secure: false, sessionTokenHash: null, cookies: [] };
}

/** The pending cookies of each request, read back when its response is written. */
const PENDING = new WeakMap<Request, RequestAuth>();

export function pendingAuthOf(request: Request): RequestAuth | undefined {
  return PENDING.get(request);
}

function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return forwarded || req?.socket.remoteAddress || "unknown";
}

function isSecure(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): boolean {
  if (trustProxy && request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return Boolean((req?.socket as TLSSocket | undefined)?.encrypted) || new URL(request.url).protocol === "https:";
}

export function sessionCookie(token: string, expiresAt: number, auth: RequestAuth, now: number): string {
  return serializeCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: auth.secure,
    maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)),
    expires: new Date(expiresAt),
  });
}

export function clearedSessionCookie(auth: RequestAuth): string {
  return serializeCookie(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", secure: auth.secure, maxAge: 0 });
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw apiError("UNAUTHENTICATED", "The Authorization header must be 'Bearer <token>'.");
  return match[1];
}

export async function identify(
  db: Database,
  request: Request,
  req: IncomingMessage | undefined,
  policy: AuthPolicy,
): Promise<{ viewer: Viewer | null; auth: RequestAuth }> {
  const now = policy.now();
  const auth: RequestAuth = {
    policy,
    address: clientAddress(request, req, policy.trustProxy),
    secure: isSecure(request, req, policy.trustProxy),
    sessionTokenHash: null,
    cookies: [],
  };
  PENDING.set(request, auth);

  const bearer = bearerToken(request);
  if (bearer !== undefined) {
    const tokenHash = hashToken(bearer);
    const [row] = isApiToken(bearer)
      ? await db.read(QUERIES.viewerByApiToken, { tokenHash })
      : await db.read(QUERIES.viewerBySession, { tokenHash, now });
    if (!row) throw apiError("UNAUTHENTICATED", "The bearer token is not valid: it was revoked, expired, or its user is disabled.");
    if (!isApiToken(bearer)) auth.sessionTokenHash = tokenHash;
    return { viewer: row, auth };
  }

  const cookie = request.headers.get("cookie");
  const token = cookie ? parseCookies(cookie)[SESSION_COOKIE] : undefined;
  if (!token) return { viewer: null, auth };
  const tokenHash = hashToken(token);
  const [row] = await db.read(QUERIES.viewerBySession, { tokenHash, now });
  if (!row) {
    auth.cookies.push(clearedSessionCookie(auth));
    return { viewer: null, auth };
  }
  auth.sessionTokenHash = tokenHash;
  return { viewer: row, auth };
}
