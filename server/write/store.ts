/**
 * The transaction side of every write: lock and read the records a write touches, then commit its
 * plan — write the records (with the next version, their origin and visibility), keep tombstones of
 * deleted bundled records, and record the append-only Change that bumps the data version. All of it
 * runs in the caller's one write transaction, so a failure anywhere leaves nothing behind.
 */
import { randomUUID } from "node:crypto";

import { type Visibility, VISIBILITIES } from "../../core/access.js";
import type { TxRunner } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { apiError } from "../graphql/errors.js";
import { visibilityOf } from "./records.js";
import type {
  ChangeProps,
  Credit,
  Plan,
  Props,
  RecordWrite,
  StoredNode,
  StoredRecord,
  StoredRelationship,
  StoredSource,
  WriteProgress,
} from "./types.js";

export async function lockNodes(run: TxRunner, ids: string[]): Promise<Map<string, StoredNode>> {
  if (!ids.length) return new Map();
  const rows = await run(QUERIES.lockNodes, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r.id, { kind: "node", id: r.id, label: r.label, props: r.props as Props }]));
}

export async function lockRelationships(run: TxRunner, ids: string[]): Promise<Map<string, StoredRelationship>> {
  if (!ids.length) return new Map();
  const rows = await run(QUERIES.lockRelationships, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r.id, { kind: "relationship", ...r, props: r.props as Props }]));
}

export async function lockSources(run: TxRunner, ids: string[]): Promise<Map<string, StoredSource>> {
  if (!ids.length) return new Map();
  const rows = await run(QUERIES.lockSources, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r.id, { kind: "source", id: r.id, props: r.props as Props }]));
}

export async function tiesOf(run: TxRunner, nodeIds: string[]): Promise<string[]> {
  if (!nodeIds.length) return [];
  return (await run(QUERIES.tiesOfNodes, { ids: nodeIds })).map((r) => r.id);
}

/** Locks and reads records of any kind, keyed `kind:id`. */
export async function lockRecords(run: TxRunner, keys: { kind: StoredRecord["kind"]; id: string }[]): Promise<Map<string, StoredRecord>> {
  const ids = (kind: StoredRecord["kind"]) => keys.filter((k) => k.kind === kind).map((k) => k.id);
  const found = new Map<string, StoredRecord>();
  for (const map of [
    await lockNodes(run, ids("node")),
    await lockRelationships(run, ids("relationship")),
    await lockSources(run, ids("source")),
  ])
    for (const record of map.values()) found.set(`${record.kind}:${record.id}`, record);
  return found;
}

/** Rows per UNWIND: big enough that a query's overhead is spread, small enough for a modest heap. */
const BATCH = 10_000;

/** Runs `write` over the rows in batches, calling `written` with each batch's size. */
async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>, written: (count: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await write(batch);
    written(batch.length);
  }
}

/** Relationships grouped by type, in the order the types first appear. */
function byType(ties: StoredRelationship[]): StoredRelationship[][] {
  const groups = new Map<string, StoredRelationship[]>();
  for (const tie of ties) {
    const group = groups.get(tie.type);
    if (group) group.push(tie);
    else groups.set(tie.type, [tie]);
  }
  return [...groups.values()];
}

const BOOKKEEPING = ["version", "origin", "userChanged", "bundledHash", "visibility"];

/**
 * The record as it will be stored: the next version, where it came from, and its visibility. A
 * revert restores a state exactly: a record stored without a visibility (bundled data that names
 * none) gets none back, rather than an explicit PUBLIC that would read as a user's choice.
 */
function finish(write: RecordWrite, restore: boolean): StoredRecord | null {
  const { before, after } = write;
  if (!after) return null;
  const props: Props = Object.fromEntries(
    Object.entries(after.props).filter(([key]) => !BOOKKEEPING.includes(key) || key === "visibility"),
  );
  if (after.kind !== "source") {
    // Versions only go up, also when a revert brings back a deleted record.
    props.version = Math.max(Number(before?.props.version ?? 0), Number(after.props.version ?? 0)) + 1;
    if (!restore || after.props.visibility !== undefined) props.visibility = visibilityOf(after);
  }
  const origin = String(before?.props.origin ?? after.props.origin ?? "user");
  props.origin = origin;
  if (origin === "bundled") {
    props.userChanged = true;
    const seen = before?.props.bundledHash ?? after.props.bundledHash;
    if (seen) props.bundledHash = seen;
  }
  return { ...after, props } as StoredRecord;
}

function mostRestrictive(levels: Visibility[]): Visibility {
  return levels.reduce<Visibility>((a, b) => (VISIBILITIES.indexOf(b) > VISIBILITIES.indexOf(a) ? b : a), "PUBLIC");
}

/**
 * Writes a plan's records and its Change; returns the change. Call inside the write transaction.
 * `progress` hears how many records are written as the batches go (an import's progress bar).
 */
