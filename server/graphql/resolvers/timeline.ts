/**
 * timeline(filter): dated events in chronological order, each cited. A read model per filter,
 * joined in memory from two cached reads: the filtered graph's columns (shared with network) and
 * the dataset's dated facts (one read per dataset, whatever the filter).
 */
import { type DatedRelationship, type TimelineEventKind, timelineEvents } from "../../analytics/timeline.js";
import { readModel, WEIGHT } from "../../cache/index.js";
import type { Context } from "../context.js";
import type { QueryResolvers, QueryTimelineArgs } from "../generated/resolvers.js";
import { relationshipId } from "../../import/validate.js";
import { nodesOfColumns } from "../../read/columns.js";
import { filterParams } from "../../read/filter.js";
import { networkColumns } from "./network.js";
import { type CitationValue, citationsOf, markLean, type NodeProps } from "../../read/rows.js";
import { type CitationColumns, QUERIES, type TimelineFacts } from "../../db/registry.js";

interface TimelineEventValue {
  year: number;
  kind: TimelineEventKind;
  label: string;
  nodes: NodeProps[];
  relationshipId: string | null;
  citations: CitationValue[];
}

const citationsAt = (c: CitationColumns, i: number) => ({
  citationSources: c.citationSources[i] ?? [],
  locators: c.locators[i] ?? [],
  evidence: c.evidence[i] ?? [],
});

function timelineFacts(context: Context): Promise<TimelineFacts> {
  return readModel(
    context,
    "timelineFacts",
    null,
    async () => {
      const [row] = await context.db.read(QUERIES.timelineFacts, { visible: context.visible });
      return row;
    },
    (facts) => (facts.nodes.id.length + facts.relationships.type.length) * WEIGHT.row,
  );
}

export const timelineFields = {
  async timeline(_: unknown, args: QueryTimelineArgs, context: Context): Promise<TimelineEventValue[]> {
    const params = filterParams(args.filter);
    return readModel(
      context,
      "timeline",
      params,
      async () => {
        const [columns, facts] = await Promise.all([networkColumns(context, params), timelineFacts(context)]);
        const kept = new Map(nodesOfColumns(columns.nodes).map((node) => [node.id, node]));
        const dated: NodeProps[] = [];
        facts.nodes.id.forEach((id, i) => {
          const node = kept.get(id);
          // Still lean: any other long field a query asks of an event's node is read on demand.
          if (node) dated.push(markLean({ ...node, city: facts.nodes.city[i], ...citationsAt(facts.nodes, i) }));
        });
        const types = params.relationshipTypes ? new Set(params.relationshipTypes) : null;
        const r = facts.relationships;
        const relationships: DatedRelationship[] = [];
        r.type.forEach((type, j) => {
          const from = kept.get(r.source[j]);
          const to = kept.get(r.target[j]);
          if (!from || !to || (types && !types.has(type))) return;
          const role = r.role[j] ?? undefined;
          relationships.push({
            id: relationshipId({ type, source: from.id, target: to.id, role }),
            type,
            role,
            since: r.since[j] ?? undefined,
            year: r.year[j] ?? undefined,
            ...citationsAt(r, j),
            from,
            to,
          });
        });
        return timelineEvents(dated, relationships, params).map(({ cited, ...event }) => ({ ...event, citations: citationsOf(cited) }));
      },
      (events) => events.length * WEIGHT.row,
    );
  },
} satisfies Pick<QueryResolvers, "timeline">;
