/**
 * `npm run import -- FILE [options]`: a file imported from the command line, for scripts. The same
 * preview as the browser's (parse, mapping, the report per problem, matching) and the same
 * `importRecords` write (one change, revertible; a contributor's import becomes one proposal),
 * against the same database as the server (NEO4J_URI, or the embedded store, running or not).
 * The report goes to stdout, progress and log lines to stderr.
 *
 *   --as USER                 who imports (an account of the atlas); or ATLAS_TOKEN=<API token>
 *   --source TITLE --source-url URL   one source for the whole file (else a source column)
 *   --mapping FILE            a mapping saved from the import wizard, or JSON [{ "sheet", "column", "field" }]
 *                             (field null: ignore the column; see core/import-mapping.ts)
 *   --visibility LEVEL        for every new record (PUBLIC, MEMBERS, EDITORS)
 *   --skip-invalid            apply the rows without problems, leave out the others
 *   --skip-ambiguous          leave out rows with several candidates (else the import is refused)
 *   --dry-run                 the report only; nothing is written. Exit 1 when a row has an error.
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";

import { GraphQLError } from "graphql";

import { type Visibility, VISIBILITIES } from "../../core/access.js";
import type { Viewer } from "../auth/viewer.js";
import { hashToken } from "../auth/tokens.js";
import { listUsers, normalizeUsername } from "../auth/users.js";
import type { Database } from "../db/database.js";
import { attachDatabase } from "../db/open.js";
import { QUERIES } from "../db/registry.js";
import { applySchema } from "../db/schema.js";
import { readConfig } from "../env.js";
import { fail } from "../log.js";
import { readSavedMapping, SavedMappingError } from "../../core/import-mapping.js";
import type { ColumnMapping } from "../imports/mapping.js";
import { applyImport, type ImportPreview, previewImport } from "../imports/preview.js";
import { formatImportProblem, type ImportFormat } from "../imports/types.js";

const USAGE = `Usage: npm run import -- FILE [--as USER] [--source TITLE --source-url URL] [--mapping FILE]
       [--visibility LEVEL] [--skip-invalid] [--skip-ambiguous] [--dry-run]
FILE: .csv, .tsv, .xlsx, .gexf, .graphml or .json. ATLAS_TOKEN=<API token> instead of --as.`;

const FORMAT_OF: Record<string, ImportFormat> = {
  ".csv": "CSV",
  ".tsv": "CSV",
  ".txt": "CSV",
  ".xlsx": "XLSX",
  ".gexf": "GEXF",
  ".graphml": "GRAPHML",
  ".xml": "GRAPHML",
  ".json": "JSON",
};

/** A mistake on the command line or in the file: its message is the whole story, no stack. */
class UsageError extends Error {}

const print = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`[import] ${line}\n`);

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      as: { type: "string" },
      source: { type: "string" },
      "source-url": { type: "string" },
      mapping: { type: "string" },
      visibility: { type: "string" },
      "skip-invalid": { type: "boolean", default: false },
      "skip-ambiguous": { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    print(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new UsageError(`Name one file to import.\n${USAGE}`);
  const file = positionals[0];
  const format = FORMAT_OF[extname(file).toLowerCase()];
  if (!format) throw new UsageError(`Cannot tell the format of '${file}' from its extension.\n${USAGE}`);
  if (!!values.source !== !!values["source-url"]) throw new UsageError("--source and --source-url go together (a title and a URL).");
  const visibility = values.visibility?.toUpperCase();
  if (visibility && !(VISIBILITIES as readonly string[]).includes(visibility))
    throw new UsageError(`--visibility must be one of ${VISIBILITIES.join(", ")}.`);
  return { ...values, file, format, visibility: visibility as Visibility | undefined };
}

function readMapping(path: string): ColumnMapping[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`--mapping ${path}: ${(error as Error).message}`);
  }
  try {
    return readSavedMapping(text).mapping;
  } catch (error) {
    if (error instanceof SavedMappingError) throw new UsageError(`--mapping ${path}: ${error.message}.`);
    throw error;
  }
}

/** The account the import is made as: --as USER (whoever runs this reaches the database), or an API token. */
async function viewerOf(db: Database, as: string | undefined): Promise<Viewer> {
  const token = process.env.ATLAS_TOKEN;
  if (as) {
    const name = normalizeUsername(as);
    const user = (await listUsers(db)).find((u) => u.username === name);
    if (!user) throw new UsageError(`No user '${as}' (see npm run users -- list).`);
    if (user.disabled) throw new UsageError(`User '${user.username}' is disabled.`);
    return { userId: user.id, username: user.username, role: user.role };
  }
  if (token) {
    const [row] = await db.read(QUERIES.viewerByApiToken, { tokenHash: hashToken(token) });
    if (!row) throw new UsageError("ATLAS_TOKEN is not a valid API token: it was revoked, or its user is disabled.");
    return row;
  }
  throw new UsageError(`Say who imports: --as USER, or ATLAS_TOKEN=<API token>.\n${USAGE}`);
}