export async function commit(run: TxRunner, operation: string, plan: Plan, credit: Credit, progress?: WriteProgress): Promise<ChangeProps> {
  const writes = plan.records.map((w) => ({ ...w, after: finish(w, plan.revertOf !== undefined) }));
  if (!writes.length) throw apiError("BAD_USER_INPUT", "Nothing to change.");
  let done = 0;
  const written = (count: number) => {
    done += count;
    progress?.("WRITING", done, writes.length);
  };
  written(0);
  const deleted = (kind: StoredRecord["kind"]) => writes.filter((w) => w.kind === kind && w.before && !w.after);
  /** The records of a kind written (only those new, or only those replaced, when `fresh` is given). */
  const toWrite = <K extends StoredRecord["kind"]>(kind: K, fresh?: boolean) =>
    writes
      .filter((w) => w.kind === kind && w.after && (fresh === undefined || fresh === !w.before))
      .map((w) => w.after as Extract<StoredRecord, { kind: K }>);

  // A node is deleted only with every tie it has; a tie added since the plan was made is a conflict.
  const goneNodes = deleted("node").map((w) => w.id);
  const goneTies = new Set(deleted("relationship").map((w) => w.id));
  const remaining = (await tiesOf(run, goneNodes)).filter((id) => !goneTies.has(id));
  if (remaining.length)
    throw apiError("CONFLICT", `A node to delete still has ties: ${remaining.slice(0, 5).join(", ")}`, { ids: remaining });

  // Each query is a round trip to Neo4j: one with nothing to do is skipped.
  if (goneTies.size) await run(QUERIES.deleteRelationshipsById, { ids: [...goneTies] });
  written(goneTies.size);
  // Records the plan found absent are created, the others replaced (MERGE); both in batches, so an
  // import of 50,000 ties is a few UNWINDs of the one transaction, not one query per record.
  const nodeRow = ({ id, label, props }: StoredNode) => ({ id, label, props });
  await inBatches(toWrite("node", false), (rows) => run(QUERIES.writeNodes, { rows: rows.map(nodeRow) }), written);
  await inBatches(toWrite("node", true), (rows) => run(QUERIES.createNodes, { rows: rows.map(nodeRow) }), written);
  await inBatches(toWrite("source"), (rows) => run(QUERIES.writeSources, { rows: rows.map(({ id, props }) => ({ id, props })) }), written);
  const tieRow = ({ id, type, source, target, props }: StoredRelationship) => ({ id, type, source, target, props });
  const ties = toWrite("relationship");
  let found = 0;
  // One relationship type per UNWIND: each batch creates relationships of a single type.
  for (const [query, fresh] of [
    [QUERIES.writeRelationships, false],
    [QUERIES.createRelationships, true],
  ] as const)
    for (const rows of byType(toWrite("relationship", fresh)))
      await inBatches(
        rows,
        async (batch) => {
          const [row] = await run(query, { rows: batch.map(tieRow) });
          found += row?.count ?? 0;
        },
        written,
      );
  if (found !== ties.length) throw new Error(`only ${found} of ${ties.length} relationships found both their ends`);
  if (goneNodes.length) await run(QUERIES.deleteNodesById, { ids: goneNodes });
  written(goneNodes.length);
  const goneSources = deleted("source").map((w) => w.id);
  if (goneSources.length) await run(QUERIES.deleteSourcesById, { ids: goneSources });
  written(goneSources.length);
  const bundledGone = writes.filter((w) => w.before && !w.after && String(w.before.props.origin ?? "bundled") === "bundled");
  if (bundledGone.length) await run(QUERIES.addTombstones, { ids: bundledGone.map((w) => w.id) });
  // Only a record that was absent can have a tombstone, and most stores have none: an import of
  // 10,000 new ties looked each one up (about 3 s of a 27 s apply on the import bench).
  const back = writes.filter((w) => w.after && !w.before).map((w) => w.id);
  if (back.length && Number((await run(QUERIES.countTombstones, {}))[0]?.count ?? 0) > 0)
    await run(QUERIES.removeTombstones, { ids: back });

  const half = (pick: "before" | "after") => JSON.stringify(writes.map((w) => ({ kind: w.kind, id: w.id, state: w[pick] })));
  const change: Omit<ChangeProps, "seq"> = {
    id: randomUUID(),
    at: new Date().toISOString(),
    operation,
    actor: credit.actor.username,
    actorId: credit.actor.userId,
    ...(credit.reviewer ? { reviewer: credit.reviewer.username, reviewerId: credit.reviewer.userId } : {}),
    ...(credit.proposalId ? { proposalId: credit.proposalId } : {}),
    ...(credit.comment ? { comment: credit.comment } : {}),
    ...(plan.revertOf ? { revertOf: plan.revertOf } : {}),
    recordIds: [...new Set(writes.map((w) => w.id))],
    before: half("before"),
    after: half("after"),
    visibility: mostRestrictive(writes.flatMap((w) => [w.before, w.after].filter((r) => r && r.kind !== "source").map(visibilityOf))),
  };
  const [recorded] = await run(QUERIES.recordChange, { change });
  return { ...change, seq: recorded.seq };
}
