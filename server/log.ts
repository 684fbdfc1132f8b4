/** Start-up and CLI output: one prefixed line per event, and one clear line for a fatal error. */
import { ConfigError } from "./env.js";
import { DatabaseUnavailableError } from "./db/database.js";
import { EmbeddedNeo4jError } from "./db/embedded.js";
import { SchemaMissingError } from "./db/schema.js";
import { DataValidationError } from "./import/validate.js";

export function log(line: string): void {
  process.stdout.write(`[atlas] ${line}\n`);
}

/** Errors we anticipated carry their remedy in the message; anything else is a bug worth its stack. */
const EXPECTED = [ConfigError, DatabaseUnavailableError, EmbeddedNeo4jError, SchemaMissingError, DataValidationError];

export function fail(error: unknown): never {
  const expected = typeof error === "string" || EXPECTED.some((kind) => error instanceof kind);
  const message = typeof error === "string" ? error : expected ? (error as Error).message : ((error as Error).stack ?? String(error));
  process.stderr.write(`[atlas] error: ${message}\n`);
  process.exit(1);
}
