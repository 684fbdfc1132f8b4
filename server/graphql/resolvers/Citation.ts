/** Citations, figures' citations and relationships: the provenance side of the graph. */
import type { Context } from "../context.js";
import { type CitationValue, citationsOf, type RelationshipProps } from "../../read/rows.js";

const withCitations = { citations: (item: RelationshipProps) => citationsOf(item) };

export const ProvenanceTypes = {
  Citation: {
    source: (citation: CitationValue, _: unknown, { loaders }: Context) => loaders.sources.load(citation.sourceId),
  },
  Figure: {
    // Figures keep their citations as objects already (they come from JSON, not parallel lists).
    citations: (figure: { citations: { source: string; locator: string; evidence: string }[] }) =>
      figure.citations.map((c) => ({ sourceId: c.source, locator: c.locator, evidence: c.evidence })),
  },
  Relationship: withCitations,
  Edge: { ...withCitations, weight: (edge: { weight?: number }) => edge.weight ?? 1 },
  Subgraph: {
    groups: (subgraph: { groups?: unknown[] }) => subgraph.groups ?? [],
    memberIds: (subgraph: { memberIds?: string[] }) => subgraph.memberIds ?? [],
    truncated: (subgraph: { truncated?: boolean }) => subgraph.truncated ?? false,
  },
};
