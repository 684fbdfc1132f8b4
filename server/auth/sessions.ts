/**
 * Sign-in and sign-out. Every failure (unknown user, wrong password, disabled user, malformed
 * username) gets the same message and costs the same scrypt work, so neither the answer nor its
 * timing tells an attacker which usernames exist. Failures are rate-limited per account and address.
 */
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { apiError } from "../graphql/errors.js";
import { decoyHash, PASSWORD_MAX_LENGTH, verifyPassword } from "./passwords.js";
import { clearedSessionCookie, type RequestAuth, sessionCookie } from "./request.js";
import { hashToken, newSessionToken } from "./tokens.js";
import type { Viewer } from "./viewer.js";

export const SIGN_IN_FAILED = "Wrong username or password.";

/** The rate limiter's key for a username as typed (trimmed, lower-case, bounded), valid or not. */
function accountKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 100);
}

/** Checks the password, starts a session and sets its cookie. Returns the signed-in user. */
export async function signIn(db: Database, auth: RequestAuth, username: string, password: string): Promise<Viewer> {
  const { limiter } = auth.policy;
  const account = accountKey(username);
  const retryAfter = limiter.retryAfter(account, auth.address);
  if (retryAfter > 0) {
    throw apiError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${retryAfter} s.`, {
      retryAfter,
      http: { status: 429, headers: { "retry-after": String(retryAfter) } },
    });
  }
  const [user] = password.length <= PASSWORD_MAX_LENGTH ? await db.read(QUERIES.userCredentials, { username: account }) : [];
  const matches = await verifyPassword(password.slice(0, PASSWORD_MAX_LENGTH), user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches || user.disabled) {
    limiter.recordFailure(account, auth.address);
    throw apiError("UNAUTHENTICATED", SIGN_IN_FAILED);
  }
  limiter.recordSuccess(account);

  const now = auth.policy.now();
  const token = newSessionToken();
  const [session] = await db.write(QUERIES.createSession, {
    userId: user.id,
    tokenHash: hashToken(token),
    now,
    expiresAt: now + auth.policy.sessionTtlMs,
  });
  // Disabled between the check and now: the same answer as any other failure.
  if (!session) throw apiError("UNAUTHENTICATED", SIGN_IN_FAILED);
  // Signing in again replaces the session this browser had.
  if (auth.sessionTokenHash) await db.write(QUERIES.deleteSession, { tokenHash: auth.sessionTokenHash });
  auth.sessionTokenHash = hashToken(token);
  auth.cookies.push(sessionCookie(token, session.expiresAt, auth, now));
  return { userId: user.id, username: user.username, role: user.role };
}

/** Ends the session that identified this request (if any) and clears the cookie. */
export async function signOut(db: Database, auth: RequestAuth): Promise<boolean> {
  const ended = auth.sessionTokenHash !== null;
  if (auth.sessionTokenHash) await db.write(QUERIES.deleteSession, { tokenHash: auth.sessionTokenHash });
  auth.sessionTokenHash = null;
  auth.cookies.push(clearedSessionCookie(auth));
  return ended;
}
