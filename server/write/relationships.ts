/**
 * Plans of the relationship mutations: createRelationship, updateRelationship, deleteRelationship.
 * The type must be one the vocabulary allows between the kinds of the two ends (validate.ts's rule,
 * the same as for data/).
 */
import type { NodeKind } from "../../core/vocabulary.js";
import type { Viewer } from "../auth/viewer.js";
import type { TxRunner } from "../db/database.js";
import { apiError, notFound } from "../graphql/errors.js";
import { relationshipId } from "../import/validate.js";
import { expectVersion, type NodeFieldsInput, requireSources } from "./nodes.js";
import { applyFields, canSee, relationshipRecordOf, relationshipRowFrom, requireVisibilityAllowed, versionOf } from "./records.js";
import { lockNodes, lockRelationships } from "./store.js";
import type { Plan, StoredRelationship } from "./types.js";

export interface CreateRelationshipInput {
  type: string;
  source: string;
  target: string;
  fields: NodeFieldsInput;
}
export interface UpdateRelationshipInput {
  id: string;
  version: number;
  fields: NodeFieldsInput;
}
export interface DeleteRelationshipInput {
  id: string;
  version: number;
}

/** Locks both ends; an end the viewer may not see is answered as missing. */
async function endKinds(run: TxRunner, viewer: Viewer, source: string, target: string): Promise<(id: string) => NodeKind | undefined> {
  const ends = await lockNodes(run, [source, target]);
  for (const [field, id] of [
    ["source", source],
    ["target", target],
  ] as const) {
    const end = ends.get(id) ?? null;
    if (!end || !canSee(viewer, end)) throw notFound(`node (${field})`, id);
  }
  return (id) => ends.get(id)?.props.kind as NodeKind | undefined;
}

async function visibleRelationship(run: TxRunner, viewer: Viewer, id: string): Promise<StoredRelationship> {
  const tie = (await lockRelationships(run, [id])).get(id) ?? null;
  if (!tie || !canSee(viewer, tie)) throw notFound("relationship", id);
  return tie;
}

export async function planCreateRelationship(run: TxRunner, input: CreateRelationshipInput, viewer: Viewer): Promise<Plan> {
  const record = applyFields({ type: input.type, source: input.source, target: input.target }, input.fields);
  const kindOf = await endKinds(run, viewer, input.source, input.target);
  const after = relationshipRowFrom(record, kindOf);
  requireVisibilityAllowed(viewer, after);
  await requireSources(run, record);
  const taken = (await lockRelationships(run, [after.id])).get(after.id);
  if (taken)
    throw apiError("CONFLICT", `Relationship '${after.id}' already exists (version ${versionOf(taken)}): update it instead`, {
      id: after.id,
      currentVersion: versionOf(taken),
    });
  return { records: [{ kind: "relationship", id: after.id, before: null, after }] };
}

export async function planUpdateRelationship(run: TxRunner, input: UpdateRelationshipInput, viewer: Viewer): Promise<Plan> {
  const before = await visibleRelationship(run, viewer, input.id);
  expectVersion(before, input.version, "Relationship");
  const kindOf = await endKinds(run, viewer, before.source, before.target);
  const record = applyFields(relationshipRecordOf(before), input.fields);
  // The id stays: it is how history, citations and clients know this tie.
  const after = relationshipRowFrom(record, kindOf, before.id);
  requireVisibilityAllowed(viewer, after);
  await requireSources(run, record);
  return { records: [{ kind: "relationship", id: before.id, before, after }] };
}

export async function planDeleteRelationship(run: TxRunner, input: DeleteRelationshipInput, viewer: Viewer): Promise<Plan> {
  const before = await visibleRelationship(run, viewer, input.id);
  expectVersion(before, input.version, "Relationship");
  return { records: [{ kind: "relationship", id: before.id, before, after: null }] };
}

export { relationshipId };
