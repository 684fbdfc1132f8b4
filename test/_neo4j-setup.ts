/**
 * Global setup of the integration and e2e projects: one real embedded Neo4j per test run, on a free
 * port with a throw-away store, schema applied and the bundled dataset loaded. Both projects share
 * it (a process-wide reference count), and the last teardown stops it and deletes the store.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { TestProject } from "vitest/node";

import { connect } from "../server/db/database.js";
import { applySchema } from "../server/db/schema.js";
import { freePort, startEmbeddedNeo4j } from "../server/db/embedded.js";
import { loadDataset } from "../server/import/load.js";
import { readDataset } from "../server/import/read-dataset.js";
import { DATA_DIR } from "../server/db/open.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The throw-away store's generated password (user neo4j). */
    neo4jPassword: string;
  }
}

interface Shared {
  connection: Promise<{ uri: string; password: string }>;
  users: number;
  stop: () => Promise<void>;
}

const KEY = Symbol.for("coalition-atlas.test-neo4j");
const registry = globalThis as unknown as { [KEY]?: Shared };

async function start(shared: Shared): Promise<{ uri: string; password: string }> {
  const dir = mkdtempSync(join(tmpdir(), "atlas-test-"));
  const neo4j = await startEmbeddedNeo4j({
    port: await freePort(),
    storeDir: join(dir, "store"),
    heap: "1g",
    pagecacheMb: 128,
    startTimeoutMs: 300_000, // a shared 2-core machine under load can take minutes
    logFile: join(dir, "neo4j.log"),
    log: (line) => process.stdout.write(`[test-neo4j] ${line}\n`),
  });
  shared.stop = async () => {
    await neo4j.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const db = await connect({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
  try {
    await applySchema(db);
    await loadDataset(db, readDataset(DATA_DIR));
  } finally {
    await db.close();
  }
  return { uri: neo4j.uri, password: neo4j.password };
}

export default async function setup(project: TestProject) {
  let shared = registry[KEY];
  if (!shared) {
    shared = { users: 0, stop: async () => {} } as Shared;
    shared.connection = start(shared);
    registry[KEY] = shared;
  }
  shared.users += 1;
  const { uri, password } = await shared.connection;
  project.provide("neo4jUri", uri);
  project.provide("neo4jPassword", password);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      delete registry[KEY];
      await shared.stop();
    }
  };
}
