/** compare(ids) and coMembership(filter, minShared). */
import { coMembershipPairs } from "../../analytics/co-membership.js";
import { compareOrganisations } from "../../analytics/compare.js";
import { readModel, WEIGHT } from "../../cache/index.js";
import type { Context } from "../context.js";
import type { QueryCoMembershipArgs, QueryCompareArgs, QueryResolvers } from "../generated/resolvers.js";
import { badInput, idArg, intInRange, notFound } from "../errors.js";
import { nodeOfColumns } from "../../read/columns.js";
import { filterParams } from "../../read/filter.js";
import { networkColumns } from "./network.js";
import type { NodeProps } from "../../read/rows.js";
import { QUERIES } from "../../db/registry.js";

interface CoMembershipValue {
  nodes: NodeProps[];
  edges: { source: string; target: string; weight: number; shared: NodeProps[] }[];
}

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;
export const MIN_SHARED_MAX = 100;

export const compareFields = {
  async compare(_: unknown, args: QueryCompareArgs, { db, loaders, visible }: Context) {
    const ids = args.ids;
    if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX)
      throw badInput("ids", `must list ${COMPARE_MIN}–${COMPARE_MAX} organisations (got ${ids.length})`);
    ids.forEach((id) => idArg("ids", id));
    if (new Set(ids).size !== ids.length) throw badInput("ids", "must not repeat an organisation");
    const rows = await db.read(QUERIES.compareItems, { ids, visible });
    const byId = new Map(rows.map((r) => [r.node.id, r]));
    for (const id of ids) {
      if (byId.has(id)) continue;
      const node = await loaders.nodes.load(id);
      if (!node) throw notFound("node", id);
      throw badInput("ids", `must list organisations (${id} is a ${node.kind.toLowerCase()})`);
    }
    return compareOrganisations(ids.map((id) => byId.get(id)!));
  },

  async coMembership(_: unknown, args: QueryCoMembershipArgs, context: Context): Promise<CoMembershipValue> {
    const minShared = intInRange("minShared", args.minShared, 1, MIN_SHARED_MAX, 1);
    const params = filterParams(args.filter);
    return readModel(
      context,
      "coMembership",
      { params, minShared },
      async () => {
        // The whole graph's short properties (a read the unfiltered network shares) name the nodes.
        const [[row], all] = await Promise.all([
          context.db.read(QUERIES.coMemberships, { ...params, visible: context.visible }),
          networkColumns(context, filterParams(null)),
        ]);
        const index = new Map(all.nodes.id.map((id, i) => [id, i]));
        // Both reads see the same dataset unless a reload lands between them; then skip what is gone.
        const known = (id: string) => index.has(id);
        const pairs = coMembershipPairs(row?.members ?? [], row?.coalitions ?? [], minShared).filter(
          (p) => known(p.source) && known(p.target) && p.shared.every(known),
        );
        const nodes = new Map<string, NodeProps>();
        const node = (id: string) => {
          let found = nodes.get(id);
          if (!found) nodes.set(id, (found = nodeOfColumns(all.nodes, index.get(id)!)));
          return found;
        };
        const edges = pairs.map((p) => ({ source: p.source, target: p.target, weight: p.shared.length, shared: p.shared.map(node) }));
        const ends = [...new Set(pairs.flatMap((p) => [p.source, p.target]))].sort();
        return { nodes: ends.map(node), edges };
      },
      (value) => value.nodes.length * WEIGHT.node + value.edges.length * WEIGHT.edge,
    );
  },
} satisfies Pick<QueryResolvers, "compare" | "coMembership">;
