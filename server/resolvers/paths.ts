/** paths(from, to): the k shortest simple paths, with every relationship and its citations in order. */
import type { Context } from "../context.js";
import { badInput, idArg, intInRange, notFound } from "../errors.js";
import { filterParams, type NetworkFilter } from "./filter.js";
import { type EdgeProps, markLean, type NodeProps, type SourceProps } from "./rows.js";

export const PATH_LENGTH_MAX = 6;
export const PATHS_LIMIT_MAX = 10;

interface PathsArgs {
  from: string;
  to: string;
  maxLength?: number | null;
  limit?: number | null;
  filter?: NetworkFilter | null;
}

export interface PathRow {
  nodes: NodeProps[];
  edges: EdgeProps[];
  length: number;
}

interface PathQueryRow extends PathRow {
  /** The documents the path's citations name (primed into the sources DataLoader). */
  sources: SourceProps[];
}

export const pathsFields = {
  async paths(_: unknown, args: PathsArgs, { db, loaders }: Context): Promise<PathRow[]> {
    const maxLength = intInRange("maxLength", args.maxLength, 1, PATH_LENGTH_MAX, 4);
    const limit = intInRange("limit", args.limit, 1, PATHS_LIMIT_MAX, 5);
    idArg("from", args.from);
    idArg("to", args.to);
    if (args.from === args.to) throw badInput("to", "must differ from from");
    const params = { ...filterParams(args.filter), from: args.from, to: args.to, maxLength, limit };
    const rows = await db.read<PathQueryRow>("paths", params);
    if (rows.length === 0) {
      // No path, or no such node: only the second is an error.
      const [from, to] = await loaders.nodes.loadMany([args.from, args.to]);
      if (!from || from instanceof Error) throw notFound("node", args.from);
      if (!to || to instanceof Error) throw notFound("node", args.to);
    }
    for (const row of rows) for (const source of row.sources) loaders.sources.prime(source.id, source);
    return rows.map(({ nodes, edges, length }) => ({ nodes: nodes.map(markLean), edges, length }));
  },
};
