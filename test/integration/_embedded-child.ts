/**
 * A stand-in for `npm start` in the orphan test: starts the embedded Neo4j, prints the JVM's pid and
 * waits to be killed. Usage: node --import tsx test/integration/_embedded-child.ts <store> <port>
 */
import { join } from "node:path";

import { startEmbeddedNeo4j } from "../../server/db/embedded.js";

const [store, port] = process.argv.slice(2);
const neo4j = await startEmbeddedNeo4j({
  port: Number(port),
  storeDir: store,
  heap: "512m",
  pagecacheMb: 32,
  startTimeoutMs: 180_000,
  logFile: join(store, "..", "neo4j.log"),
});
process.stdout.write(`JVM ${neo4j.pid}\n`);
setInterval(() => {}, 60_000);
