/**
 * `npm run db:load [-- --dir data]`: validates the dataset and (re)loads it in one transaction.
 * Uses NEO4J_URI when set, otherwise starts the embedded Neo4j for the duration of the load.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { applySchema } from "../db/schema.js";
import { DATA_DIR, openDatabase } from "../db/open.js";
import { readConfig } from "../env.js";
import { loadDataset } from "../import/load.js";
import { readDataset } from "../import/read-dataset.js";
import { fail, log } from "../log.js";

const { values } = parseArgs({ options: { dir: { type: "string", default: DATA_DIR } } });

try {
  const dir = resolve(values.dir);
  const data = readDataset(dir); // validate before starting anything
  log(`Dataset in ${dir} is valid.`);
  const database = await openDatabase(readConfig(), log);
  try {
    await applySchema(database.db, log);
    const report = await loadDataset(database.db, data);
    log(
      `Loaded ${report.nodes} nodes, ${report.relationships} relationships and ${report.sources} sources in ${report.ms} ms ` +
        `(removed ${report.removed.nodes} stale nodes, ${report.removed.relationships} stale relationships); dataset ${report.hash}.`,
    );
    // Users' work is never overwritten: where the new data changes what a user changed, say so.
    for (const c of report.conflicts) log(`Kept the user's version of ${c.kind} '${c.id}': ${c.reason}.`);
  } finally {
    await database.close();
  }
} catch (error) {
  fail(error);
}
