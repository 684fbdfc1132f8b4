import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import { SIGN_IN_FAILED } from "../../server/auth/sessions.js";
import { setDisabled } from "../../server/auth/users.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { createUser, graphqlAs, removeTestUsers, sessionCookieOf, signInCookie } from "./_auth.js";

const SIGN_IN = "mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username role } }";
const ME = "{ me { username role disabled } }";

let db: Database;
let app: App;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db, { cache: { budgetMb: 0 } });
});
afterAll(async () => {
  await removeTestUsers(db);
  await db.close();
});

describe("accounts", () => {
  describe("#signIn", () => {
    it("should start a session behind an HttpOnly, SameSite, Path=/ cookie with an expiry, and `me` should name the user", async () => {
      const user = await createUser(db, "editor");
      const res = await graphqlAs(app, null, SIGN_IN, { u: user.username.toUpperCase(), p: user.password });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { signIn: { username: user.username, role: "editor" } } });
      const [setCookie] = res.headers.getSetCookie();
      expect(setCookie).toMatch(/^atlas_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).toMatch(/; Path=\//);
      expect(setCookie).toMatch(/; Max-Age=1209600/);
      expect(setCookie).toMatch(/; Expires=/);
      expect(setCookie).not.toMatch(/Secure/); // plain http
      expect(res.headers.get("cache-control")).toBe("no-store");

      const me = await graphqlAs(app, { cookie: sessionCookieOf(res.headers)! }, ME);
      expect(me.body).toEqual({ data: { me: { username: user.username, role: "editor", disabled: false } } });
    });

    it("should mark the cookie Secure when the request came over HTTPS", async () => {
      const user = await createUser(db, "reader");
      const response = await app.yoga.fetch("https://atlas.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: SIGN_IN, variables: { u: user.username, p: user.password } }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
    });

    it("should answer every failure with the same message and 401: wrong password, unknown user, malformed name, disabled user", async () => {
      const user = await createUser(db, "reader");
      const disabled = await createUser(db, "reader");
      await setDisabled(db, disabled.username, true);
      const attempts = [
        { u: user.username, p: "not the password" },
        { u: "nobody-by-this-name", p: user.password },
        { u: "<script>", p: "x" },
        { u: disabled.username, p: disabled.password },
      ];
      for (const variables of attempts) {
        const res = await graphqlAs(app, null, SIGN_IN, variables);
        expect(res.status, variables.u).toBe(401);
        expect(res.body.data).toBeNull();
        expect(res.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[SIGN_IN_FAILED, "UNAUTHENTICATED"]]);
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    });

    it("should never return or store the password in the clear", async () => {
      const user = await createUser(db, "reader");
      const res = await graphqlAs(app, null, SIGN_IN.replace("username role", "username role id createdAt"), {
        u: user.username,
        p: user.password,
      });
      expect(JSON.stringify(res.body)).not.toContain(user.password);
      const { records } = await db.driver.executeQuery("MATCH (u:User {username: $u}) RETURN properties(u) AS p", { u: user.username });
      const stored = JSON.stringify(records[0].get("p"));
      expect(stored).not.toContain(user.password);
      expect(records[0].get("p").passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    });
  });

  describe("#signOut", () => {
    it("should revoke the session: the old cookie no longer identifies anyone", async () => {
      const user = await createUser(db, "contributor");
      const session = await signInCookie(app, user);
      const out = await graphqlAs(app, session, "mutation { signOut }");
      expect(out.body).toEqual({ data: { signOut: true } });
      expect(out.headers.getSetCookie()[0]).toMatch(/^atlas_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
      // A copy of the cookie kept by an attacker is worth nothing now.
      const me = await graphqlAs(app, session, ME);
      expect(me.body).toEqual({ data: { me: null } });
      expect(me.headers.getSetCookie()[0]).toMatch(/^atlas_session=; Max-Age=0/);
    });

    it("should store only a hash of the session token", async () => {
      const user = await createUser(db, "reader");
      const session = await signInCookie(app, user);
      const token = session.cookie.split("=")[1];
      const { records } = await db.driver.executeQuery(
        "MATCH (s:Session)-[:SESSION_OF]->(:User {username: $u}) RETURN properties(s) AS p",
        { u: user.username },
      );
      expect(records).toHaveLength(1);
      expect(JSON.stringify(records[0].get("p"))).not.toContain(token);
      expect(records[0].get("p").tokenHash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe("disabling a user", () => {
    it("should end their sessions at once", async () => {
      const user = await createUser(db, "editor");
      const session = await signInCookie(app, user);
      expect((await graphqlAs(app, session, ME)).body.data).toEqual({ me: { username: user.username, role: "editor", disabled: false } });
      await setDisabled(db, user.username, true);
      expect((await graphqlAs(app, session, ME)).body.data).toEqual({ me: null });
      const { records } = await db.driver.executeQuery("MATCH (s:Session)-[:SESSION_OF]->(:User {username: $u}) RETURN count(s) AS n", {
        u: user.username,
      });
      expect(records[0].get("n")).toBe(0);
    });
  });

  describe("#me", () => {
    it("should be null for an anonymous visitor", async () => {
      const res = await graphqlAs(app, null, ME);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { me: null } });
    });
  });
});
