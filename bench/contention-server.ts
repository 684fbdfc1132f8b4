/**
 * The server half of `npm run bench:contention`: the app as `npm start` runs it (default caches,
 * warmed before serving), over the bench's Neo4j, in its own process so the bench's client never
 * shares an event loop with it. Prints `listening <port>` once ready; SIGTERM stops it.
 */
import "../server/production-mode.js"; // first: as `npm start` runs the server
import { createApp } from "../server/app.js";
import { connect } from "../server/db/database.js";
import { freePort } from "../server/db/embedded.js";

const uri = process.env.CONTENTION_NEO4J_URI;
if (!uri) throw new Error("CONTENTION_NEO4J_URI is not set (run this through `npm run bench:contention`)");

const db = await connect({ uri, username: "neo4j", password: process.env.CONTENTION_NEO4J_PASSWORD ?? "" });
const app = createApp(db);
await app.warm();
const server = app.createServer();
const port = await freePort();
server.listen(port, "127.0.0.1", () => process.stdout.write(`listening ${port}\n`));
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void db.close().then(() => process.exit(0));
});
