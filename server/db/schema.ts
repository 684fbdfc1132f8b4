/**
 * The atlas's constraints and indexes (cypher/schema.cypher). Created only when some are missing, so
 * a database user without schema rights can run the app against a database an admin prepared; if
 * they are missing and cannot be created, start-up fails naming them.
 */
import type { Database } from "./database.js";
import { loadSchemaStatements } from "./queries.js";

export class SchemaMissingError extends Error {}

const NAMED_SCHEMA = /^CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+|VECTOR\s+|LOOKUP\s+)?INDEX)\s+`?(\w+)`?/i;

/** The name each schema statement creates (every statement in schema.cypher names its object). */
export function schemaNameOf(statement: string): string {
  const match = NAMED_SCHEMA.exec(statement.trim());
  if (!match) throw new Error(`cypher/schema.cypher: every statement must create a named constraint or index: ${statement.slice(0, 80)}`);
  return match[1];
}

/** The statements whose constraint or index does not exist yet. */
export function missingSchema(statements: string[], existing: ReadonlySet<string>): string[] {
  return statements.filter((statement) => !existing.has(schemaNameOf(statement)));
}

export function isPermissionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    typeof code === "string" &&
    /^Neo\.ClientError\.(Security\.(Forbidden|Unauthorized)|General\.ForbiddenOnReadOnlyDatabase|Statement\.AccessMode)/.test(code)
  );
}

async function existingSchemaNames(db: Database): Promise<Set<string> | undefined> {
  try {
    const names = new Set<string>();
    for (const command of ["SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"]) {
      const { records } = await db.driver.executeQuery(command, {}, { database: db.database });
      for (const record of records) names.add(record.get("name") as string);
    }
    return names;
  } catch (error) {
    if (isPermissionError(error)) return undefined; // cannot look: try to create, IF NOT EXISTS
    throw error;
  }
}

/** Creates what schema.cypher names and the database lacks, then waits for the indexes to be online. */
export async function applySchema(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  const statements = loadSchemaStatements();
  const existing = await existingSchemaNames(db);
  const missing = existing ? missingSchema(statements, existing) : statements;
  try {
    for (const statement of missing) await db.driver.executeQuery(statement, {}, { database: db.database });
  } catch (error) {
    if (!isPermissionError(error)) throw error;
    if (!existing) {
      log(
        "Could not check or create the constraints and indexes (this database user has no schema rights); continuing. Search fails if cypher/schema.cypher was never applied.",
      );
      return;
    }
    const names = missing.map(schemaNameOf).join(", ");
    throw new SchemaMissingError(
      `The database lacks the constraints/indexes ${names}, and this user may not create them. Have an admin run cypher/schema.cypher (or \`npm run db:load\` as an admin user).`,
    );
  }
  if (existing && missing.length === 0) log(`Schema: all ${statements.length} constraints and indexes exist; nothing to create.`);
  else if (existing) log(`Schema: created ${missing.map(schemaNameOf).join(", ")}.`);
  await db.driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database: db.database });
}
