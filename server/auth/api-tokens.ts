/**
 * API tokens for scripts (`Authorization: Bearer atlas_…`). The token is returned once, at creation;
 * only its SHA-256 is stored. A token acts as its user, with the user's current role, until revoked
 * (or while the user is disabled, not at all).
 */
import { randomUUID } from "node:crypto";

import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { hashToken, newApiToken } from "./tokens.js";
import type { ApiTokenRow } from "./types.js";
import { AccountError } from "./users.js";

export const TOKEN_NAME_MAX_LENGTH = 100;

export async function createApiToken(db: Database, username: string, name: string): Promise<{ token: string; apiToken: ApiTokenRow }> {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > TOKEN_NAME_MAX_LENGTH) {
    throw new AccountError("BAD_USER_INPUT", `name must be 1–${TOKEN_NAME_MAX_LENGTH} characters long (got ${trimmed.length})`, "name");
  }
  const token = newApiToken();
  const [apiToken] = await db.write(QUERIES.createApiToken, { id: randomUUID(), name: trimmed, tokenHash: hashToken(token), username });
  if (!apiToken) throw new AccountError("NOT_FOUND", `No user named '${username}'`, "username");
  return { token, apiToken };
}

/** The tokens of `username`, or of everyone with null. */
export function listApiTokens(db: Database, username: string | null): Promise<ApiTokenRow[]> {
  return db.read(QUERIES.apiTokens, { username });
}

/** Deletes the token if it belongs to `username` (or to anyone, with null); false when there was none. */
export async function revokeApiToken(db: Database, id: string, username: string | null): Promise<boolean> {
  const [{ count }] = await db.write(QUERIES.revokeApiToken, { id, username });
  return count > 0;
}
