/** Shapes of the account records, as the Cypher in cypher/queries/users.cypher returns them. */
import type { Role } from "../../core/access.js";
import type { Viewer } from "./viewer.js";

/** A user as the API and the command line show them: never the password hash. */
export interface UserRow {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface CredentialsRow {
  id: string;
  username: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: string;
  username: string;
}

export type ViewerRow = Viewer;
