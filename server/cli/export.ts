/**
 * `npm run db:export -- DIR`: writes the whole atlas (bundled records and users' work, with
 * visibility and citations) to DIR in the data/ format — a backup, and the way to move an atlas to
 * another Neo4j (`npm run db:load -- --dir DIR` into an empty database). Uses NEO4J_URI when set,
 * otherwise starts the embedded Neo4j for the duration of the export.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { DATA_DIR, openDatabase } from "../db/open.js";
import { readConfig } from "../env.js";
import { fail, log } from "../log.js";
import { exportAtlas } from "../write/export.js";

const { positionals } = parseArgs({ allowPositionals: true, options: {} });

try {
  if (positionals.length !== 1) throw new Error("usage: npm run db:export -- DIR");
  const dir = resolve(positionals[0]);
  const database = await openDatabase(readConfig(), log);
  try {
    const report = await exportAtlas(database.db, dir, DATA_DIR);
    log(
      `Exported to ${dir}: ${Object.entries(report.counts)
        .map(([file, n]) => `${n} ${file}`)
        .join(", ")}.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  fail(error);
}
