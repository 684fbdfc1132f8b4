/**
 * Who is signed in, signing in and out. The session lives in an HttpOnly cookie the server sets and
 * clears: this code never sees the token, only the username and role the answers carry.
 */
import type { Role } from "../../../core/access";
import { request } from "./client";
import { MeDocument, SignInDocument, SignOutDocument } from "./gql/graphql";

export interface Account {
  username: string;
  role: Role;
}

export async function fetchMe(signal?: AbortSignal): Promise<Account | null> {
  return (await request(MeDocument, {}, signal)).me ?? null;
}

/** Rejects with an ApiError: UNAUTHENTICATED ("Wrong username or password.") or RATE_LIMITED. */
export async function signIn(username: string, password: string): Promise<Account> {
  return (await request(SignInDocument, { username, password })).signIn;
}

export async function signOut(): Promise<void> {
  await request(SignOutDocument, {});
}
