/**
 * `npm start`: config → database (embedded unless NEO4J_URI) → schema and bundled data → HTTP.
 * Ctrl-C closes the server, then the database (and the embedded Neo4j with it).
 */
import { createApp } from "./app.js";
import { openDatabase, prepareDatabase } from "./db/open.js";
import { readConfig } from "./env.js";
import { fail, log } from "./log.js";

try {
  const config = readConfig();
  const database = await openDatabase(config, log);
  await prepareDatabase(database.db, log, { reloadWhenChanged: !config.neo4j });
  const app = createApp(database.db, { cache: { budgetMb: config.cacheMb } });
  const server = app.createServer();
  server.once("error", (error: NodeJS.ErrnoException) => {
    const reason = error.code === "EADDRINUSE" ? `Port ${config.port} is already in use: stop the other server or set PORT.` : error.message;
    void database.close().then(() => fail(reason));
  });
  server.listen(config.port, config.host, () => {
    log(`Coalition Atlas is ready on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/ (GraphQL at /graphql) using ${database.description}.`);
    if (config.cacheMb > 0) {
      app.warm().then(
        (ms) => log(`Whole-graph caches warmed in ${ms} ms.`),
        (error: Error) => log(`Could not warm the caches (${error.message}); the first request will fill them.`),
      );
    }
  });
  const shutdown = (signal: string) => {
    log(`${signal}: shutting down…`);
    server.close();
    server.closeAllConnections();
    void database.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  fail(error);
}
