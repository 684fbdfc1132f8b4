/** compare(ids) and coMembership(filter, minShared). */
import { compareOrganisations, type LinkedItems } from "../analytics/compare.js";
import type { Context } from "../context.js";
import { badInput, idArg, intInRange, notFound } from "../errors.js";
import { filterParams, type NetworkFilter } from "./filter.js";
import type { NodeProps } from "./rows.js";

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;
export const MIN_SHARED_MAX = 100;

export const compareFields = {
  async compare(_: unknown, args: { ids: string[] }, { db, loaders }: Context) {
    const ids = args.ids;
    if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) throw badInput("ids", `must list ${COMPARE_MIN}–${COMPARE_MAX} organisations (got ${ids.length})`);
    ids.forEach((id) => idArg("ids", id));
    if (new Set(ids).size !== ids.length) throw badInput("ids", "must not repeat an organisation");
    const rows = await db.read<LinkedItems>("compareItems", { ids });
    const byId = new Map(rows.map((r) => [r.node.id, r]));
    for (const id of ids) {
      if (byId.has(id)) continue;
      const node = await loaders.nodes.load(id);
      if (!node) throw notFound("node", id);
      throw badInput("ids", `must list organisations (${id} is a ${node.kind.toLowerCase()})`);
    }
    return compareOrganisations(ids.map((id) => byId.get(id)!));
  },

  async coMembership(_: unknown, args: { filter?: NetworkFilter | null; minShared?: number | null }, { db }: Context) {
    const minShared = intInRange("minShared", args.minShared, 1, MIN_SHARED_MAX, 1);
    const [row] = await db.read<{ nodes: NodeProps[]; edges: unknown[] }>("coMembership", { ...filterParams(args.filter), minShared });
    return row ?? { nodes: [], edges: [] };
  },
};
