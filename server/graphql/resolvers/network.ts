/**
 * network, networkCompact and expand: whole (filtered) views, flat or grouped by membership.
 * Whole-graph views are read models (server/cache): computed once per dataset hash and arguments.
 * `network` without long fields and `networkCompact` both derive from one cached columnar read.
 */
import type { GraphQLResolveInfo } from "graphql";

import type { CompactNetwork } from "../../../core/wire.js";
import { readModel, WEIGHT } from "../../cache/index.js";
import type { Context } from "../context.js";
import type { QueryExpandArgs, QueryNetworkArgs, QueryNetworkCompactArgs, QueryResolvers } from "../generated/resolvers.js";
import { idArg, notFound } from "../errors.js";
import { EMPTY_COLUMNS, edgesOfColumns, nodesOfColumns, type SubgraphColumns } from "../../read/columns.js";
import { type CompactSubgraph, compactOfColumns } from "../../read/compact.js";
import { type FilterParams, filterParams } from "../../read/filter.js";
import { unfiltered } from "../../read/cached-graph.js";
import { oneAtATime } from "../../read/one-at-a-time.js";
import { needsFullProperties } from "../../read/selection.js";
import { assembleSubgraph, type Subgraph } from "../../read/subgraph.js";
import { runInWorker } from "../../workers/index.js";
import { groupedCompactTaskOfColumns } from "../../workers/columns.js";
import { QUERIES } from "../../db/registry.js";

const weighColumns = (c: SubgraphColumns) => c.nodes.id.length * WEIGHT.node + c.edges.type.length * WEIGHT.edge;
const weighSubgraph = (full: boolean) => (s: Subgraph) =>
  full ? s.nodes.length * WEIGHT.fullNode + s.edges.length * WEIGHT.fullEdge : s.nodes.length * WEIGHT.node + s.edges.length * WEIGHT.edge;
const weighCompact = (c: CompactSubgraph) => (c.ids.length * WEIGHT.node + c.sources.length * WEIGHT.edge) / 2;

const wholeGraphReads = oneAtATime();

/** The filtered graph's short properties as columns, shared by network, networkCompact, metrics and timeline. */
export function networkColumns(context: Context, params: FilterParams): Promise<SubgraphColumns> {
  return readModel(
    context,
    "networkColumns",
    params,
    async () => {
      // After this server's own write: the cached columns of the version before, with the change applied.
      const key = unfiltered(params) ? await context.datasetHash() : undefined;
      const derived = key && context.caches.freshness?.deriveColumns(context.visible, key, params);
      if (derived) return derived;
      const [row] = await wholeGraphReads(() => context.db.read(QUERIES.networkColumns, { ...params, visible: context.visible }));
      return row ?? EMPTY_COLUMNS;
    },
    weighColumns,
  );
}

/** The columns of a compact subgraph the explorer's layout reads (not its groups, roles or weights). */
function layoutColumns({ edgeRoles: _roles, edgeWeights: _weights, groups: _groups, ...columns }: CompactSubgraph): CompactNetwork {
  return columns;
}

export const networkFields = {
  network(_: unknown, args: QueryNetworkArgs, context: Context, info: GraphQLResolveInfo): Promise<Subgraph> {
    const params = filterParams(args.filter);
    const groupBy = args.groupBy ?? "NONE";
    // Sorted and deduplicated: the same set, in any order, is the same read model.
    const collapsed = args.collapsed ? [...new Set(args.collapsed.map((id, k) => idArg(`collapsed[${k}]`, id)))].sort() : undefined;
    // Long texts and citations of every node and edge dominate a whole-graph read, so the full
    // property maps are read only when the query selects one of those fields.
    const full = needsFullProperties(info);
    return readModel(
      context,
      "network",
      { params, groupBy, full, collapsed: collapsed ?? null },
      async () => {
        if (full) {
          const [row] = await context.db.read(QUERIES.network, { ...params, visible: context.visible });
          return assembleSubgraph(row?.nodes ?? [], row?.edges ?? [], groupBy, collapsed);
        }
        const columns = await networkColumns(context, params);
        return assembleSubgraph(nodesOfColumns(columns.nodes), edgesOfColumns(columns.edges), groupBy, collapsed);
      },
      weighSubgraph(full),
    );
  },

  async networkCompact(
    _: unknown,
    args: QueryNetworkCompactArgs,
    context: Context,
  ): Promise<CompactSubgraph & { layout: () => Promise<number[]> }> {
    const params = filterParams(args.filter);
    const groupBy = args.groupBy ?? "NONE";
    // Grouping by membership costs seconds at 10k nodes, so it runs on a worker thread; the plain
    // encoding costs about as much as copying its columns there would.
    const compact = await readModel(
      context,
      "networkCompact",
      { params, groupBy },
      async () => {
        const columns = await networkColumns(context, params);
        if (groupBy === "NONE") return compactOfColumns(columns, groupBy);
        return (await runInWorker(groupedCompactTaskOfColumns(columns))).compact;
      },
      weighCompact,
    );
    // Laid out only when asked for, once per dataset and arguments (seconds at 10k nodes), on a
    // worker thread: only the columns the layout reads cross over.
    const layout = () =>
      readModel(
        context,
        "openingLayout",
        { params, groupBy },
        async () => {
          // After this server's own write: the previous layout, every node where it was.
          const key = unfiltered(params) ? await context.datasetHash() : undefined;
          const carried = key && context.caches.freshness?.deriveLayout(context.visible, key, { params, groupBy }, compact);
          if (carried) return carried;
          return Array.from((await runInWorker({ kind: "openingLayout", network: layoutColumns(compact) })).positions);
        },
        (xy) => xy.length * 8,
      );
    return { ...compact, layout };
  },

  async expand(_: unknown, args: QueryExpandArgs, { db, visible }: Context): Promise<Subgraph & { memberIds: string[] }> {
    const [row] = await db.read(QUERIES.expand, {
      ...filterParams(args.filter),
      id: idArg("id", args.id),
      visible,
    });
    if (!row) throw notFound("node", args.id);
    return { nodes: row.nodes, edges: row.edges, groups: [], memberIds: row.memberIds };
  },
} satisfies Pick<QueryResolvers, "network" | "networkCompact" | "expand">;
