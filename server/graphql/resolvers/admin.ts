/** User management (admin): create with a generated password, set a role, disable (server/auth/admin.ts). */
import { createUserAsAdmin, setDisabledAsAdmin, setRoleAsAdmin } from "../../auth/admin.js";
import { AccountError } from "../../auth/users.js";
import type { Context } from "../context.js";
import { apiError } from "../errors.js";
import type { MutationCreateUserArgs, MutationSetUserDisabledArgs, MutationSetUserRoleArgs, Resolvers } from "../generated/resolvers.js";

/** Account refusals as API errors (their code, naming the field). */
async function asApiErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw apiError(error.code, error.message, error.field ? { field: error.field } : {});
    throw error;
  }
}

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
