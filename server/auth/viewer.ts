/**
 * The signed-in user behind a request (or null for an anonymous visitor), and the guard every
 * mutation and restricted field calls. Hiding buttons in the explorer is not security: this is.
 */
import { type Role, roleAtLeast } from "../../core/access.js";
import { apiError } from "../graphql/errors.js";

export interface Viewer {
  userId: string;
  username: string;
  role: Role;
}

/** Throws UNAUTHENTICATED for an anonymous request and FORBIDDEN for a role below `required`. */
export function requireRole(viewer: Viewer | null, required: Role): Viewer {
  if (viewer === null) throw apiError("UNAUTHENTICATED", "Sign in to do this.");
  if (!roleAtLeast(viewer.role, required)) throw apiError("FORBIDDEN", `This needs the ${required} role or higher.`);
  return viewer;
}
