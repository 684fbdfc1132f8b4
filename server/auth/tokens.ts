/**
 * Session and API tokens: 256 random bits, handed to the client once and stored only as their
 * SHA-256. A slow hash is not needed here (unlike passwords): the tokens are random, not guessable.
 */
import { createHash, randomBytes } from "node:crypto";

/** API tokens start with this, so a script's Bearer token and a session token are told apart at a glance. */
export const API_TOKEN_PREFIX = "atlas_";

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}
