/**
 * Opens the database the app runs on: the external Neo4j named by NEO4J_URI, or the embedded one
 * (started here, stopped by the returned `close`). Then makes sure the schema exists and, on an
 * empty database, loads the bundled dataset.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Config } from "../env.js";
import { loadDataset } from "../import/load.js";
import { readDataset } from "../import/read-dataset.js";
import { applySchema, connect, type Database } from "./database.js";
import { startEmbeddedNeo4j } from "./embedded.js";

export const DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));

export interface OpenDatabase {
  db: Database;
  /** Where the data lives, for log lines: the external URI or the embedded store. */
  description: string;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  if (config.neo4j) {
    const db = await connect(config.neo4j);
    return { db, description: `Neo4j at ${config.neo4j.uri}`, close: () => db.close() };
  }
  const storeDir = join(config.embedded.dataDir, "neo4j");
  log(`Starting embedded Neo4j 5.26 (store ${storeDir}, Bolt on 127.0.0.1:${config.embedded.port})…`);
  const started = Date.now();
  const embedded = await startEmbeddedNeo4j({
    port: config.embedded.port,
    storeDir,
    heap: config.embedded.heap,
    pagecacheMb: config.embedded.pagecacheMb,
    startTimeoutMs: config.embedded.startTimeoutMs,
    logFile: join(config.embedded.dataDir, "neo4j.log"),
    log,
  });
  log(`Embedded Neo4j is up in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${embedded.logFile}).`);
  try {
    const db = await connect({ uri: embedded.uri });
    return {
      db,
      description: `embedded Neo4j (${storeDir})`,
      close: async () => {
        await db.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** Schema first, then the bundled dataset if the graph is empty (a reload is `npm run db:load`). */
export async function prepareDatabase(db: Database, log: (line: string) => void, dataDir: string = DATA_DIR): Promise<void> {
  await applySchema(db);
  const [counts] = await db.read<{ nodes: number; relationships: number }>("graphCounts");
  if (counts.nodes > 0) {
    log(`Database holds ${counts.nodes} nodes and ${counts.relationships} relationships.`);
    return;
  }
  log(`Database is empty: loading the bundled dataset from ${dataDir}…`);
  const report = await loadDataset(db, readDataset(dataDir));
  log(`Loaded ${report.nodes} nodes and ${report.relationships} relationships in ${report.ms} ms.`);
}
