/** allies(id): link-prediction suggestions with reasons that name the shared items. */
import type { Context } from "../context.js";
import type { QueryAlliesArgs, QueryResolvers } from "../generated/resolvers.js";
import { badInput, idArg, intInRange, notFound } from "../errors.js";
import type { EdgeProps, NodeProps } from "../../read/rows.js";
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

/** Shared themes and texts; everything else is an organisational tie. */
const TOPICAL: readonly SharedCategory[] = ["ISSUE", "INSTRUMENT"];

/** The reason for one shared item, naming the people it goes through. */
function reasonOf(item: SharedItem): string {
  const via = [...new Set(item.via)].sort();
  return REASON[item.category](item.node.name) + (via.length ? ` (through ${via.join(", ")})` : "");
}

/** Organisational items first, then strongest (rarest); ties by name so the order is stable. */
export function explain(shared: SharedItem[]): { reasons: string[]; shared: NodeProps[]; ties: AllyTie[] } {
  const topical = (item: SharedItem) => (TOPICAL.includes(item.category) ? 1 : 0);
  const ordered = [...shared].sort(
    (a, b) =>
      topical(a) - topical(b) || b.weight - a.weight || a.node.name.localeCompare(b.node.name) || a.category.localeCompare(b.category),
  );
  const ties = ordered.map((item) => ({
    node: item.node,
    category: item.category,
    organisational: !topical(item),
    reason: reasonOf(item),
    edges: item.edges,
  }));
  return { reasons: ties.map((tie) => tie.reason), shared: ordered.map((item) => item.node), ties };
}

export interface AllyTie {
  node: NodeProps;
  category: SharedCategory;
  organisational: boolean;
  reason: string;
  edges: EdgeProps[];
}

export const alliesFields = {
  async allies(_: unknown, args: QueryAlliesArgs, { db, loaders, visible }: Context) {
    const limit = intInRange("limit", args.limit, 1, ALLIES_LIMIT_MAX, 10);
    const includeStates = args.includeStates ?? false;
    const rows = await db.read(QUERIES.allies, { id: idArg("id", args.id), limit, includeStates, visible });
    if (rows.length === 0) {
      const node = await loaders.nodes.load(args.id);
      if (!node) throw notFound("node", args.id);
      if (node.kind !== "ORGANISATION") throw badInput("id", `must be an organisation (${args.id} is a ${node.kind.toLowerCase()})`);
    }
    return rows.map((row) => ({ node: row.node, score: row.score, organisationalScore: row.organisationalScore, ...explain(row.shared) }));
  },
} satisfies Pick<QueryResolvers, "allies">;
