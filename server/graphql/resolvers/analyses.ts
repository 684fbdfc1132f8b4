/**
 * brokerage, diff, coPresence and whatIf: the structural analyses (server/analytics/analyses.ts)
 * over the filtered graph the reader may see, on the worker thread so other requests keep being
 * served, cached per data version like the other read models. The summaries are the analyses' own.
 */
import { randomUUID } from "node:crypto";

import DataLoader from "dataloader";

import { BROKERAGE_ROLE_EXPLANATIONS, BROKERAGE_ROLES } from "../../analytics/brokerage.js";
import type { AnalysisAnswer, AnalysisRequest } from "../../analytics/analyses.js";
import type { TieChange } from "../../analytics/year-diff.js";
import type { Dating } from "../../analytics/year-snapshot.js";
import { QUERIES } from "../../db/registry.js";
import { type CitationValue, citationsOf } from "../../read/rows.js";
import { readModel, readModelKey } from "../../cache/index.js";
import { filterParams, type NetworkFilter, year } from "../../read/filter.js";
import { runInWorker } from "../../workers/index.js";
import type { Context } from "../context.js";
import { badInput, idArg, intInRange } from "../errors.js";
import type { QueryBrokerageArgs, QueryCoPresenceArgs, QueryDiffArgs, QueryResolvers, QueryWhatIfArgs } from "../generated/resolvers.js";
import { networkColumns } from "./network.js";

const REMOVE_MAX = 200;
const LIST_LIMIT_MAX = 500;
const MIN_SHARED_MAX = 1000;
const CO_PRESENCE_LIMIT_MAX = 10_000;
const CO_PRESENCE_LIMIT_DEFAULT = 500;
const BROKERAGE_LIMIT_MAX = 10_000;
const BROKERAGE_LIMIT_DEFAULT = 100;
const DIFF_LIMIT_MAX = 10_000;
const DIFF_LIMIT_DEFAULT = 500;

/** A change's dating record, with the relationship's ends when it is one (to find it by its indexed ends). */
type DatingRow = Dating & { ends?: { source: string; target: string } };
type RelationshipRef = { id: string; source: string; target: string };

/** One query per request for the citations of every dating relationship asked for. */
const datingCitationLoaders = new WeakMap<Context, DataLoader<RelationshipRef, CitationValue[], string>>();
function datingCitations(context: Context) {
  let loader = datingCitationLoaders.get(context);
  if (!loader) {
    loader = new DataLoader<RelationshipRef, CitationValue[], string>(
      async (refs) => {
        const [row] = await context.db.read(QUERIES.pathEdges, { edges: refs, visible: context.visible });
        for (const source of row?.sources ?? []) context.loaders.sources.prime(source.id, source);
        const byId = new Map((row?.edges ?? []).map((edge) => [edge.id, citationsOf(edge)]));
        return refs.map((ref) => byId.get(ref.id) ?? []);
      },
      { cacheKeyFn: (ref) => ref.id },
    );
    datingCitationLoaders.set(context, loader);
  }
  return loader;
}

/** The analysis over the filtered graph, computed on the worker thread once per data version and arguments. */
async function analyse<A extends AnalysisAnswer["analysis"]>(
  context: Context,
  filter: NetworkFilter | null | undefined,
  request: AnalysisRequest & { analysis: A },
): Promise<Extract<AnalysisAnswer, { analysis: A }>> {
  const params = filterParams(filter);
  const { answer } = await readModel(
    context,
    `analysis:${request.analysis}`,
    { params, request },
    async () => {
      // The worker keeps the last graph (and its what-if index) by this key: same version, levels and
      // filter. So the columns are sent only when it does not hold that graph: copying them to the
      // thread cost more than most analyses (and blocks this loop while they are serialised).
      // Without a data version nothing names the graph: a fresh key, so no thread reuses another's.
      const hash = await context.datasetHash();
      const key = hash ? readModelKey(hash, context.visible, "analysisGraph", params) : `unversioned:${randomUUID()}`;
      const first = hash ? await runInWorker({ kind: "analysis", key, columns: null, request }) : null;
      if (first?.answer) return first;
      const columns = await networkColumns(context, params);
      const result = await runInWorker({ kind: "analysis", key, columns, request });
      if (!result.answer) throw new Error("the analysis worker answered nothing though it was sent the columns");
      return result;
    },
    (result) => result.weight,
  );
  return answer as Extract<AnalysisAnswer, { analysis: A }>;
}

const yearRequired = (field: string, value: number) => year(field, value) as number;

