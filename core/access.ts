/**
 * Who may do what, and who may see what: the roles of signed-in users and the visibility levels of
 * records. Defined once here, because the server enforces them and the explorer shows them.
 */

/** In increasing order of rights: each role may do everything the roles before it may. */
export const ROLES = ["reader", "contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who may see a node or relationship. A record without a visibility property is PUBLIC. */
export const VISIBILITIES = ["PUBLIC", "MEMBERS", "EDITORS"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isVisibility(value: string): value is Visibility {
  return (VISIBILITIES as readonly string[]).includes(value);
}

/** Whether `role` has at least the rights of `required` (null: an anonymous visitor, below every role). */
export function roleAtLeast(role: Role | null, required: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/**
 * The visibility levels a viewer may read: anonymous visitors see PUBLIC, any signed-in user also
 * MEMBERS, editors and admins everything. Read queries take this list as a parameter.
 */
export function visibleLevels(role: Role | null): Visibility[] {
  if (role === null) return ["PUBLIC"];
  return roleAtLeast(role, "editor") ? ["PUBLIC", "MEMBERS", "EDITORS"] : ["PUBLIC", "MEMBERS"];
}
