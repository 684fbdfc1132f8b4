/**
 * The embedded Neo4j's password: generated once per store and kept beside it (`<store>.password`),
 * readable by its owner only. The server, `db:load`, the tests and the benchmarks all read it from
 * there; so can anyone who wants to open the running store with their own Neo4j tools.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The user the embedded Neo4j has (Neo4j Community's one built-in account). */
export const EMBEDDED_USER = "neo4j";

export function passwordFileOf(storeDir: string): string {
  return `${resolve(storeDir)}.password`;
}

/** 32 characters of base64url: 192 random bits. */
function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Returns the store's password, creating the file (mode 0600) on first use. A file that others can
 * read is narrowed to its owner, since the password guards the whole database.
 */
export function ensurePassword(storeDir: string, log: (line: string) => void = () => {}): string {
  const file = passwordFileOf(storeDir);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // "wx": never overwrite a password another process wrote a moment ago.
    writeFileSync(file, `${generatePassword()}\n`, { mode: 0o600, flag: "wx" });
    log(`Generated a password for the embedded Neo4j in ${file} (user ${EMBEDDED_USER}, readable by you only).`);
  } else if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    log(`${file} was readable by other users; it is now readable by its owner only.`);
  }
  const password = readFileSync(file, "utf8").trim();
  if (password.length < 16)
    throw new Error(`The password in ${file} is shorter than 16 characters; delete the file to have a new one generated.`);
  return password;
}
