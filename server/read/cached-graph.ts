/**
 * The whole unfiltered graph as cached columns plus an adjacency index over them, for the queries
 * that walk the graph in memory (neighbourhood, paths). Only when a whole-graph read has already
 * filled the cache (app.warm() does at start-up); undefined otherwise, and the caller asks Cypher.
 */
import { type Adjacency, buildAdjacency } from "../analytics/adjacency.js";
import { introduces } from "../analytics/tie-semantics.js";
import { cachedReadModel, readModel, WEIGHT } from "../cache/index.js";
import type { Context } from "../graphql/context.js";
import type { SubgraphColumns } from "./columns.js";
import { type FilterParams, filterParams } from "./filter.js";

export interface CachedGraph {
  columns: SubgraphColumns;
  adjacency: Adjacency;
}

/** Which ties an in-memory walk may take: all of them, or only those that introduce (tie-semantics.ts). */
export type Walk = "ALL" | "INTRODUCING";

/** True when no facet of the filter narrows the graph. */
export const unfiltered = (params: FilterParams) => Object.values(params).every((value) => value === null);

export async function cachedGraph(context: Context, walk: Walk = "ALL"): Promise<CachedGraph | undefined> {
  const params = filterParams(null);
  const columns = await cachedReadModel<SubgraphColumns>(context, "networkColumns", params);
  if (!columns) return undefined;
  const adjacency = await readModel(
    context,
    walk === "ALL" ? "adjacency" : "adjacency:introducing",
    params,
    async () => buildAdjacency(columns.nodes.id, walk === "ALL" ? columns.edges.source : introducingSources(columns), columns.edges.target),
    (a) => a.ids.length * WEIGHT.row + a.targets.length * 8,
  );
  return { columns, adjacency };
}

/**
 * Edge sources with every tie a default path may not take blanked out: the adjacency then skips
 * them (an unknown end), while edge positions stay those of the columns.
 */
function introducingSources({ nodes, edges }: SubgraphColumns): string[] {
  const kind = new Map(nodes.id.map((id, i) => [id, nodes.kind[i]]));
  return edges.source.map((source, j) =>
    introduces(edges.type[j], kind.get(source) ?? "", kind.get(edges.target[j]) ?? "") ? source : "\u0000",
  );
}
