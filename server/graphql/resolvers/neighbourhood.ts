/**
 * neighbourhood(id, depth, filter, limit): a bounded breadth-first subgraph around one node.
 * Unfiltered, and with the whole graph's columns already cached (app.warm() fills them at start-up),
 * it is computed in memory over an adjacency index of those columns; otherwise by the
 * `neighbourhood` Cypher query. Both rank and cut the same way (tested against each other).
 */
import type { GraphQLResolveInfo } from "graphql";

import { neighbourhoodOf } from "../../analytics/adjacency.js";
import type { Context } from "../context.js";
import type { QueryNeighbourhoodArgs, QueryResolvers } from "../generated/resolvers.js";
import { idArg, intInRange, notFound } from "../errors.js";
import { edgeOfColumns, edgesOfColumns, nodeOfColumns, nodesOfColumns } from "../../read/columns.js";
import { cachedGraph, unfiltered } from "../../read/cached-graph.js";
import { filterParams } from "../../read/filter.js";
import { needsFullProperties } from "../../read/selection.js";
import type { Subgraph } from "../../read/subgraph.js";
import { QUERIES } from "../../db/registry.js";

/** Larger than the whole bundled dataset, so the explorer never sees a cut there. */
export const NEIGHBOURHOOD_LIMIT_DEFAULT = 500;
export const NEIGHBOURHOOD_LIMIT_MAX = 5000;

type Hood = Subgraph & { truncated: boolean };

/** From the cached whole-graph columns, when there are any; undefined otherwise. */
async function fromCachedGraph(context: Context, id: string, depth: number, limit: number): Promise<Hood | undefined> {
  const graph = await cachedGraph(context);
  if (!graph) return undefined;
  const centre = graph.adjacency.index.get(id);
  if (centre === undefined) throw notFound("node", id);
  const hood = neighbourhoodOf(graph.adjacency, centre, depth, limit);
  return {
    nodes: hood.nodes.map((i) => nodeOfColumns(graph.columns.nodes, i)),
    edges: hood.edges.map((j) => edgeOfColumns(graph.columns.edges, j)),
    groups: [],
    truncated: hood.truncated,
  };
}

export const neighbourhoodFields = {
  async neighbourhood(_: unknown, args: QueryNeighbourhoodArgs, context: Context, info: GraphQLResolveInfo): Promise<Hood> {
    const depth = intInRange("depth", args.depth, 1, 3, 1);
    const limit = intInRange("limit", args.limit, 1, NEIGHBOURHOOD_LIMIT_MAX, NEIGHBOURHOOD_LIMIT_DEFAULT);
    const id = idArg("id", args.id);
    const params = filterParams(args.filter);
    // Full property maps only when the query selects a long field (descriptions, citations …).
    const full = needsFullProperties(info);
    if (!full && unfiltered(params)) {
      const hood = await fromCachedGraph(context, id, depth, limit);
      if (hood) return hood;
    }
    const [row] = await context.db.read(QUERIES.neighbourhood, { ...params, id, depth, limit, full, visible: context.visible });
    // The centre is always part of its own neighbourhood, so no nodes means no such node.
    if (!row || row.nodes.id.length === 0) throw notFound("node", args.id);
    return {
      nodes: full ? row.fullNodes : nodesOfColumns(row.nodes),
      edges: full ? row.fullEdges : edgesOfColumns(row.edges),
      groups: [],
      truncated: row.truncated,
    };
  },
} satisfies Pick<QueryResolvers, "neighbourhood">;