export const analysesFields = {
  async brokerage(_: unknown, args: QueryBrokerageArgs, context: Context) {
    const limit = intInRange("limit", args.limit, 1, BROKERAGE_LIMIT_MAX, BROKERAGE_LIMIT_DEFAULT);
    const { summary, result } = await analyse(context, args.filter, { analysis: "brokerage", partition: args.partition });
    return {
      ...result,
      // Already most brokerage first (then by id): the cached answer keeps every organisation.
      nodes: result.nodes.slice(0, limit),
      summary,
      roles: BROKERAGE_ROLES.map((name) => ({ name, explanation: BROKERAGE_ROLE_EXPLANATIONS[name] })),
    };
  },

  async diff(_: unknown, args: QueryDiffArgs, context: Context) {
    const from = yearRequired("from", args.from);
    const to = yearRequired("to", args.to);
    if (from > to) throw badInput("from", `must not be after to (${from} > ${to})`);
    const limit = intInRange("limit", args.limit, 1, DIFF_LIMIT_MAX, DIFF_LIMIT_DEFAULT);
    const metrics = args.withMetrics ? context.analytics.metricsOptions : null;
    const { summary, result } = await analyse(context, args.filter, { analysis: "diff", from, to, metrics });
    // The cached answer keeps every change; only the first `limit` of each list are resolved (each
    // dating tie's citations are read from the store, and 29,000 ties over 22 years at 10k took seconds).
    const first = <T>(list: T[]) => list.slice(0, limit);
    // A node dated by a tie is dated by one that changed too: the diff's ties give every dating tie's ends.
    const ties = [...result.ties.appeared, ...result.ties.ended];
    const ends = new Map(ties.map((t) => [t.id, { source: t.source, target: t.target }]));
    const dated = <C extends { datedBy: Dating }>(change: C): C & { datedBy: DatingRow } => ({
      ...change,
      datedBy: { ...change.datedBy, ends: change.datedBy.recordKind === "RELATIONSHIP" ? ends.get(change.datedBy.recordId) : undefined },
    });
    const datedTies = (list: TieChange[]) => list.map(dated);
    return {
      from: result.from,
      to: result.to,
      summary,
      appeared: first(result.nodes.appeared).map(dated),
      gone: first(result.nodes.gone).map(dated),
      tiesAppeared: datedTies(first(result.ties.appeared)),
      tiesEnded: datedTies(first(result.ties.ended)),
      counts: {
        appeared: result.nodes.appeared.length,
        gone: result.nodes.gone.length,
        tiesAppeared: result.ties.appeared.length,
        tiesEnded: result.ties.ended.length,
        coalitions: result.coalitions.length,
      },
      coalitions: first(result.coalitions).map((c) => ({
        ...c,
        joined: datedTies(first(c.joined)),
        left: datedTies(first(c.left)),
        joinedCount: c.joined.length,
        leftCount: c.left.length,
      })),
      metricChanges: result.metricChanges,
    };
  },

  async coPresence(_: unknown, args: QueryCoPresenceArgs, context: Context) {
    const yearFrom = year("from", args.from);
    const yearTo = year("to", args.to);
    if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw badInput("from", `must not be after to (${yearFrom} > ${yearTo})`);
    const minShared = intInRange("minShared", args.minShared, 1, MIN_SHARED_MAX, 1);
    const kinds = args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds)].sort() : undefined;
    const limit = intInRange("limit", args.limit, 1, CO_PRESENCE_LIMIT_MAX, CO_PRESENCE_LIMIT_DEFAULT);
    // The limit goes to the analysis: only the ties listed are explained (most of the cost at 10k).
    const { summary, result } = await analyse(context, args.filter, {
      analysis: "coPresence",
      options: { yearFrom, yearTo, minShared, kinds, limit },
    });
    return { ...result, summary };
  },

  async whatIf(_: unknown, args: QueryWhatIfArgs, context: Context) {
    if (args.remove.length === 0 || args.remove.length > REMOVE_MAX) {
      throw badInput("remove", `must name 1–${REMOVE_MAX} nodes (got ${args.remove.length})`);
    }
    const remove = [...new Set(args.remove.map((id) => idArg("remove", id)))].sort();
    const listLimit = intInRange("listLimit", args.listLimit, 0, LIST_LIMIT_MAX, 50);
    const { summary, result } = await analyse(context, args.filter, {
      analysis: "whatIf",
      remove,
      withMembers: args.withMembers ?? false,
      listLimit,
    });
    return { ...result, summary };
  },
} satisfies Pick<QueryResolvers, "brokerage" | "diff" | "coPresence" | "whatIf">;

export const AnalysisTypes = {
  Dating: {
    source: (dating: DatingRow) => dating.ends?.source ?? null,
    target: (dating: DatingRow) => dating.ends?.target ?? null,
    async citations(dating: DatingRow, _: unknown, context: Context) {
      if (!dating.ends) return [];
      return datingCitations(context).load({ id: dating.recordId, ...dating.ends });
    },
  },
};
