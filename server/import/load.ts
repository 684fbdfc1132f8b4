/**
 * Loads a validated dataset into Neo4j in one write transaction. The bundled data is a seed: a load
 * writes bundled records whose row changed, deletes bundled records the dataset no longer holds, and
 * never deletes or overwrites users' work (records users created, changed or deleted); where the
 * dataset changes a record a user changed too, it lists a conflict instead (see
 * cypher/load/dataset.cypher). Loading the same data twice leaves the graph as it was; any failure
 * rolls back the whole load.
 */
import { createHash } from "node:crypto";

import type { Database } from "../db/database.js";
import type { Dataset } from "./schema.js";
import { type GraphRows, toGraphRows } from "./to-graph.js";
import { QUERIES } from "../db/registry.js";

/** A bundled record a user changed (or a user's record with a bundled id) that the new dataset changes too: left as the user made it. */
export interface LoadConflict {
  kind: "node" | "relationship";
  id: string;
  reason: "changed by a user and in the new data" | "changed by a user and gone from the new data";
}

export interface LoadReport {
  hash: string;
  nodes: number;
  relationships: number;
  sources: number;
  stories: number;
  removed: { nodes: number; relationships: number; sources: number; stories: number };
  /** Bundled records rewritten because their row changed (all of them on a first load). */
  written: { nodes: number; relationships: number };
  conflicts: LoadConflict[];
  ms: number;
}

/** Rows per UNWIND batch: large enough for few round trips, small enough for modest heaps. */
const BATCH = 5000;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/** A row's fingerprint: a reload rewrites a bundled record only when it changed. */
export function withHash<T extends object>(row: T): T & { hash: string } {
  return { ...row, hash: createHash("sha256").update(JSON.stringify(row)).digest("hex").slice(0, 16) };
}

export async function loadDataset(db: Database, data: Dataset): Promise<LoadReport> {
  return loadRows(db, toGraphRows(data));
}

export async function loadRows(db: Database, rows: GraphRows): Promise<LoadReport> {
  const started = Date.now();
  const count = (result: { count: number }[]) => result[0]?.count ?? 0;
  const { removed, written, conflicts } = await db.writeTransaction(async (run) => {
    // Bundled records a user deleted stay deleted, with the bundled ties that touched them.
    const gone = new Set((await run(QUERIES.tombstoneIds)).map((t) => t.id));
    const nodeRows = rows.nodes.filter((n) => !gone.has(n.id)).map(withHash);
    const relationshipRows = rows.relationships.filter((r) => !gone.has(r.id) && !gone.has(r.source) && !gone.has(r.target)).map(withHash);
    const conflicts: LoadConflict[] = [];
    const conflict = (kind: LoadConflict["kind"], reason: LoadConflict["reason"]) => (ids: string[]) =>
      conflicts.push(...ids.map((id) => ({ kind, id, reason })));

    for (const batch of batches(rows.sources)) await run(QUERIES.upsertSources, { rows: batch });
    const sources = count(await run(QUERIES.deleteStaleSources, { ids: rows.sources.map((s) => s.id) }));
    await run(QUERIES.upsertStories, { rows: rows.stories });
    const stories = count(await run(QUERIES.deleteStaleStories, { ids: rows.stories.map((s) => s.id) }));
    let writtenNodes = 0;
    for (const batch of batches(nodeRows)) {
      const [result] = await run(QUERIES.upsertNodes, { rows: batch });
      writtenNodes += result?.written ?? 0;
      conflict("node", "changed by a user and in the new data")(result?.conflicts ?? []);
    }
    const [staleNodes] = await run(QUERIES.deleteStaleNodes, { ids: rows.nodes.map((n) => n.id) });
    conflict("node", "changed by a user and gone from the new data")(staleNodes?.conflicts ?? []);
    let found = 0;
    let writtenRelationships = 0;
    for (const batch of batches(relationshipRows)) {
      const [result] = await run(QUERIES.upsertRelationships, { rows: batch });
      found += result?.count ?? 0;
      writtenRelationships += result?.written ?? 0;
      conflict("relationship", "changed by a user and in the new data")(result?.conflicts ?? []);
    }
    if (found !== relationshipRows.length) {
      // Validation guarantees both ends exist in the dataset, so this means a bug: abort the whole load.
      throw new Error(`only ${found} of ${relationshipRows.length} relationships found both their ends`);
    }
    const [staleRelationships] = await run(QUERIES.deleteStaleRelationships, { ids: rows.relationships.map((r) => r.id) });
    conflict("relationship", "changed by a user and gone from the new data")(staleRelationships?.conflicts ?? []);
    const removed = { nodes: staleNodes?.count ?? 0, relationships: staleRelationships?.count ?? 0, sources, stories };
    const changed = writtenNodes + writtenRelationships + removed.nodes + removed.relationships + sources + stories > 0;
    await run(QUERIES.recordDatasetMeta, { hash: rows.hash, nodes: rows.nodes.length, relationships: rows.relationships.length, changed });
    return { removed, written: { nodes: writtenNodes, relationships: writtenRelationships }, conflicts };
  });
  return {
    hash: rows.hash,
    nodes: rows.nodes.length,
    relationships: rows.relationships.length,
    sources: rows.sources.length,
    stories: rows.stories.length,
    removed,
    written,
    conflicts,
    ms: Date.now() - started,
  };
}
