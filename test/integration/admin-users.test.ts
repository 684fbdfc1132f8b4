/**
 * User management over GraphQL (the explorer's admin panel): only an admin may list users, create
 * one (with a generated password shown once), set a role or disable; every other role is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { type Credentials, createUser, graphqlAs, removeTestUsers, signInCookie } from "./_auth.js";

const CREATE = "mutation ($u: String!, $r: Role!) { createUser(username: $u, role: $r) { password user { username role disabled } } }";
const SET_ROLE = "mutation ($u: String!, $r: Role!) { setUserRole(username: $u, role: $r) { username role } }";
const DISABLE = "mutation ($u: String!, $d: Boolean!) { setUserDisabled(username: $u, disabled: $d) { username disabled } }";
const SIGN_IN = "mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username role } }";
const codeOf = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => res.body.errors?.[0]?.extensions?.code;

let db: Database;
let app: App;
let admin: Credentials;
let adminName: string;
const made: string[] = [];
const fresh = (tag: string) => {
  const name = `t-admin-${tag}-${Math.random().toString(36).slice(2, 8)}`;
  made.push(name);
  return name;
};

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db, { cache: { budgetMb: 0 } });
  const user = await createUser(db, "admin");
  adminName = user.username;
  admin = await signInCookie(app, user);
});
afterAll(async () => {
  await removeTestUsers(db);
  await db.driver.executeQuery(
    "MATCH (u:User) WHERE u.username IN $made OPTIONAL MATCH (x)-[:SESSION_OF|TOKEN_OF]->(u) DETACH DELETE x, u",
    { made },
    { database: db.database },
  );
  await db.close();
});

describe("user management: the role matrix", () => {
  it("should refuse anonymous visitors (401) and readers, contributors and editors (403) for every operation", async () => {
    const target = await createUser(db, "reader");
    const operations: [string, Record<string, unknown>][] = [
      [CREATE, { u: fresh("denied"), r: "editor" }],
      [SET_ROLE, { u: target.username, r: "admin" }],
      [DISABLE, { u: target.username, d: true }],
      ["{ users { username } }", {}],
    ];
    const roles = [null, "reader", "contributor", "editor"] as const;
    for (const role of roles) {
      const credentials = role ? await signInCookie(app, await createUser(db, role)) : null;
      for (const [query, variables] of operations) {
        const res = await graphqlAs(app, credentials, query, variables);
        expect([role, query.slice(0, 30), res.status, codeOf(res)]).toEqual([
          role,
          query.slice(0, 30),
          role ? 403 : 401,
          role ? "FORBIDDEN" : "UNAUTHENTICATED",
        ]);
      }
    }
    // Nothing was changed by the refused calls.
    const users = await graphqlAs<{ users: { username: string; role: string; disabled: boolean }[] }>(
      app,
      admin,
      "{ users { username role disabled } }",
    );
    expect(users.body.data!.users.find((u) => u.username === target.username)).toEqual({
      username: target.username,
      role: "reader",
      disabled: false,
    });
    expect(users.body.data!.users.map((u) => u.username)).not.toContain(made[0]);
  });
});

describe("user management by an admin", () => {
  it("should create a user whose generated password is shown once, stored hashed, and signs in", async () => {
    const username = fresh("new");
    const res = await graphqlAs<{ createUser: { password: string; user: { username: string; role: string; disabled: boolean } } }>(
      app,
      admin,
      CREATE,
      {
        u: username,
        r: "contributor",
      },
    );
    const { password, user } = res.body.data!.createUser;
    expect(user).toEqual({ username, role: "contributor", disabled: false });
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const { records } = await db.driver.executeQuery("MATCH (u:User {username: $username}) RETURN properties(u) AS p", { username });
    expect(JSON.stringify(records[0].get("p"))).not.toContain(password);
    const signedIn = await graphqlAs(app, null, SIGN_IN, { u: username, p: password });
    expect(signedIn.body).toEqual({ data: { signIn: { username, role: "contributor" } } });

    const again = await graphqlAs(app, admin, CREATE, { u: username, r: "reader" });
    expect([codeOf(again), again.body.errors?.[0].extensions?.field]).toEqual(["CONFLICT", "username"]);
    const bad = await graphqlAs(app, admin, CREATE, { u: "x", r: "reader" });
    expect([codeOf(bad), bad.body.errors?.[0].extensions?.field]).toEqual(["BAD_USER_INPUT", "username"]);
  });

  it("should set a role that the user's session acts with at once, and disable a user, ending their session", async () => {
    const user = await createUser(db, "reader");
    const session = await signInCookie(app, user);
    const promoted = await graphqlAs(app, admin, SET_ROLE, { u: user.username, r: "editor" });
    expect(promoted.body).toEqual({ data: { setUserRole: { username: user.username, role: "editor" } } });
    expect((await graphqlAs(app, session, "{ me { role } }")).body).toEqual({ data: { me: { role: "editor" } } });

    const disabled = await graphqlAs(app, admin, DISABLE, { u: user.username, d: true });
    expect(disabled.body).toEqual({ data: { setUserDisabled: { username: user.username, disabled: true } } });
    const me = await graphqlAs<{ me: unknown }>(app, session, "{ me { role } }");
    expect(me.body.data?.me ?? null).toBeNull();
    expect(codeOf(await graphqlAs(app, null, SIGN_IN, { u: user.username, p: user.password }))).toBe("UNAUTHENTICATED");
    await graphqlAs(app, admin, DISABLE, { u: user.username, d: false });
    expect(codeOf(await graphqlAs(app, null, SIGN_IN, { u: user.username, p: user.password }))).toBeUndefined();
  });

  it("should not let an admin disable or demote themself, and name unknown users", async () => {
    const demote = await graphqlAs(app, admin, SET_ROLE, { u: adminName, r: "editor" });
    expect([codeOf(demote), demote.body.errors?.[0].extensions?.field]).toEqual(["BAD_USER_INPUT", "username"]);
    const disable = await graphqlAs(app, admin, DISABLE, { u: adminName, d: true });
    expect(codeOf(disable)).toBe("BAD_USER_INPUT");
    expect((await graphqlAs(app, admin, "{ me { role } }")).body).toEqual({ data: { me: { role: "admin" } } });
    const missing = await graphqlAs(app, admin, SET_ROLE, { u: "t-no-such-user", r: "editor" });
    expect([codeOf(missing), missing.body.errors?.[0].message]).toEqual(["NOT_FOUND", "No user named 't-no-such-user'"]);
  });
});
