/** neighbourhood(id, depth, filter, limit): a bounded breadth-first subgraph around one node. */
import type { GraphQLResolveInfo } from "graphql";

import type { Context } from "../context.js";
import { idArg, intInRange, notFound } from "../errors.js";
import { edgesOfColumns, nodesOfColumns, type SubgraphColumns } from "./columns.js";
import { filterParams, type NetworkFilter } from "./filter.js";
import type { EdgeProps, NodeProps } from "./rows.js";
import { needsFullProperties } from "./selection.js";
import type { Subgraph } from "./subgraph.js";

/** Larger than the whole bundled dataset, so the explorer never sees a cut there. */
export const NEIGHBOURHOOD_LIMIT_DEFAULT = 500;
export const NEIGHBOURHOOD_LIMIT_MAX = 5000;

interface NeighbourhoodArgs {
  id: string;
  depth?: number | null;
  filter?: NetworkFilter | null;
  limit?: number | null;
}

interface NeighbourhoodRow extends SubgraphColumns {
  truncated: boolean;
  fullNodes: NodeProps[];
  fullEdges: EdgeProps[];
}

export const neighbourhoodFields = {
  async neighbourhood(_: unknown, args: NeighbourhoodArgs, { db }: Context, info: GraphQLResolveInfo): Promise<Subgraph & { truncated: boolean }> {
    const depth = intInRange("depth", args.depth, 1, 3, 1);
    const limit = intInRange("limit", args.limit, 1, NEIGHBOURHOOD_LIMIT_MAX, NEIGHBOURHOOD_LIMIT_DEFAULT);
    const id = idArg("id", args.id);
    // Full property maps only when the query selects a long field (descriptions, citations …).
    const full = needsFullProperties(info);
    const [row] = await db.read<NeighbourhoodRow>("neighbourhood", { ...filterParams(args.filter), id, depth, limit, full });
    // The centre is always part of its own neighbourhood, so no nodes means no such node.
    if (!row || row.nodes.id.length === 0) throw notFound("node", args.id);
    return {
      nodes: full ? row.fullNodes : nodesOfColumns(row.nodes),
      edges: full ? row.fullEdges : edgesOfColumns(row.edges),
      groups: [],
      truncated: row.truncated,
    };
  },
};
