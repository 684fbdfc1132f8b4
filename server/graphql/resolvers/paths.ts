/**
 * paths(from, to): the k shortest simple paths, with every relationship and its citations in order.
 * By default only over ties that could introduce one body to another (tie-semantics.ts
 * `introduces`); `throughTopics` also walks shared issues and instruments.
 * Unfiltered, and with the whole graph cached (app.warm() fills it at start-up), the paths are found
 * in memory and only their relationships are read from Neo4j; otherwise by the `paths` Cypher query.
 * Around big hubs the walk may stop early: it then answers the paths it found, which are the
 * shortest and come first in the full answer, but may be fewer than `limit`.
 */
import type { Adjacency } from "../../analytics/adjacency.js";
import { shortestSimplePaths } from "../../analytics/paths.js";
import type { Context } from "../context.js";
import type { QueryPathsArgs, QueryResolvers } from "../generated/resolvers.js";
import { badInput, idArg, intInRange, notFound } from "../errors.js";
import { INTRODUCING_TYPES, TOPIC_KINDS } from "../../analytics/tie-semantics.js";
import { type CachedGraph, cachedGraph, unfiltered } from "../../read/cached-graph.js";
import { edgeOfColumns, type EdgeColumns, nodeOfColumns } from "../../read/columns.js";
import { filterParams } from "../../read/filter.js";
import { type EdgeProps, markLean } from "../../read/rows.js";
import { type PathRow, QUERIES } from "../../db/registry.js";

export const PATH_LENGTH_MAX = 6;
export const PATHS_LIMIT_MAX = 10;

type PathsArgs = QueryPathsArgs;

/** The relationship a hop from `a` to `b` takes: of parallel ones, the smallest id (as the Cypher query picks). */
function hopEdge(adjacency: Adjacency, edges: EdgeColumns, a: number, b: number): EdgeProps {
  let best: EdgeProps | undefined;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ]) {
    for (const j of adjacency.outgoing[from]) {
      if (adjacency.targets[j] !== to) continue;
      const edge = edgeOfColumns(edges, j);
      if (!best || edge.id < best.id) best = edge;
    }
  }
  return best!;
}

/** Paths found in memory, their relationships then read in full (citations) in one query; undefined to ask Cypher. */
async function fromCachedGraph(context: Context, { columns, adjacency }: CachedGraph, args: PathsArgs, maxLength: number, limit: number) {
  const from = adjacency.index.get(args.from);
  const to = adjacency.index.get(args.to);
  if (from === undefined) throw notFound("node", args.from);
  if (to === undefined) throw notFound("node", args.to);
  // Cut short around hubs, the walk still has the shortest paths (a prefix of the answer); with
  // none at all, Cypher searches instead.
  const { paths: found, complete } = shortestSimplePaths(adjacency, from, to, maxLength, limit);
  if (!complete && found.length === 0) return undefined;
  const hops = found.map((path) => path.slice(1).map((node, k) => hopEdge(adjacency, columns.edges, path[k], node)));
  const wanted = new Map(hops.flat().map((edge) => [edge.id, { id: edge.id, source: edge.source, target: edge.target }]));
  const [row] = wanted.size ? await context.db.read(QUERIES.pathEdges, { edges: [...wanted.values()], visible: context.visible }) : [];
  for (const source of row?.sources ?? []) context.loaders.sources.prime(source.id, source);
  const full = new Map((row?.edges ?? []).map((edge) => [edge.id, edge]));
  return found.map((path, p) => ({
    nodes: path.map((i) => nodeOfColumns(columns.nodes, i)),
    edges: hops[p].map((edge) => full.get(edge.id) ?? edge),
    length: path.length - 1,
  }));
}

export const pathsFields = {
  async paths(_: unknown, args: PathsArgs, context: Context): Promise<PathRow[]> {
    const { db, loaders } = context;
    const maxLength = intInRange("maxLength", args.maxLength, 1, PATH_LENGTH_MAX, 4);
    const limit = intInRange("limit", args.limit, 1, PATHS_LIMIT_MAX, 5);
    idArg("from", args.from);
    idArg("to", args.to);
    if (args.from === args.to) throw badInput("to", "must differ from from");
    const filter = filterParams(args.filter);
    const throughTopics = args.throughTopics ?? false;
    const graph = unfiltered(filter) ? await cachedGraph(context, throughTopics ? "ALL" : "INTRODUCING") : undefined;
    const inMemory = graph && (await fromCachedGraph(context, graph, args, maxLength, limit));
    if (inMemory) return inMemory;
    const params = {
      ...filter,
      from: args.from,
      to: args.to,
      maxLength,
      limit,
      throughTopics,
      introducingTypes: INTRODUCING_TYPES,
      topicKinds: TOPIC_KINDS,
      visible: context.visible,
    };
    const rows = await db.read(QUERIES.paths, params);
    if (rows.length === 0) {
      // No path, or no such node: only the second is an error.
      const [from, to] = await loaders.nodes.loadMany([args.from, args.to]);
      if (!from || from instanceof Error) throw notFound("node", args.from);
      if (!to || to instanceof Error) throw notFound("node", args.to);
    }
    for (const row of rows) for (const source of row.sources) loaders.sources.prime(source.id, source);
    return rows.map(({ nodes, edges, length }) => ({ nodes: nodes.map(markLean), edges, length }));
  },
} satisfies Pick<QueryResolvers, "paths">;
