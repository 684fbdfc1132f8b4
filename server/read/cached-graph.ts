/**
 * The whole unfiltered graph as cached columns plus an adjacency index over them, for the queries
 * that walk the graph in memory (neighbourhood, paths). Only when a whole-graph read has already
 * filled the cache (app.warm() does at start-up); undefined otherwise, and the caller asks Cypher.
 */
import { type Adjacency, buildAdjacency } from "../analytics/adjacency.js";
import { cachedReadModel, readModel, WEIGHT } from "../cache/index.js";
import type { Context } from "../graphql/context.js";
import type { SubgraphColumns } from "./columns.js";
import { type FilterParams, filterParams } from "./filter.js";

export interface CachedGraph {
  columns: SubgraphColumns;
  adjacency: Adjacency;
}

/** True when no facet of the filter narrows the graph. */
export const unfiltered = (params: FilterParams) => Object.values(params).every((value) => value === null);

export async function cachedGraph(context: Context): Promise<CachedGraph | undefined> {
  const params = filterParams(null);
  const columns = await cachedReadModel<SubgraphColumns>(context, "networkColumns", params);
  if (!columns) return undefined;
  const adjacency = await readModel(
    context,
    "adjacency",
    params,
    async () => buildAdjacency(columns.nodes.id, columns.edges.source, columns.edges.target),
    (a) => a.ids.length * WEIGHT.row + a.targets.length * 8,
  );
  return { columns, adjacency };
}
