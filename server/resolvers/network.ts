/** network, networkCompact and expand: whole (filtered) views, flat or grouped by membership. */
import type { GraphQLResolveInfo } from "graphql";

import type { Context } from "../context.js";
import { idArg, notFound } from "../errors.js";
import { type CompactColumns, type CompactSubgraph, rowsOfColumns, toCompact } from "./compact.js";
import { filterParams, type NetworkFilter } from "./filter.js";
import type { EdgeProps, NodeProps } from "./rows.js";
import { needsFullProperties } from "./selection.js";
import { assembleSubgraph, type Grouping, type Subgraph } from "./subgraph.js";

interface NetworkArgs {
  filter?: NetworkFilter | null;
  groupBy?: Grouping | null;
}

export const networkFields = {
  async network(_: unknown, args: NetworkArgs, { db }: Context, info: GraphQLResolveInfo): Promise<Subgraph> {
    // Reading descriptions and citations of every node and edge dominates a whole-graph query, so
    // they are read only when the query selects them.
    const query = needsFullProperties(info) ? "network" : "networkLean";
    const [row] = await db.read<{ nodes: NodeProps[]; edges: EdgeProps[] }>(query, filterParams(args.filter));
    return assembleSubgraph(row?.nodes ?? [], row?.edges ?? [], args.groupBy ?? "NONE");
  },

  async networkCompact(_: unknown, args: NetworkArgs, { db }: Context): Promise<CompactSubgraph> {
    const [row] = await db.read<CompactColumns>("networkCompact", filterParams(args.filter));
    const { nodes, edges } = row ? rowsOfColumns(row) : { nodes: [], edges: [] };
    return toCompact(nodes, edges, args.groupBy ?? "NONE");
  },

  async expand(_: unknown, args: { id: string; filter?: NetworkFilter | null }, { db }: Context): Promise<Subgraph & { memberIds: string[] }> {
    const [row] = await db.read<{ nodes: NodeProps[]; edges: EdgeProps[]; memberIds: string[] }>("expand", {
      ...filterParams(args.filter),
      id: idArg("id", args.id),
    });
    if (!row) throw notFound("node", args.id);
    return { nodes: row.nodes, edges: row.edges, groups: [], memberIds: row.memberIds };
  },
};
