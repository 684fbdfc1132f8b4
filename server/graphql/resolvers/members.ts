/**
 * Organisation.memberCount and Organisation.members: the MEMBER_OF relationships pointing at a
 * network, counted and paged through DataLoaders so a list of organisations costs one query each.
 */
import type { Context } from "../context.js";
import type { OrganisationMembersArgs } from "../generated/resolvers.js";
import { badInput, intInRange } from "../errors.js";
import type { NodeProps } from "../../read/rows.js";

export const MEMBERS_PAGE_MAX = 100;

/** Opaque keyset cursor: the (name, id) of the last member on a page. */
export function encodeCursor(node: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([node.name, node.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string")) return { name: value[0], id: value[1] };
  } catch {
    // fall through to the error below
  }
  throw badInput("after", "is not a cursor returned by pageInfo.endCursor");
}

export const OrganisationMembers = {
  async memberCount(node: NodeProps, _: unknown, { loaders }: Context) {
    return loaders.memberCounts.load(node.id);
  },

  async members(node: NodeProps, args: OrganisationMembersArgs, { loaders }: Context) {
    const first = intInRange("first", args.first, 1, MEMBERS_PAGE_MAX, 20);
    const after = args.after ? decodeCursor(args.after) : null;
    const [totalCount, rows] = await Promise.all([
      loaders.memberCounts.load(node.id),
      loaders.memberPages.load({ id: node.id, first, afterName: after?.name ?? null, afterId: after?.id ?? null }),
    ]);
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({
      cursor: encodeCursor(row.node),
      node: row.node,
      relationship: { ...row.relationship, other: row.node },
    }));
    return { totalCount, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};
