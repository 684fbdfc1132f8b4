/**
 * Fields shared by every Node type; a stored `kind` names its GraphQL type through LABEL_OF_KIND
 * (the GraphQL type names are the Neo4j labels).
 * Plain properties resolve by default; only derived fields are written out. Nodes read lean (only
 * their short properties, see rows.ts `markLean`) get their long fields through the nodes DataLoader,
 * so one batched query serves every lean node of a request that asks for them.
 */
import type { Context } from "../context.js";
import { LABEL_OF_KIND } from "../../../core/vocabulary.js";
import type { NodeRelationshipsArgs, Resolvers } from "../generated/resolvers.js";
import { OrganisationMembers } from "./members.js";
import type { Figure } from "../../import/schema.js";
import { citationsOf, isLean, type NodeProps } from "../../read/rows.js";

/** A long field: read from the node itself, or from its full properties when it was read lean. */
function long<T>(pick: (node: NodeProps) => T) {
  return (node: NodeProps, _: unknown, { loaders }: Context): T | Promise<T> =>
    isLean(node) ? loaders.nodes.load(node.id).then((full) => pick(full ?? node)) : pick(node);
}

/** An optional text property (the stored map types its extra properties as unknown). */
const orNull = (key: string) => long((node) => (typeof node[key] === "string" ? node[key] : null));

/** Figures are stored as a JSON string (a list of maps cannot be a Neo4j property). */
const figuresOf = (node: NodeProps): Figure[] =>
  (node.figures ? (JSON.parse(node.figures) as Figure[]) : []).map((f) => ({
    ...f,
    approximate: f.approximate ?? false,
  }));

const nodeFields = {
  aliases: (node: NodeProps) => node.aliases ?? [],
  description: orNull("description"),
  citations: long(citationsOf),
  async relationships(node: NodeProps, args: NodeRelationshipsArgs, { loaders }: Context) {
    const rows = await loaders.relationships.load(node.id);
    const types = args.types?.length ? new Set<string>(args.types) : null;
    return rows.filter((row) => !types || types.has(row.relationship.type)).map((row) => ({ ...row.relationship, other: row.other }));
  },
};

const withFigures = { ...nodeFields, figures: long(figuresOf) };

export const NodeTypes = {
  Node: { __resolveType: (node: NodeProps) => LABEL_OF_KIND[node.kind] },
  Organisation: { ...withFigures, ...OrganisationMembers },
  Forum: { ...withFigures, dates: orNull("dates"), city: orNull("city") },
  Campaign: { ...nodeFields, goal: orNull("goal"), outcome: orNull("outcome") },
  Instrument: nodeFields,
  Person: nodeFields,
  Issue: nodeFields,
} satisfies Resolvers;
