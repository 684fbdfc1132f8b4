/**
 * Every write the API offers, by its mutation name: how to plan it inside a transaction and how to
 * name it in one line. A proposal stores the name and the input; accepting it plans it again here.
 */
import type { Viewer } from "../auth/viewer.js";
import type { TxRunner } from "../db/database.js";
import { type ImportInput, importSummary, planImport } from "../imports/plan.js";
import {
  type CreateNodeInput,
  type DeleteNodeInput,
  type MergeNodesInput,
  planCreateNode,
  planDeleteNode,
  planMergeNodes,
  planUpdateNode,
  type UpdateNodeInput,
} from "./nodes.js";
import {
  type CreateRelationshipInput,
  type DeleteRelationshipInput,
  planCreateRelationship,
  planDeleteRelationship,
  planUpdateRelationship,
  type UpdateRelationshipInput,
} from "./relationships.js";
import { type CreateSourceInput, planCreateSource } from "./sources.js";
import type { Plan } from "./types.js";

interface Operation<I> {
  plan(run: TxRunner, input: I, viewer: Viewer): Promise<Plan>;
  summary(input: I): string;
}

const operation = <I>(spec: Operation<I>) => spec;

export const OPERATIONS = {
  createNode: operation<CreateNodeInput>({ plan: planCreateNode, summary: (i) => `add ${i.kind.toLowerCase()} '${i.id}'` }),
  updateNode: operation<UpdateNodeInput>({ plan: planUpdateNode, summary: (i) => `edit '${i.id}'` }),
  deleteNode: operation<DeleteNodeInput>({
    plan: planDeleteNode,
    summary: (i) => `delete '${i.id}'${i.removeTies ? " and its ties" : ""}`,
  }),
  mergeNodes: operation<MergeNodesInput>({ plan: planMergeNodes, summary: (i) => `merge '${i.duplicate}' into '${i.keep}'` }),
  createRelationship: operation<CreateRelationshipInput>({
    plan: planCreateRelationship,
    summary: (i) => `add ${i.type} from '${i.source}' to '${i.target}'`,
  }),
  updateRelationship: operation<UpdateRelationshipInput>({ plan: planUpdateRelationship, summary: (i) => `edit tie '${i.id}'` }),
  deleteRelationship: operation<DeleteRelationshipInput>({ plan: planDeleteRelationship, summary: (i) => `delete tie '${i.id}'` }),
  createSource: operation<CreateSourceInput>({ plan: planCreateSource, summary: (i) => `add source '${i.id}'` }),
  // A reviewed import (server/imports/): one change set, one proposal for a contributor.
  importRecords: operation<ImportInput>({ plan: planImport, summary: importSummary }),
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type InputOf<N extends OperationName> = (typeof OPERATIONS)[N] extends Operation<infer I> ? I : never;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}
