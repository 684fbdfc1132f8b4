/** Citations, figures' citations and relationships: the provenance side of the graph. */
import type { Resolvers } from "../generated/resolvers.js";
import type { Context } from "../context.js";
import type { Figure } from "../../import/schema.js";
import { type CitationValue, citationsOf, type EdgeProps, type RelationshipProps } from "../../read/rows.js";
import type { Subgraph } from "../../read/subgraph.js";

const withCitations = { citations: (item: RelationshipProps) => citationsOf(item) };

export const ProvenanceTypes = {
  Citation: {
    async source(citation: CitationValue, _: unknown, { loaders }: Context) {
      const source = await loaders.sources.load(citation.sourceId);
      // Loading refuses citations of unknown sources, so this is a broken store (masked to clients).
      if (!source) throw new Error(`a citation names source ${citation.sourceId}, which is not in the atlas`);
      return source;
    },
  },
  Figure: {
    // Figures keep their citations as objects already (they come from JSON, not parallel lists).
    citations: (figure: Figure) => figure.citations.map((c) => ({ sourceId: c.source, locator: c.locator, evidence: c.evidence })),
  },
  Relationship: withCitations,
  Edge: { ...withCitations, weight: (edge: EdgeProps & { weight?: number }) => edge.weight ?? 1 },
  Subgraph: {
    memberIds: (subgraph: Subgraph) => subgraph.memberIds ?? [],
    truncated: (subgraph: Subgraph) => subgraph.truncated ?? false,
  },
} satisfies Resolvers;
