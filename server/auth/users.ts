/**
 * Managing accounts: the operations both the command line (`npm run users`) and the GraphQL API use.
 * Usernames are case-insensitive (stored lower-case); passwords are hashed here and never leave.
 */
import { randomUUID } from "node:crypto";

import { isRole, ROLES, type Role } from "../../core/access.js";
import type { Database } from "../db/database.js";
import { apiError } from "../graphql/errors.js";
import { QUERIES } from "../db/registry.js";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./passwords.js";
import type { UserRow } from "./types.js";

/** A refusal about one account, with the API code it maps to and the field it is about. */
export class AccountError extends Error {
  constructor(
    readonly code: "BAD_USER_INPUT" | "NOT_FOUND" | "CONFLICT",
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AccountError";
  }
}

/** Runs account work for a resolver: an AccountError becomes the API error it maps to, naming its field. */
export async function asApiErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw apiError(error.code, error.message, error.field ? { field: error.field } : {});
    throw error;
  }
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function normalizeUsername(value: string): string {
  const username = value.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AccountError(
      "BAD_USER_INPUT",
      `username '${value}' must be 2–40 characters: letters, digits, '.', '_' or '-', starting with a letter or digit`,
      "username",
    );
  }
  return username;
}

export function checkRole(value: string): Role {
  if (!isRole(value)) throw new AccountError("BAD_USER_INPUT", `role '${value}' must be one of ${ROLES.join(", ")}`, "role");
  return value;
}

export function checkPassword(password: string): string {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new AccountError(
      "BAD_USER_INPUT",
      `password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long (got ${password.length})`,
      "password",
    );
  }
  return password;
}

function isConstraintViolation(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === "Neo.ClientError.Schema.ConstraintValidationFailed";
}

function found(row: UserRow | undefined, username: string): UserRow {
  if (!row) throw new AccountError("NOT_FOUND", `No user named '${username}'`, "username");
  return row;
}

export async function addUser(db: Database, input: { username: string; role: string; password: string }): Promise<UserRow> {
  const username = normalizeUsername(input.username);
  const role = checkRole(input.role);
  const passwordHash = await hashPassword(checkPassword(input.password));
  try {
    const [row] = await db.write(QUERIES.createUser, { id: randomUUID(), username, role, passwordHash });
    return row;
  } catch (error) {
    if (isConstraintViolation(error)) throw new AccountError("CONFLICT", `A user named '${username}' already exists`, "username");
    throw error;
  }
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  return db.read(QUERIES.allUsers);
}

export async function setRole(db: Database, name: string, roleName: string): Promise<UserRow> {
  const username = normalizeUsername(name);
  const [row] = await db.write(QUERIES.setUserRole, { username, role: checkRole(roleName) });
  return found(row, username);
}

/** Disabling also ends every session of the user; their API tokens stop working until re-enabled. */
export async function setDisabled(db: Database, name: string, disabled: boolean): Promise<UserRow> {
  const username = normalizeUsername(name);
  const [row] = await db.write(QUERIES.setUserDisabled, { username, disabled });
  return found(row, username);
}

/** A new password ends every session of the user. */
export async function resetPassword(db: Database, name: string, password: string): Promise<UserRow> {
  const username = normalizeUsername(name);
  const passwordHash = await hashPassword(checkPassword(password));
  const [row] = await db.write(QUERIES.setUserPassword, { username, passwordHash });
  return found(row, username);
}
