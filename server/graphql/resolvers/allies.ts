/** allies(id): link-prediction suggestions with reasons that name the shared items. */
import type { Context } from "../context.js";
import type { QueryAlliesArgs, QueryResolvers } from "../generated/resolvers.js";
import { badInput, idArg, intInRange, notFound } from "../errors.js";
import type { NodeProps } from "../../read/rows.js";
import { QUERIES, type SharedCategory, type SharedItem } from "../../db/registry.js";

export const ALLIES_LIMIT_MAX = 50;

const REASON: Record<SharedCategory, (name: string) => string> = {
  CAMPAIGN: (name) => `Both campaigned in ${name}`,
  FORUM: (name) => `Both appeared at ${name}`,
  ISSUE: (name) => `Both work on ${name}`,
  INSTRUMENT: (name) => `Both back ${name}`,
  MEMBERSHIP: (name) => `Both are members of ${name}`,
  PARTNER: (name) => `Both partner with ${name}`,
};

/** Strongest (rarest) shared item first; ties by name so the order is stable. */
export function explain(shared: SharedItem[]): { reasons: string[]; shared: NodeProps[] } {
  const ordered = [...shared].sort(
    (a, b) => b.weight - a.weight || a.node.name.localeCompare(b.node.name) || a.category.localeCompare(b.category),
  );
  return { reasons: ordered.map((item) => REASON[item.category](item.node.name)), shared: ordered.map((item) => item.node) };
}

export const alliesFields = {
  async allies(_: unknown, args: QueryAlliesArgs, { db, loaders, visible }: Context) {
    const limit = intInRange("limit", args.limit, 1, ALLIES_LIMIT_MAX, 10);
    const rows = await db.read(QUERIES.allies, { id: idArg("id", args.id), limit, visible });
    if (rows.length === 0) {
      const node = await loaders.nodes.load(args.id);
      if (!node) throw notFound("node", args.id);
      if (node.kind !== "ORGANISATION") throw badInput("id", `must be an organisation (${args.id} is a ${node.kind.toLowerCase()})`);
    }
    return rows.map((row) => ({ node: row.node, score: row.score, ...explain(row.shared) }));
  },
} satisfies Pick<QueryResolvers, "allies">;
