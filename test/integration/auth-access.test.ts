import type { Server } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type App, createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { connectTestDb } from "../_helpers.js";
import { closeServer, listen, send } from "./_http.js";
import { bearerFor, createUser, graphqlAs, removeTestUsers, signInCookie } from "./_auth.js";

const SIGN_IN = "mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }";
const CREATE_TOKEN =
  "mutation ($name: String!, $username: String) { createApiToken(name: $name, username: $username) { token apiToken { id name username } } }";
const codes = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => res.body.errors?.map((e) => e.extensions?.code);

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

describe("API tokens", () => {
  it("should be shown once, stored only as a hash, act as their user over Bearer, and stop working when revoked", async () => {
    const user = await createUser(db, "contributor");
    const session = await signInCookie(app, user);
    const created = await graphqlAs<{ createApiToken: { token: string; apiToken: { id: string; name: string; username: string } } }>(
      app,
      session,
      CREATE_TOKEN,
      { name: "nightly import" },
    );
    expect(created.status).toBe(200);
    const { token, apiToken } = created.body.data!.createApiToken;
    expect(token).toMatch(/^atlas_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: "nightly import", username: user.username });

    const { records } = await db.driver.executeQuery("MATCH (t:ApiToken {id: $id}) RETURN properties(t) AS p", { id: apiToken.id });
    expect(JSON.stringify(records[0].get("p"))).not.toContain(token.slice(6));
    expect(records[0].get("p").tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const listed = await graphqlAs(app, session, "{ apiTokens { id name } }");
    expect(listed.body).toEqual({ data: { apiTokens: [{ id: apiToken.id, name: "nightly import" }] } });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const me = await graphqlAs(app, { bearer: token }, "{ me { username role } }");
    expect(me.body).toEqual({ data: { me: { username: user.username, role: "contributor" } } });

    const revoked = await graphqlAs(app, session, "mutation ($id: ID!) { revokeApiToken(id: $id) }", { id: apiToken.id });
    expect(revoked.body).toEqual({ data: { revokeApiToken: true } });
    const after = await graphqlAs(app, { bearer: token }, "{ me { username } }");
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(["UNAUTHENTICATED"]);
  });

  it("should let only an admin create, list or revoke another user's tokens (403 otherwise)", async () => {
    const admin = await createUser(db, "admin");
    const editor = await createUser(db, "editor");
    const other = await createUser(db, "reader");
    const editorCreds = await bearerFor(db, editor);
    const adminCreds = await signInCookie(app, admin);

    const refused = await graphqlAs(app, editorCreds, CREATE_TOKEN, { name: "x", username: other.username });
    expect(refused.status).toBe(403);
    expect(codes(refused)).toEqual(["FORBIDDEN"]);
    expect((await graphqlAs(app, editorCreds, "{ apiTokens(all: true) { id } }")).status).toBe(403);

    const made = await graphqlAs<{ createApiToken: { apiToken: { id: string; username: string } } }>(app, adminCreds, CREATE_TOKEN, {
      name: "for a script",
      username: other.username,
    });
    expect(made.body.data?.createApiToken.apiToken.username).toBe(other.username);
    const id = made.body.data!.createApiToken.apiToken.id;
    // Another user's token is not found (it is not theirs to see), whereas an admin may revoke it.
    expect((await graphqlAs(app, editorCreds, "mutation ($id: ID!) { revokeApiToken(id: $id) }", { id })).body).toEqual({
      data: { revokeApiToken: false },
    });
    expect((await graphqlAs(app, adminCreds, "mutation ($id: ID!) { revokeApiToken(id: $id) }", { id })).body).toEqual({
      data: { revokeApiToken: true },
    });
  });

  it("should answer 401 to an unknown or malformed Bearer token, and to an anonymous token request", async () => {
    expect((await graphqlAs(app, { bearer: "atlas_not-a-token" }, "{ me { username } }")).status).toBe(401);
    const malformed = await app.yoga.fetch("http://atlas.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic abc" },
      body: JSON.stringify({ query: "{ me { username } }" }),
    });
    expect(malformed.status).toBe(401);
    const anonymous = await graphqlAs(app, null, CREATE_TOKEN, { name: "x" });
    expect(anonymous.status).toBe(401);
    expect(codes(anonymous)).toEqual(["UNAUTHENTICATED"]);
  });

  it("should stop a disabled user's token from working", async () => {
    const user = await createUser(db, "reader");
    const creds = await bearerFor(db, user);
    expect((await graphqlAs(app, creds, "{ me { username } }")).status).toBe(200);
    await db.driver.executeQuery("MATCH (u:User {username: $u}) SET u.disabled = true", { u: user.username });
    expect((await graphqlAs(app, creds, "{ me { username } }")).status).toBe(401);
  });
});

describe("roles on account queries", () => {
  it("should answer `users` to an admin only: 401 anonymous, 403 editor", async () => {
    const admin = await createUser(db, "admin");
    const editor = await createUser(db, "editor");
    expect((await graphqlAs(app, null, "{ users { username } }")).status).toBe(401);
    const forbidden = await graphqlAs(app, await bearerFor(db, editor), "{ users { username } }");
    expect(forbidden.status).toBe(403);
    expect(codes(forbidden)).toEqual(["FORBIDDEN"]);
    const listed = await graphqlAs<{ users: { username: string }[] }>(app, await bearerFor(db, admin), "{ users { username } }");
    expect(listed.status).toBe(200);
    expect(listed.body.data?.users.map((u) => u.username)).toEqual(expect.arrayContaining([admin.username, editor.username]));
    expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|passwordHash/);
  });
});

