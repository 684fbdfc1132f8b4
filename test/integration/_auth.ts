/**
 * Accounts for integration tests: make a user of any role, sign in, and send GraphQL as that user
 * (session cookie or Bearer token) through an app in-process. For role-matrix tests:
 *
 *   const editor = await createUser(db, "editor");
 *   const res = await graphqlAs(app, await signInCookie(app, editor), "mutation { … }");
 *   expect(res.status).toBe(200);   // or 401 / 403, with res.body.errors[0].extensions.code
 *
 * Usernames are unique per call, so tests sharing the database never collide; removeUsers cleans up.
 */
import { randomBytes } from "node:crypto";

import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";

import type { Role } from "../../core/access.js";
import type { App } from "../../server/app.js";
import { createApiToken } from "../../server/auth/api-tokens.js";
import { SESSION_COOKIE } from "../../server/auth/request.js";
import { addUser } from "../../server/auth/users.js";
import type { Database } from "../../server/db/database.js";
import type { GraphQLResult } from "../_helpers.js";

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
}

/** How a request proves who it is: a `Cookie` header value, a Bearer token, or nothing (anonymous). */
export type Credentials = { cookie: string } | { bearer: string } | null;

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  body: GraphQLResult<T>;
}

const created: string[] = [];

export async function createUser(db: Database, role: Role, options: { username?: string; password?: string } = {}): Promise<TestUser> {
  const username = options.username ?? `t-${role}-${randomBytes(5).toString("hex")}`;
  const password = options.password ?? randomBytes(12).toString("base64url");
  const user = await addUser(db, { username, role, password });
  created.push(user.username);
  return { id: user.id, username: user.username, password, role };
}

/** Runs one GraphQL operation in-process with the given credentials; keeps the status and headers. */
export async function graphqlAs<T = Record<string, unknown>>(
  app: App,
  credentials: Credentials,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>>;
/** With a typed document from test/gql, the answer and the variables are the schema's own types. */
export async function graphqlAs<T, V>(
  app: App,
  credentials: Credentials,
  query: DocumentTypeDecoration<T, V> & { toString(): string },
  variables?: V,
): Promise<GraphQLResponse<T>>;
export async function graphqlAs(
  app: App,
  credentials: Credentials,
  query: string | { toString(): string },
  variables: unknown = {},
): Promise<GraphQLResponse<unknown>> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (credentials && "cookie" in credentials) headers.cookie = credentials.cookie;
  if (credentials && "bearer" in credentials) headers.authorization = `Bearer ${credentials.bearer}`;
  const response = await app.yoga.fetch("http://atlas.test/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query: String(query), variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResult<unknown> };
}

/** The session cookie's `name=value` from a response, or undefined. */
export function sessionCookieOf(headers: Headers): string | undefined {
  const cookie = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return cookie?.split(";")[0];
}

/** Signs in through the API (signIn mutation) and returns credentials carrying the session cookie. */
export async function signInCookie(app: App, user: Pick<TestUser, "username" | "password">): Promise<{ cookie: string }> {
  const res = await graphqlAs(app, null, "mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { id } }", {
    u: user.username,
    p: user.password,
  });
  const cookie = sessionCookieOf(res.headers);
  if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${user.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { cookie };
}

/** An API token for the user, made directly in the database (no request), as Bearer credentials. */
export async function bearerFor(db: Database, user: Pick<TestUser, "username">, name = "test"): Promise<{ bearer: string }> {
  const { token } = await createApiToken(db, user.username, name);
  return { bearer: token };
}

/** Deletes the users this module created (with their sessions and tokens). */
export async function removeTestUsers(db: Database): Promise<void> {
  const usernames = created.splice(0);
  if (!usernames.length) return;
  await db.driver.executeQuery(
    "MATCH (u:User) WHERE u.username IN $usernames OPTIONAL MATCH (x)-[:SESSION_OF|TOKEN_OF]->(u) DETACH DELETE x, u",
    { usernames },
    { database: db.database },
  );
}