/** A one-line progress bar on stderr, redrawn in place on a terminal, logged every step otherwise. */
function progress(): (step: string, done: number, total: number) => void {
  let last = "";
  return (step, done, total) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    // A step without a count (planning, committing) is one line, not a bar.
    const line = total ? `${step.padEnd(10)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}` : step.toLowerCase();
    if (line === last) return;
    last = line;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else note(line);
  };
}

function report(preview: ImportPreview): void {
  for (const sheet of preview.sheets) print(`sheet '${sheet.name}' (${sheet.role.toLowerCase()}): ${sheet.rowCount} rows`);
  for (const m of preview.mapping) print(`  ${m.sheet} › ${m.column} → ${m.field ?? "(ignored)"}`);
  const count = (status: string) => preview.items.filter((i) => i.status === status && !i.duplicateOf).length;
  const duplicates = preview.items.filter((i) => i.duplicateOf).length;
  print(
    `records: ${count("CONFIDENT")} confident matches, ${count("AMBIGUOUS")} ambiguous, ${count("NEW")} new, ${duplicates} duplicate rows; ${preview.connectionCount} connections`,
  );
  for (const item of preview.items.filter((i) => i.status === "AMBIGUOUS" && !i.duplicateOf))
    print(
      `ambiguous: ${[item.sheet, item.row && `row ${item.row}`].filter(Boolean).join(" › ") || "connection end"} '${item.name}': ${item.candidates.map((c) => `${c.id} (${c.score})`).join(", ")}`,
    );
  for (const problem of preview.problems) print(formatImportProblem(problem));
  const errors = preview.problems.filter((p) => p.severity === "ERROR").length;
  print(
    `${errors} error${errors === 1 ? "" : "s"}, ${preview.problems.length - errors} warning${preview.problems.length - errors === 1 ? "" : "s"}`,
  );
}

async function run(db: Database, opts: ReturnType<typeof options>): Promise<number> {
  const viewer = await viewerOf(db, opts.as);
  let content: Buffer;
  try {
    content = readFileSync(opts.file);
  } catch (error) {
    throw new UsageError(`Cannot read '${opts.file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  note(`Previewing ${opts.file} (${(content.length / 1e6).toFixed(1)} MB) as ${viewer.username} (${viewer.role})…`);
  const preview = await previewImport(
    db,
    viewer,
    {
      file: basename(opts.file),
      format: opts.format,
      content,
      mapping: opts.mapping ? readMapping(opts.mapping) : null,
      source: opts.source ? { title: opts.source, url: opts["source-url"]! } : null,
      visibility: opts.visibility ?? null,
    },
    progress(),
  );
  report(preview);
  const errors = preview.problems.some((p) => p.severity === "ERROR");
  if (opts["dry-run"]) {
    print("dry run: nothing was written");
    return errors ? 1 : 0;
  }
  const decisions = opts["skip-ambiguous"]
    ? preview.items.filter((i) => i.status === "AMBIGUOUS" && !i.duplicateOf).map((i) => ({ key: i.key, action: "SKIP" as const }))
    : [];
  note("Applying…");
  const outcome = await applyImport(
    db,
    viewer,
    {
      previewId: preview.id,
      decisions,
      acceptAllConfident: true,
      skipInvalidRows: opts["skip-invalid"],
      comment: `import of ${basename(opts.file)} (command line)`,
    },
    progress(),
  );
  if (outcome.status === "APPLIED")
    print(`applied: change ${outcome.change.id} (#${outcome.change.seq}), ${outcome.change.recordIds.length} records`);
  else print(`proposed: proposal ${outcome.proposal.id}, for an editor to review`);
  return 0;
}

try {
  const opts = options();
  const database = await attachDatabase(readConfig(), note);
  let code: number;
  try {
    note(`Using ${database.description}.`);
    await applySchema(database.db);
    code = await run(database.db, opts);
  } finally {
    await database.close();
  }
  process.exit(code);
} catch (error) {
  // The API's own errors (a refused import, a conflict) name the row; they are not bugs.
  if (error instanceof UsageError || error instanceof GraphQLError) {
    process.stderr.write(`[import] error: ${error.message}\n`);
    process.exit(1);
  }
  fail(error);
}