describe("sign-in rate limit", () => {
  const limited = () =>
    createApp(db, { cache: { budgetMb: 0 }, auth: { trustProxy: true, signInLimits: { perAccount: 3, perAddress: 5, windowMs: 60_000 } } });
  const signInFrom = (target: App, address: string, u: string, p: string) =>
    target.yoga.fetch("http://atlas.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ query: SIGN_IN, variables: { u, p } }),
    });

  it("should refuse an account after repeated failures, even with the right password, with 429 and retryAfter", async () => {
    const target = limited();
    const user = await createUser(db, "reader");
    for (let i = 0; i < 3; i++) expect((await signInFrom(target, `10.0.0.${i}`, user.username, "wrong password")).status).toBe(401);
    const refused = await signInFrom(target, "10.0.0.9", user.username, user.password);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string; retryAfter: number } }[] };
    expect(body.errors[0].extensions).toEqual({ code: "RATE_LIMITED", retryAfter });
    expect(body.errors[0].message).toBe(`Too many failed sign-ins. Try again in ${retryAfter} s.`);
    expect(refused.headers.getSetCookie()).toEqual([]);
  });

  it("should refuse an address that fails across many accounts, and not other addresses", async () => {
    const target = limited();
    const user = await createUser(db, "reader");
    for (let i = 0; i < 5; i++) expect((await signInFrom(target, "10.9.9.9", `someone-${i}`, "wrong password")).status).toBe(401);
    expect((await signInFrom(target, "10.9.9.9", user.username, user.password)).status).toBe(429);
    expect((await signInFrom(target, "10.1.1.1", user.username, user.password)).status).toBe(200);
  });
});

describe("ATLAS_PUBLIC=false", () => {
  let closed: App;
  beforeAll(() => {
    closed = createApp(db, { cache: { budgetMb: 0 }, auth: { public: false } });
  });

  it("should answer 401 UNAUTHENTICATED to an anonymous read, and nothing of the atlas", async () => {
    for (const query of [
      '{ search(text: "idwf") { node { id } } }',
      "{ networkCompact { ids } }",
      '{ me { username } search(text: "idwf") { score } }',
    ]) {
      const res = await graphqlAs(closed, null, query);
      expect(res.status, query).toBe(401);
      expect(res.body.data, query).toBeUndefined();
      expect(codes(res), query).toEqual(["UNAUTHENTICATED"]);
    }
  });

  it("should still let an anonymous visitor ask `me` and sign in, and a signed-in reader read", async () => {
    const user = await createUser(db, "reader");
    expect((await graphqlAs(closed, null, "{ me { username } }")).body).toEqual({ data: { me: null } });
    const session = await signInCookie(closed, user);
    const res = await graphqlAs<{ search: { node: { id: string } }[] }>(closed, session, '{ search(text: "idwf") { node { id } } }');
    expect(res.status).toBe(200);
    expect(res.body.data?.search[0].node.id).toBe("idwf");
  });
});

describe("users outside the atlas graph", () => {
  it("should never appear in search or network answers, even when named like an organisation", async () => {
    const user = await createUser(db, "reader", { username: "idwf-staff" });
    const search = await graphqlAs<{ search: { node: { id: string } }[] }>(
      app,
      null,
      '{ search(text: "idwf-staff", limit: 50) { node { id } } }',
    );
    const network = await graphqlAs<{ networkCompact: { ids: string[] } }>(app, null, "{ networkCompact { ids } }");
    const ids = [...search.body.data!.search.map((h) => h.node.id), ...network.body.data!.networkCompact.ids];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(user.id);
    expect(ids).not.toContain(user.username);
    const { records } = await db.driver.executeQuery("MATCH (u:User {id: $id}) RETURN labels(u) AS labels", { id: user.id });
    expect(records[0].get("labels")).toEqual(["User"]);
  });
});

describe("CSRF", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = app.createServer();
    base = await listen(server);
  });
  afterAll(() => closeServer(server));

  it("should refuse a cross-site form post carrying the session cookie: no mutation runs", async () => {
    const user = await createUser(db, "reader");
    const session = await signInCookie(app, user);
    const form = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie },
      body: `query=${encodeURIComponent('mutation { createApiToken(name: "csrf") { token } }')}`,
    };
    const crossSite = await send(`${base}/graphql`, { ...form, headers: { ...form.headers, origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    const noOrigin = await send(`${base}/graphql`, form);
    expect(noOrigin.status).toBe(403);
    expect(JSON.parse(noOrigin.body.toString()).errors[0].extensions.code).toBe("FORBIDDEN");
    // Nothing was created, and the session still works.
    const tokens = await graphqlAs(app, session, "{ apiTokens { name } }");
    expect(tokens.body).toEqual({ data: { apiTokens: [] } });
  });
});
