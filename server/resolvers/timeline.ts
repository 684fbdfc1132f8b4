/** timeline(filter): dated events in chronological order, each cited. */
import { type DatedRelationship, type TimelineEvent, timelineEvents } from "../analytics/timeline.js";
import type { Context } from "../context.js";
import { filterParams, type NetworkFilter } from "./filter.js";
import { citationsOf, type NodeProps } from "./rows.js";

export const timelineFields = {
  async timeline(_: unknown, args: { filter?: NetworkFilter | null }, { db }: Context) {
    const params = filterParams(args.filter);
    const [row] = await db.read<{ nodes: NodeProps[]; relationships: DatedRelationship[] }>("timeline", params);
    return timelineEvents(row?.nodes ?? [], row?.relationships ?? [], params).map(({ cited, ...event }: TimelineEvent) => ({
      ...event,
      citations: citationsOf(cited),
    }));
  },
};
