/** Teaching stories: read from Neo4j (steps stored as JSON) and mapped onto Story/StoryStep. */
import type { Context, Loaders } from "../context.js";
import type { StoryFile, StoryStep } from "../../../core/story.js";
import type { QueryStoryArgs, Resolvers } from "../generated/resolvers.js";
import type { CitationValue, NodeProps } from "../../read/rows.js";
import { QUERIES, type StoryRow } from "../../db/registry.js";

/**
 * The nodes of `ids` still in the graph and visible to the viewer (the loader reads through
 * $visible). A story may name a record the viewer may not see: its id is left out wherever a step
 * names it (focus, collapsed networks, exercise answers), so the story does not tell of it.
 */
async function visibleNodes(ids: readonly string[], loaders: Loaders): Promise<NodeProps[]> {
  const nodes = await loaders.nodes.loadMany(ids);
  return nodes.filter((n): n is NodeProps => n !== null && !(n instanceof Error));
}

const visibleIds = async (ids: readonly string[], loaders: Loaders) => (await visibleNodes(ids, loaders)).map((node) => node.id);

type StoryViewValue = NonNullable<StoryStep["view"]>;
type ExerciseValue = NonNullable<StoryStep["exercise"]>;

/** A stored story: the file format without its type and version header. */
export type StoryValue = Omit<StoryFile, "type" | "version">;

const toStory = (row: StoryRow): StoryValue => ({ ...row, steps: JSON.parse(row.steps) as StoryStep[] });

export const StoryTypes = {
  Query: {
    async stories(_: unknown, __: unknown, { db, visible }: Context) {
      const rows = await db.read(QUERIES.allStories, { visible });
      return rows.map((r) => toStory(r.story));
    },
    async story(_: unknown, args: QueryStoryArgs, { db, visible }: Context) {
      const [row] = await db.read(QUERIES.storyById, { id: args.id, visible });
      return row ? toStory(row.story) : null;
    },
  },
  StoryStep: {
    focus: (step: StoryStep, _: unknown, { loaders }: Context) => visibleIds(step.focus, loaders),
    /** Focus ids resolved to nodes in one batched query; ids no longer in the graph, or hidden, are skipped. */
    focusNodes: (step: StoryStep, _: unknown, { loaders }: Context) => visibleNodes(step.focus, loaders),
    citations: (step: StoryStep): CitationValue[] =>
      step.citations.map((c) => ({ sourceId: c.source, locator: c.locator, evidence: c.evidence })),
  },
  StoryView: {
    collapsed: (view: StoryViewValue, _: unknown, { loaders }: Context) => (view.collapsed ? visibleIds(view.collapsed, loaders) : null),
  },
  Exercise: {
    answers: (exercise: ExerciseValue, _: unknown, { loaders }: Context) => visibleIds(exercise.answers, loaders),
  },
} satisfies Resolvers;
