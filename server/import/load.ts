/**
 * Loads a validated dataset into Neo4j in one write transaction: upsert everything by id, then
 * delete what the dataset no longer holds. Loading the same data twice leaves the graph as it was;
 * any failure rolls back the whole load.
 */
import type { Database } from "../db/database.js";
import type { Dataset } from "./schema.js";
import { type GraphRows, toGraphRows } from "./to-graph.js";
import { QUERIES } from "../db/registry.js";

export interface LoadReport {
  hash: string;
  nodes: number;
  relationships: number;
  sources: number;
  stories: number;
  removed: { nodes: number; relationships: number; sources: number; stories: number };
  ms: number;
}

/** Rows per UNWIND batch: large enough for few round trips, small enough for modest heaps. */
const BATCH = 5000;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export async function loadDataset(db: Database, data: Dataset): Promise<LoadReport> {
  return loadRows(db, toGraphRows(data));
}

export async function loadRows(db: Database, rows: GraphRows): Promise<LoadReport> {
  const started = Date.now();
  const count = (result: { count: number }[]) => result[0]?.count ?? 0;
  const removed = await db.writeTransaction(async (run) => {
    for (const batch of batches(rows.sources)) await run(QUERIES.upsertSources, { rows: batch });
    const sources = count(await run(QUERIES.deleteStaleSources, { ids: rows.sources.map((s) => s.id) }));
    await run(QUERIES.upsertStories, { rows: rows.stories });
    const stories = count(await run(QUERIES.deleteStaleStories, { ids: rows.stories.map((s) => s.id) }));
    for (const batch of batches(rows.nodes)) await run(QUERIES.upsertNodes, { rows: batch });
    const nodes = count(await run(QUERIES.deleteStaleNodes, { ids: rows.nodes.map((n) => n.id) }));
    let written = 0;
    for (const batch of batches(rows.relationships)) written += count(await run(QUERIES.upsertRelationships, { rows: batch }));
    if (written !== rows.relationships.length) {
      // Validation guarantees both ends exist in the dataset, so this means a bug: abort the whole load.
      throw new Error(`only ${written} of ${rows.relationships.length} relationships found both their ends`);
    }
    const relationships = count(await run(QUERIES.deleteStaleRelationships, { ids: rows.relationships.map((r) => r.id) }));
    await run(QUERIES.recordDatasetMeta, { hash: rows.hash, nodes: rows.nodes.length, relationships: rows.relationships.length });
    return { nodes, relationships, sources, stories };
  });
  return {
    hash: rows.hash,
    nodes: rows.nodes.length,
    relationships: rows.relationships.length,
    sources: rows.sources.length,
    stories: rows.stories.length,
    removed,
    ms: Date.now() - started,
  };
}
