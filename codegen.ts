/**
 * GraphQL Code Generator: types generated from server/graphql/schema.graphql, so a resolver or a
 * document that disagrees with the schema fails `npm run typecheck`. Run by `npm run codegen` (and
 * before start, build, dev, typecheck, lint and test); the output is git-ignored.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const SCHEMA = "server/graphql/schema.graphql";

/** Server-side values standing for GraphQL types whose shape differs from the schema's (rows.ts). */
const ROWS = "../../read/rows.js";
const NODE = `${ROWS}#NodeProps`;

const config: CodegenConfig = {
  schema: SCHEMA,
  ignoreNoDocuments: true,
  generates: {
    // Resolver signatures: arguments, parents and results for every field of every type.
    "server/graphql/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: "../context.js#Context",
        mapperTypeSuffix: "Model",
        mappers: {
          Node: NODE,
          Organisation: NODE,
          Forum: NODE,
          Campaign: NODE,
          Instrument: NODE,
          Person: NODE,
          Issue: NODE,
          Edge: `${ROWS}#EdgeProps`,
          Relationship: `${ROWS}#RelationshipProps`,
          Source: `${ROWS}#SourceProps`,
          Citation: `${ROWS}#CitationValue`,
          Subgraph: "../../read/subgraph.js#Subgraph",
          CompactSubgraph: "../../read/compact.js#CompactSubgraph",
          Figure: "../../import/schema.js#Figure",
          Story: "../resolvers/Story.js#StoryValue",
          StoryStep: "../../../core/story.js#StoryStep",
          StoryView: "../../../core/story.js#StoryView",
          Exercise: "../../../core/story.js#StoryExercise",
          WriteResult: "../../write/index.js#WriteOutcome",
          Change: "../../write/index.js#ChangeProps",
          Proposal: "../../write/index.js#ProposalProps",
          NetworkMetrics: "../resolvers/metrics.js#NetworkMetricsValue",
          NodeMetrics: "../resolvers/metrics.js#NodeMetricsValue",
          // The analyses' own records: their kinds and types are the store's strings.
          NodeChange: "../../analytics/year-diff.js#NodeChange",
          TieChange: "../../analytics/year-diff.js#TieChange",
          WhatIfNode: "../../analytics/what-if.js#WhatIfNode",
          AffectedOrganisation: "../../analytics/what-if.js#AffectedOrganisation",
        },
      },
    },
    // The web app's operations: typed document strings (no GraphQL parser in the bundle).
    "web/src/api/gql/": {
      documents: ["web/src/api/operations.graphql"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { documentMode: "string", useTypeImports: true, enumsAsTypes: true },
    },
    // The tests' operations: each `graphql(`…`)` of test/gql types its answer and variables, so a test
    // reads the shape the schema gives rather than one it declares by hand.
    "test/gql/": {
      documents: ["test/**/*.test.ts"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { documentMode: "string", useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
