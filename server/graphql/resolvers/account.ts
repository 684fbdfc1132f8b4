/** Accounts: me, users, sign-in and sign-out, API tokens (server/auth does the work). */
import { createApiToken, listApiTokens, revokeApiToken } from "../../auth/api-tokens.js";
import { signIn, signOut } from "../../auth/sessions.js";
import { asApiErrors, normalizeUsername } from "../../auth/users.js";
import { requireRole } from "../../auth/viewer.js";
import type { Database } from "../../db/database.js";
import { QUERIES } from "../../db/registry.js";
import type { Context } from "../context.js";
import { idArg } from "../errors.js";
import type {
  MutationCreateApiTokenArgs,
  MutationRevokeApiTokenArgs,
  MutationSignInArgs,
  QueryApiTokensArgs,
  Resolvers,
} from "../generated/resolvers.js";

async function userById(db: Database, id: string) {
  const [user] = await db.read(QUERIES.userById, { id });
  return user ?? null;
}

export const AccountTypes = {
  Query: {
    async me(_: unknown, __: unknown, { db, viewer }: Context) {
      return viewer ? userById(db, viewer.userId) : null;
    },

    async users(_: unknown, __: unknown, { db, viewer }: Context) {
      requireRole(viewer, "admin");
      return db.read(QUERIES.allUsers);
    },

    async apiTokens(_: unknown, args: QueryApiTokensArgs, { db, viewer }: Context) {
      const me = requireRole(viewer, "reader");
      if (!args.all && (args.username === null || args.username === undefined)) return listApiTokens(db, me.username);
      requireRole(viewer, "admin");
      return asApiErrors(() => listApiTokens(db, args.all ? null : normalizeUsername(args.username ?? "")));
    },
  },

  Mutation: {
    async signIn(_: unknown, args: MutationSignInArgs, { db, auth }: Context) {
      const viewer = await signIn(db, auth, args.username, args.password);
      return userById(db, viewer.userId);
    },

    signOut(_: unknown, __: unknown, { db, auth }: Context) {
      return signOut(db, auth);
    },

    async createApiToken(_: unknown, args: MutationCreateApiTokenArgs, { db, viewer }: Context) {
      const me = requireRole(viewer, "reader");
      return asApiErrors(async () => {
        const username = args.username === null || args.username === undefined ? me.username : normalizeUsername(args.username);
        if (username !== me.username) requireRole(viewer, "admin");
        return createApiToken(db, username, args.name);
      });
    },

    async revokeApiToken(_: unknown, args: MutationRevokeApiTokenArgs, { db, viewer }: Context) {
      const me = requireRole(viewer, "reader");
      const id = idArg("id", args.id);
      return revokeApiToken(db, id, me.role === "admin" ? null : me.username);
    },
  },
} satisfies Resolvers;
