/**
 * Fields shared by every Node type, and the mapping from a stored `kind` to its GraphQL type.
 * Plain properties resolve by default; only derived fields are written out.
 */
import type { Context } from "../context.js";
import type { NodeKind } from "../import/vocabulary.js";
import { OrganisationMembers } from "./members.js";
import { citationsOf, type NodeProps } from "./rows.js";

const TYPE_OF_KIND: Record<NodeKind, string> = {
  ORGANISATION: "Organisation",
  FORUM: "Forum",
  CAMPAIGN: "Campaign",
  INSTRUMENT: "Instrument",
  PERSON: "Person",
  ISSUE: "Issue",
};

const nodeFields = {
  aliases: (node: NodeProps) => node.aliases ?? [],
  citations: (node: NodeProps) => citationsOf(node),
  async relationships(node: NodeProps, args: { types?: string[] | null }, { loaders }: Context) {
    const rows = await loaders.relationships.load(node.id);
    const types = args.types?.length ? new Set(args.types) : null;
    return rows
      .filter((row) => !types || types.has(row.relationship.type))
      .map((row) => ({ ...row.relationship, other: row.other }));
  },
};

/** Figures are stored as a JSON string (a list of maps cannot be a Neo4j property). */
const withFigures = {
  ...nodeFields,
  figures: (node: NodeProps) =>
    (node.figures ? (JSON.parse(node.figures) as { approximate?: boolean }[]) : []).map((f) => ({
      ...f,
      approximate: f.approximate ?? false,
    })),
};

export const NodeTypes = {
  Node: { __resolveType: (node: NodeProps) => TYPE_OF_KIND[node.kind] },
  Organisation: { ...withFigures, ...OrganisationMembers },
  Forum: withFigures,
  Campaign: nodeFields,
  Instrument: nodeFields,
  Person: nodeFields,
  Issue: nodeFields,
};
