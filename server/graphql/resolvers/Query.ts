/** Root query fields: each guards its arguments, runs one named query (or a few), and returns rows. */
import type { GraphQLResolveInfo } from "graphql";

import { VISIBILITIES } from "../../../core/access.js";
import type { Context, Loaders } from "../context.js";
import type { QueryNodeArgs, QueryResolvers, QuerySearchArgs } from "../generated/resolvers.js";
import { idArg, intInRange, textOfLength } from "../errors.js";
import { alliesFields } from "./allies.js";
import { analysesFields } from "./analyses.js";
import { compareFields } from "./compare.js";
import { luceneQuery } from "../../read/lucene.js";
import { rankCandidates, readSearchText } from "../../search/rank.js";
import { metricsFields } from "./metrics.js";
import { neighbourhoodFields } from "./neighbourhood.js";
import { networkFields } from "./network.js";
import { pathsFields } from "./paths.js";
import { markLean, type SourceProps } from "../../read/rows.js";
import { directFields } from "../../read/selection.js";
import { timelineFields } from "./timeline.js";
import { type NodeDetailsRow, QUERIES } from "../../db/registry.js";

export const SEARCH_LIMIT_MAX = 50;
/** Full-text candidates read for ranking, at least: the right answer is among them even when Lucene's own order buries it. */
const SEARCH_CANDIDATES = 40;

/** Seeds the request's DataLoaders so the node's field resolvers query nothing more. */
function primeNodeDetails(loaders: Loaders, row: NodeDetailsRow): void {
  const id = row.node.id;
  loaders.nodes.prime(id, row.node);
  loaders.relationships.prime(
    id,
    row.relationships.map((r) => ({ relationship: r.relationship, other: markLean(r.other) })),
  );
  loaders.memberCounts.prime(id, row.memberCount);
  for (const source of row.sources) loaders.sources.prime(source.id, source);
}

export const Query = {
  async search(_: unknown, args: QuerySearchArgs, { db, visible }: Context) {
    const text = textOfLength("text", args.text, 1, 200);
    const limit = intInRange("limit", args.limit, 1, SEARCH_LIMIT_MAX, 10);
    const query = luceneQuery(text);
    if (!query) return [];
    const kinds = args.kinds?.length ? args.kinds : null;
    // Lucene finds candidates (any word, prefixes, typos); rankCandidates orders them. Fetch enough
    // that the exact match is among them, and more before the kind and visibility filters.
    const narrowed = kinds !== null || visible.length < VISIBILITIES.length;
    const fetch = Math.max(SEARCH_CANDIDATES, limit * (narrowed ? 5 : 2));
    const wanted = readSearchText(text);
    const [found, forums] = await Promise.all([
      db.read(QUERIES.search, { query, kinds, limit: fetch, fetch: narrowed ? fetch * 3 : fetch, visible }),
      wanted.series.length === 0
        ? []
        : db.read(QUERIES.searchForumSeries, { series: wanted.series, years: wanted.years, words: wanted.words, kinds, fetch, visible }),
    ]);
    const withCity = found.map(({ node, city, score }) => ({ node: city === null ? node : { ...node, city }, score }));
    const hits = rankCandidates([...withCity, ...forums], text, limit);
    return hits.map((hit) => ({ ...hit, node: markLean(hit.node) }));
  },

  async node(_: unknown, args: QueryNodeArgs, { db, loaders, visible }: Context, info: GraphQLResolveInfo) {
    const id = idArg("id", args.id);
    // A details panel (relationships, member count) costs one query instead of one per field.
    const fields = directFields(info);
    if (!fields.has("relationships") && !fields.has("memberCount")) return loaders.nodes.load(id);
    const [row] = await db.read(QUERIES.nodeDetails, { id, visible });
    if (!row) return null;
    primeNodeDetails(loaders, row);
    return row.node;
  },

  ...networkFields,
  ...neighbourhoodFields,
  ...pathsFields,
  ...alliesFields,
  ...timelineFields,
  ...metricsFields,
  ...compareFields,
  ...analysesFields,

  async sources(_: unknown, __: unknown, { db, visible }: Context): Promise<SourceProps[]> {
    const rows = await db.read(QUERIES.allSources, { visible });
    return rows.map((r) => r.source);
  },
} satisfies QueryResolvers;
