/** Teaching stories: read from Neo4j (steps stored as JSON) and mapped onto Story/StoryStep. */
import type { Context } from "../context.js";
import type { StoryStep } from "../../../core/story.js";
import type { QueryStoryArgs } from "../generated/resolvers.js";
import type { CitationValue } from "../../read/rows.js";
import { QUERIES, type StoryRow } from "../../db/registry.js";

const toStory = (row: StoryRow) => ({ ...row, steps: JSON.parse(row.steps) as StoryStep[] });

export const StoryTypes = {
  Query: {
    async stories(_: unknown, __: unknown, { db }: Context) {
      const rows = await db.read(QUERIES.allStories);
      return rows.map((r) => toStory(r.story));
    },
    async story(_: unknown, args: QueryStoryArgs, { db }: Context) {
      const [row] = await db.read(QUERIES.storyById, { id: args.id });
      return row ? toStory(row.story) : null;
    },
  },
  StoryStep: {
    /** Focus ids resolved to nodes in one batched query; ids no longer in the graph are skipped. */
    async focusNodes(step: StoryStep, _: unknown, { loaders }: Context) {
      return (await loaders.nodes.loadMany(step.focus)).filter((n) => n && !(n instanceof Error));
    },
    citations: (step: StoryStep): CitationValue[] =>
      step.citations.map((c) => ({ sourceId: c.source, locator: c.locator, evidence: c.evidence })),
  },
};
