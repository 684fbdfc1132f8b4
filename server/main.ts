/**
 * `npm start`: config → database (embedded unless NEO4J_URI) → schema and bundled data → HTTP.
 * SIGTERM or Ctrl-C stops accepting connections, lets requests in flight finish (for at most
 * ATLAS_SHUTDOWN_TIMEOUT_S), then closes the database (and the embedded Neo4j with it) and exits.
 */
import "./production-mode.js"; // first: graphql-js reads NODE_ENV when it loads
import { createApp } from "./app.js";
import { openDatabase, prepareDatabase } from "./db/open.js";
import { readConfig } from "./env.js";
import { drainServer } from "./http/shutdown.js";
import { fail, log } from "./log.js";

try {
  const config = readConfig();
  const database = await openDatabase(config, log);
  await prepareDatabase(database.db, log, { reloadWhenChanged: !config.neo4j });
  const app = createApp(database.db, {
    cache: { budgetMb: config.cacheMb },
    bodyLimitBytes: config.http.bodyLimitBytes,
    importLimitBytes: config.http.importLimitBytes,
    corsOrigins: config.http.corsOrigins,
    auth: config.auth,
  });
  const server = app.createServer();
  server.once("error", (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === "EADDRINUSE" ? `Port ${config.port} is already in use: stop the other server or set PORT.` : error.message;
    void database.close().then(() => fail(reason));
  });
  server.listen(config.port, config.host, () => {
    log(
      `Coalition Atlas is ready on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/ (GraphQL at /graphql) using ${database.description}.`,
    );
    if (config.cacheMb > 0) {
      app.warm().then(
        (ms) => {
          log(`Whole-graph caches warmed in ${ms} ms.`);
          void app.warmSignedIn().then(
            (more) => log(`Signed-in and editor views warmed in ${more} ms.`),
            () => {},
          );
        },
        (error: Error) => log(`Could not warm the caches (${error.message}); the first request will fill them.`),
      );
    }
  });
  const shutdown = async (signal: string) => {
    log(`${signal}: finishing requests in flight, then shutting down…`);
    const { forced } = await drainServer(server, config.http.shutdownTimeoutMs);
    if (forced) log(`Requests still running after ${config.http.shutdownTimeoutMs / 1000} s were cut.`);
    await database.close();
    process.exit(0);
  };
  // A second signal while draining means "now": cut the requests, but still close the database,
  // so the embedded Neo4j goes down with us.
  const onSignal = (signal: NodeJS.Signals) => {
    process.once(signal, () => server.closeAllConnections());
    void shutdown(signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
} catch (error) {
  fail(error);
}
