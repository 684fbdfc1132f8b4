/**
 * A separate embedded Neo4j per benchmark size under bench/.stores/<size>/ (git-ignored), loaded
 * with a generated dataset through the loader's own named queries, one batch per transaction (a
 * single transaction of 100k organisations would not fit a modest heap). A store whose DatasetMeta
 * hash matches the generated data is reused as it is.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { connect, type Database } from "../server/db/database.js";
import { applySchema } from "../server/db/schema.js";
import { freePort, startEmbeddedNeo4j } from "../server/db/embedded.js";
import type { Dataset } from "../server/import/schema.js";
import { withHash } from "../server/import/load.js";
import { toGraphRows } from "../server/import/to-graph.js";
import { QUERIES } from "../server/db/registry.js";

export const STORES_DIR = fileURLToPath(new URL("./.stores", import.meta.url));
const BATCH = 5000;

export interface BenchStore {
  db: Database;
  /** Bolt URI of the store's Neo4j, for a server in another process. */
  uri: string;
  /** The embedded store's generated password, for a second process that connects to it. */
  password: string;
  hash: string;
  loadMs: number | null;
  close(): Promise<void>;
}

export async function openBenchStore(name: string, data: Dataset, log: (line: string) => void): Promise<BenchStore> {
  const dir = join(STORES_DIR, name);
  const neo4j = await startEmbeddedNeo4j({
    // NEO4J_EMBEDDED_PORT when set (a port of one's own on a shared machine), else any free one.
    port: process.env.NEO4J_EMBEDDED_PORT ? Number(process.env.NEO4J_EMBEDDED_PORT) : await freePort(),
    storeDir: join(dir, "store"),
    heap: process.env.BENCH_NEO4J_HEAP ?? "2g",
    pagecacheMb: Number(process.env.BENCH_NEO4J_PAGECACHE_MB ?? 1024),
    startTimeoutMs: 180_000,
    logFile: join(dir, "neo4j.log"),
    log,
  });
  const db = await connect({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
  const close = async () => {
    await db.close();
    await neo4j.stop();
  };
  try {
    await applySchema(db);
    const rows = toGraphRows(data);
    const [meta] = await db.read(QUERIES.datasetMeta);
    if (meta?.hash === rows.hash) {
      log(`${name}: reusing the loaded store (${rows.nodes.length} nodes, ${rows.relationships.length} relationships)`);
      return { db, uri: neo4j.uri, password: neo4j.password, hash: rows.hash, loadMs: null, close };
    }
    log(`${name}: loading ${rows.nodes.length} nodes and ${rows.relationships.length} relationships in batches of ${BATCH}…`);
    const started = Date.now();
    await db.write(QUERIES.deleteStaleRelationships, { ids: [] });
    await db.write(QUERIES.deleteStaleNodes, { ids: [] });
    for (let i = 0; i < rows.sources.length; i += BATCH) await db.write(QUERIES.upsertSources, { rows: rows.sources.slice(i, i + BATCH) });
    for (let i = 0; i < rows.nodes.length; i += BATCH)
      await db.write(QUERIES.upsertNodes, { rows: rows.nodes.slice(i, i + BATCH).map(withHash) });
    for (let i = 0; i < rows.relationships.length; i += BATCH)
      await db.write(QUERIES.upsertRelationships, { rows: rows.relationships.slice(i, i + BATCH).map(withHash) });
    await db.write(QUERIES.recordDatasetMeta, {
      hash: rows.hash,
      nodes: rows.nodes.length,
      relationships: rows.relationships.length,
      changed: true,
    });
    const loadMs = Date.now() - started;
    log(`${name}: loaded in ${(loadMs / 1000).toFixed(1)} s`);
    return { db, uri: neo4j.uri, password: neo4j.password, hash: rows.hash, loadMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
