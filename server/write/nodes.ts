/**
 * Plans of the node mutations: createNode, updateNode, deleteNode and mergeNodes. Each reads and
 * locks what it touches inside the caller's transaction, checks versions there (so of two writes
 * against one version exactly one wins), validates by the rules of data/, and returns its plan.
 */
import { randomBytes } from "node:crypto";

import type { NodeKind } from "../../core/vocabulary.js";
import type { Viewer } from "../auth/viewer.js";
import type { TxRunner } from "../db/database.js";
import { apiError, badInput, notFound } from "../graphql/errors.js";
import { relationshipId } from "../import/validate.js";
import type { Citation } from "../import/schema.js";
import {
  applyFields,
  canSee,
  citedSources,
  conflict,
  nodeRecordOf,
  nodeRowFrom,
  relationshipRecordOf,
  relationshipRowFrom,
  requireVisibilityAllowed,
  versionOf,
} from "./records.js";
import { QUERIES } from "../db/registry.js";
import { lockNodes, lockRelationships, lockSources, tiesOf } from "./store.js";
import type { Plan, RecordWrite, StoredNode, StoredRelationship } from "./types.js";

export interface NodeFieldsInput {
  [field: string]: unknown;
  citations?: Citation[] | null;
}

export interface CreateNodeInput {
  id: string;
  kind: NodeKind;
  fields: NodeFieldsInput;
}
export interface UpdateNodeInput {
  id: string;
  version: number;
  fields: NodeFieldsInput;
}
export interface DeleteNodeInput {
  id: string;
  version: number;
  removeTies?: boolean | null;
}
export interface MergeNodesInput {
  keep: string;
  keepVersion: number;
  duplicate: string;
  duplicateVersion: number;
}

/** Citations must name documents the atlas holds. */
export async function requireSources(run: TxRunner, record: Record<string, unknown>, field = "fields.citations"): Promise<void> {
  const ids = citedSources(record);
  const found = await lockSources(run, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw badInput(field, `cites unknown source '${missing[0]}' (add it with createSource first)`);
}

/** The node, locked, when the viewer may see it; NOT_FOUND otherwise (a hidden node is not there). */
export async function visibleNode(run: TxRunner, viewer: Viewer, id: string): Promise<StoredNode> {
  const node = (await lockNodes(run, [id])).get(id) ?? null;
  if (!node || !canSee(viewer, node)) throw notFound("node", id);
  return node;
}

export function expectVersion(record: StoredNode | StoredRelationship, expected: number, what: string): void {
  const current = versionOf(record);
  if (current !== expected) throw conflict(what, record.id, current, expected);
}

/**
 * The id a new node gets. One id space for nodes and sources: an id the viewer can see taken is
 * refused. An id taken by a node the viewer may not see must not reveal that node, so the write goes
 * ahead as if the id were free, under the id with a random suffix (the answer names the id used).
 */
async function freeIdFor(run: TxRunner, wanted: string, viewer: Viewer): Promise<string> {
  const taken = async (id: string) => (await lockNodes(run, [id])).get(id) ?? (await lockSources(run, [id])).get(id) ?? null;
  const holder = await taken(wanted);
  if (!holder) return wanted;
  if (holder.kind === "source" || canSee(viewer, holder)) throw badInput("id", `'${wanted}' is already taken`);
  for (;;) {
    const id = `${wanted}-${randomBytes(3).toString("hex")}`;
    if (!(await taken(id))) return id;
  }
}

export async function planCreateNode(run: TxRunner, input: CreateNodeInput, viewer: Viewer): Promise<Plan> {
  const id = await freeIdFor(run, input.id, viewer);
  const record = applyFields({ id }, input.fields, input.kind);
  const after = nodeRowFrom(input.kind, record);
  requireVisibilityAllowed(viewer, after);
  await requireSources(run, record);
  return { records: [{ kind: "node", id: after.id, before: null, after }] };
}

export async function planUpdateNode(run: TxRunner, input: UpdateNodeInput, viewer: Viewer): Promise<Plan> {
  const before = await visibleNode(run, viewer, input.id);
  expectVersion(before, input.version, "Node");
  const { kind, record } = nodeRecordOf(before);
  const next = applyFields(record, input.fields, kind);
  const after = nodeRowFrom(kind, next);
  requireVisibilityAllowed(viewer, after);
  await requireSources(run, next);
  return { records: [{ kind: "node", id: before.id, before, after }] };
}

/** The node ids a story step shows: its focus, the networks it collapses, its exercise's answers. */
function storyNodeIds(steps: string): Set<string> {
  type Step = { focus?: string[]; view?: { collapsed?: string[] }; exercise?: { answers?: string[] } };
  const ids = (JSON.parse(steps) as Step[]).flatMap((step) => [
    ...(step.focus ?? []),
    ...(step.view?.collapsed ?? []),
    ...(step.exercise?.answers ?? []),
  ]);
  return new Set(ids);
}

/** Stories would point at nothing: a node a story shows is not deleted (nor merged away) until the story changes. */
export async function refuseStoryNodes(run: TxRunner, id: string): Promise<void> {
  const stories = (await run(QUERIES.exportStories)).filter((story) => storyNodeIds(story.steps).has(id));
  if (!stories.length) return;
  const named = stories.map((story) => `'${story.title}' (${story.id})`).join(", ");
  throw apiError("CONFLICT", `'${id}' is shown by the stor${stories.length === 1 ? "y" : "ies"} ${named}: change the story first`, {
    id,
    stories: stories.map((story) => story.id),
  });
}

export async function planDeleteNode(run: TxRunner, input: DeleteNodeInput, viewer: Viewer): Promise<Plan> {
  const before = await visibleNode(run, viewer, input.id);
  expectVersion(before, input.version, "Node");
  await refuseStoryNodes(run, before.id);
  const ties = await tiesOf(run, [before.id]);
  if (ties.length && !input.removeTies)
    throw badInput(
      "removeTies",
      `must be true to delete '${before.id}', which still has ${ties.length} tie${ties.length === 1 ? "" : "s"}`,
    );
  const locked = await lockRelationships(run, ties);
  const records: RecordWrite[] = [...locked.values()].map((tie) => ({ kind: "relationship", id: tie.id, before: tie, after: null }));
  return { records: [...records, { kind: "node", id: before.id, before, after: null }] };
}

const citationKey = (c: Citation) => `${c.source}\u0000${c.locator}\u0000${c.evidence}`;

function unionCitations(...lists: Citation[][]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of lists.flat()) if (!seen.has(citationKey(c))) seen.set(citationKey(c), c);
  return [...seen.values()];
}

