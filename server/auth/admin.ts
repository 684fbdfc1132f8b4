/**
 * User management over GraphQL (admin only): the operations `npm run users` offers, for the
 * explorer's admin panel. A new user gets a generated password, returned this once and stored
 * hashed. An admin cannot disable or demote themself, so an atlas never loses its last way in.
 */
import { requireRole, type Viewer } from "./viewer.js";
import type { Database } from "../db/database.js";
import { generatePassword } from "./passwords.js";
import type { UserRow } from "./types.js";
import { AccountError, addUser, normalizeUsername, setDisabled, setRole } from "./users.js";

export async function createUserAsAdmin(
  db: Database,
  viewer: Viewer | null,
  input: { username: string; role: string },
): Promise<{ user: UserRow; password: string }> {
  requireRole(viewer, "admin");
  const password = generatePassword();
  return { user: await addUser(db, { ...input, password }), password };
}

function notSelf(admin: Viewer, name: string, what: string): void {
  if (normalizeUsername(name) === admin.username)
    throw new AccountError("BAD_USER_INPUT", `username: you cannot ${what} yourself`, "username");
}

export async function setRoleAsAdmin(db: Database, viewer: Viewer | null, username: string, role: string): Promise<UserRow> {
  const admin = requireRole(viewer, "admin");
  if (role !== "admin") notSelf(admin, username, "demote");
  return setRole(db, username, role);
}

export async function setDisabledAsAdmin(db: Database, viewer: Viewer | null, username: string, disabled: boolean): Promise<UserRow> {
  const admin = requireRole(viewer, "admin");
  if (disabled) notSelf(admin, username, "disable");
  return setDisabled(db, username, disabled);
}
