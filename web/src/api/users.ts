/** User management (admin): list, create with a generated password (shown once), set a role, disable. */
import type { Role } from "../../../core/access";
import { request } from "./client";
import { CreateUserDocument, SetUserDisabledDocument, SetUserRoleDocument, type UserFieldsFragment, UsersDocument } from "./gql/graphql";

export type UserRecord = UserFieldsFragment;

export async function fetchUsers(signal?: AbortSignal): Promise<UserRecord[]> {
  return (await request(UsersDocument, {}, signal)).users;
}

export async function createUser(username: string, role: Role): Promise<{ user: UserRecord; password: string }> {
  return (await request(CreateUserDocument, { username, role })).createUser;
}

export async function setUserRole(username: string, role: Role): Promise<UserRecord> {
  return (await request(SetUserRoleDocument, { username, role })).setUserRole;
}

export async function setUserDisabled(username: string, disabled: boolean): Promise<UserRecord> {
  return (await request(SetUserDisabledDocument, { username, disabled })).setUserDisabled;
}
