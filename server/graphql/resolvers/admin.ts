/** User management (admin): create with a generated password, set a role, disable (server/auth/admin.ts). */
import { createUserAsAdmin, setDisabledAsAdmin, setRoleAsAdmin } from "../../auth/admin.js";
import { asApiErrors } from "../../auth/users.js";
import type { Context } from "../context.js";
import type { MutationCreateUserArgs, MutationSetUserDisabledArgs, MutationSetUserRoleArgs, Resolvers } from "../generated/resolvers.js";

export const AdminTypes = {
  Mutation: {
    createUser: (_: unknown, args: MutationCreateUserArgs, { db, viewer }: Context) =>
      asApiErrors(() => createUserAsAdmin(db, viewer, args)),
    setUserRole: (_: unknown, args: MutationSetUserRoleArgs, { db, viewer }: Context) =>
      asApiErrors(() => setRoleAsAdmin(db, viewer, args.username, args.role)),
    setUserDisabled: (_: unknown, args: MutationSetUserDisabledArgs, { db, viewer }: Context) =>
      asApiErrors(() => setDisabledAsAdmin(db, viewer, args.username, args.disabled)),
  },
} satisfies Resolvers;
