/** Root query fields: each guards its arguments, runs one named query (or a few), and returns rows. */
import type { Context } from "../context.js";
import { idArg, intInRange, notFound, textOfLength } from "../errors.js";
import { alliesFields } from "./allies.js";
import { compareFields } from "./compare.js";
import { filterParams, type NetworkFilter } from "./filter.js";
import { luceneQuery } from "./lucene.js";
import { metricsFields } from "./metrics.js";
import { networkFields } from "./network.js";
import { pathsFields } from "./paths.js";
import { timelineFields } from "./timeline.js";
import type { EdgeProps, NodeProps, SourceProps } from "./rows.js";

export const SEARCH_LIMIT_MAX = 50;

export const Query = {
  async search(_: unknown, args: { text: string; kinds?: string[] | null; limit?: number | null }, { db }: Context) {
    const text = textOfLength("text", args.text, 1, 200);
    const limit = intInRange("limit", args.limit, 1, SEARCH_LIMIT_MAX, 10);
    const query = luceneQuery(text);
    if (!query) return [];
    const kinds = args.kinds?.length ? args.kinds : null;
    // Over-fetch before the kind filter so filtered searches still fill their limit.
    return db.read<{ node: NodeProps; score: number }>("search", { query, kinds, limit, fetch: kinds ? limit * 5 : limit });
  },

  node(_: unknown, args: { id: string }, { loaders }: Context) {
    return loaders.nodes.load(idArg("id", args.id));
  },

  ...networkFields,
  ...pathsFields,
  ...alliesFields,
  ...timelineFields,
  ...metricsFields,
  ...compareFields,

  async neighbourhood(_: unknown, args: { id: string; depth?: number | null; filter?: NetworkFilter | null }, { db }: Context) {
    const depth = intInRange("depth", args.depth, 1, 3, 1);
    const id = idArg("id", args.id);
    const [row] = await db.read<{ nodes: NodeProps[]; edges: EdgeProps[] }>("neighbourhood", { ...filterParams(args.filter), id, depth });
    // The centre is always part of its own neighbourhood, so no nodes means no such node.
    if (!row || row.nodes.length === 0) throw notFound("node", args.id);
    return { ...row, groups: [] };
  },

  async sources(_: unknown, __: unknown, { db }: Context): Promise<SourceProps[]> {
    const rows = await db.read<{ source: SourceProps }>("allSources");
    return rows.map((r) => r.source);
  },
};