/**
 * Folds `duplicate` into `keep`: its ties move to `keep` (joining a tie `keep` already has, with
 * both ties' citations), its name and aliases become aliases of `keep`, its citations join `keep`'s
 * (so do those of a tie between the two, which would become a self-loop), and it is deleted.
 */
export async function planMergeNodes(run: TxRunner, input: MergeNodesInput, viewer: Viewer): Promise<Plan> {
  if (input.keep === input.duplicate) throw badInput("duplicate", "must differ from keep");
  const keep = await visibleNode(run, viewer, input.keep);
  const duplicate = await visibleNode(run, viewer, input.duplicate);
  expectVersion(keep, input.keepVersion, "Node");
  expectVersion(duplicate, input.duplicateVersion, "Node");
  await refuseStoryNodes(run, duplicate.id);
  const kept = nodeRecordOf(keep);
  const dup = nodeRecordOf(duplicate);
  if (kept.kind !== dup.kind)
    throw badInput("duplicate", `is a ${dup.kind}, and '${keep.id}' a ${kept.kind}: only nodes of one kind merge`);

  const ties = [...(await lockRelationships(run, await tiesOf(run, [duplicate.id]))).values()];
  if (ties.some((tie) => !canSee(viewer, tie)))
    throw apiError("FORBIDDEN", "The duplicate has ties you cannot see; ask an editor to merge.");
  const moved = new Map<string, Record<string, unknown>>();
  let selfCitations: Citation[] = [];
  const records: RecordWrite[] = [];
  for (const tie of ties) {
    records.push({ kind: "relationship", id: tie.id, before: tie, after: null });
    const record = relationshipRecordOf(tie);
    const source = tie.source === duplicate.id ? keep.id : tie.source;
    const target = tie.target === duplicate.id ? keep.id : tie.target;
    if (source === target) {
      selfCitations = [...selfCitations, ...(record.citations as Citation[])];
      continue;
    }
    const next: Record<string, unknown> = { ...record, source, target };
    const id = relationshipId(next as { type: string; source: string; target: string; role?: string });
    const earlier = moved.get(id);
    moved.set(
      id,
      earlier ? { ...earlier, citations: unionCitations(earlier.citations as Citation[], next.citations as Citation[]) } : next,
    );
  }
  const existing = await lockRelationships(run, [...moved.keys()]);
  const kindOf = (id: string) => (id === keep.id ? kept.kind : undefined);
  const ends = await lockNodes(
    run,
    [...moved.values()].flatMap((r) => [r.source as string, r.target as string]),
  );
  const kindOfEnd = (id: string) => kindOf(id) ?? (ends.get(id)?.props.kind as NodeKind | undefined);
  for (const [id, record] of moved) {
    const already = existing.get(id);
    if (already) {
      const current = relationshipRecordOf(already);
      const merged = { ...current, citations: unionCitations(current.citations as Citation[], record.citations as Citation[]) };
      records.push({ kind: "relationship", id, before: already, after: relationshipRowFrom(merged, kindOfEnd, id) });
    } else {
      records.push({ kind: "relationship", id, before: null, after: relationshipRowFrom(record, kindOfEnd, id) });
    }
  }

  const names = [dup.record.name as string, ...((dup.record.aliases as string[] | undefined) ?? [])];
  const aliases = [...new Set([...((kept.record.aliases as string[] | undefined) ?? []), ...names])].filter((a) => a !== kept.record.name);
  const merged = {
    ...kept.record,
    aliases,
    description: kept.record.description ?? dup.record.description,
    citations: unionCitations(kept.record.citations as Citation[], dup.record.citations as Citation[], selfCitations),
  };
  if (!merged.description) delete merged.description;
  records.push({ kind: "node", id: keep.id, before: keep, after: nodeRowFrom(kept.kind, merged) });
  records.push({ kind: "node", id: duplicate.id, before: duplicate, after: null });
  return { records };
}
