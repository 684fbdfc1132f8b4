/**
 * A writer to be killed mid-transaction (the crash test): connects to the test Neo4j, starts one
 * write through the write layer — the node written, its Change recorded and the data version bumped,
 * all inside the open transaction — prints OPEN and waits, never committing, to be SIGKILLed.
 * Usage: node --import tsx test/integration/_crash-writer.ts <bolt uri> <password> <input JSON>
 */
import { connect } from "../../server/db/database.js";
import { planCreateNode } from "../../server/write/nodes.js";
import { commit } from "../../server/write/store.js";

const [uri, password, input] = process.argv.slice(2);
setInterval(() => {}, 60_000); // keeps the process (and its open transaction) alive until killed
const db = await connect({ uri, username: "neo4j", password });
const editor = { userId: "user-crash", username: "crash", role: "editor" as const };
await db.writeTransaction(async (run) => {
  const plan = await planCreateNode(run, JSON.parse(input), editor);
  const change = await commit(run, "createNode", plan, { actor: editor });
  process.stdout.write(`OPEN ${change.id} ${change.seq}\n`);
  await new Promise(() => {}); // held open until the process is killed
});
