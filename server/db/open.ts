/**
 * Opens the database the app runs on: the external Neo4j named by NEO4J_URI, or the embedded one
 * (started here, stopped by the returned `close`). Then makes sure the schema exists and, on an
 * empty database, loads the bundled dataset.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { VISIBILITIES } from "../../core/access.js";
import type { Config } from "../env.js";
import { loadDataset } from "../import/load.js";
import { readDataset } from "../import/read-dataset.js";
import { toGraphRows } from "../import/to-graph.js";
import { connect, type Database } from "./database.js";
import { applySchema } from "./schema.js";
import { startEmbeddedNeo4j } from "./embedded.js";
import { EMBEDDED_USER, ensurePassword } from "./password.js";
import { QUERIES } from "./registry.js";
import { runningLauncher } from "./stale-launcher.js";
import { superviseEmbedded } from "./supervisor.js";

export const DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));

export interface OpenDatabase {
  db: Database;
  /** Where the data lives, for log lines: the external URI or the embedded store. */
  description: string;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  if (config.neo4j) {
    const db = await connect(config.neo4j, { log });
    return { db, description: `Neo4j at ${config.neo4j.uri}`, close: () => db.close() };
  }
  const storeDir = join(config.embedded.dataDir, "neo4j");
  log(`Starting embedded Neo4j 5.26 (store ${storeDir}, Bolt on 127.0.0.1:${config.embedded.port})…`);
  const started = Date.now();
  const start = () =>
    startEmbeddedNeo4j({
      port: config.embedded.port,
      storeDir,
      heap: config.embedded.heap,
      pagecacheMb: config.embedded.pagecacheMb,
      startTimeoutMs: config.embedded.startTimeoutMs,
      logFile: join(config.embedded.dataDir, "neo4j.log"),
      log,
    });
  const embedded = await start();
  log(`Embedded Neo4j is up in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${embedded.pid}, log: ${embedded.logFile}).`);
  try {
    const db = await connect({ uri: embedded.uri, username: embedded.username, password: embedded.password }, { log });
    const supervisor = superviseEmbedded(embedded, start, {
      log,
      onDown: (reason, retryAfterS) => db.availability.markDown(`embedded Neo4j ${reason}`, retryAfterS),
    });
    return {
      db,
      description: `embedded Neo4j (${storeDir})`,
      close: async () => {
        await db.close();
        await supervisor.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/**
 * For commands that work beside a running `npm start` (`npm run users`): the Neo4j at NEO4J_URI;
 * else the embedded Neo4j that a running server started on this store (its pid file names the Bolt
 * port; the store's password file, the password); else the embedded store, started for the command.
 */
export async function attachDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  if (config.neo4j) return openDatabase(config, log);
  const storeDir = join(config.embedded.dataDir, "neo4j");
  const running = runningLauncher(storeDir);
  if (!running) return openDatabase(config, log);
  const uri = `bolt://127.0.0.1:${running.port}`;
  const db = await connect({ uri, username: EMBEDDED_USER, password: ensurePassword(storeDir) }, { log });
  return { db, description: `the running embedded Neo4j (${storeDir}, pid ${running.pid}, ${uri})`, close: () => db.close() };
}

export interface PrepareOptions {
  dataDir?: string;
  /**
   * Reload when the database holds a different dataset than `dataDir` (e.g. after a `git pull`).
   * True for the embedded database, whose content is the bundled data; false for an external one,
   * which may hold a dataset loaded on purpose with `npm run db:load -- --dir …`.
   */
  reloadWhenChanged: boolean;
}

/**
 * Schema first; then the bundled dataset when the graph is empty, or (embedded) when the loaded
 * dataset's hash differs from the bundled one. A reload is one transaction, like `npm run db:load`.
 */
export async function prepareDatabase(db: Database, log: (line: string) => void, options: PrepareOptions): Promise<void> {
  const dataDir = options.dataDir ?? DATA_DIR;
  await applySchema(db, log);
  const bundled = readDataset(dataDir);
  const bundledHash = toGraphRows(bundled).hash;
  const [counts] = await db.read(QUERIES.graphCounts, { visible: VISIBILITIES });
  const [meta] = await db.read(QUERIES.datasetMeta);
  if (counts.nodes > 0 && meta?.hash === bundledHash) {
    log(`Database holds the bundled dataset (${counts.nodes} nodes, ${counts.relationships} relationships).`);
    return;
  }
  if (counts.nodes > 0 && !options.reloadWhenChanged) {
    log(
      `Database holds ${counts.nodes} nodes and ${counts.relationships} relationships, not the bundled dataset; \`npm run db:load\` replaces them with it.`,
    );
    return;
  }
  log(
    counts.nodes > 0
      ? `The bundled dataset in ${dataDir} changed since it was loaded: reloading…`
      : `Database is empty: loading the bundled dataset from ${dataDir}…`,
  );
  const report = await loadDataset(db, bundled);
  log(`Loaded ${report.nodes} nodes and ${report.relationships} relationships in ${report.ms} ms.`);
}
