/**
 * `npm run users -- <command>`: accounts on the command line, against the same database as the
 * server (NEO4J_URI, or the embedded store, running or not; see attachDatabase).
 *
 *   add NAME --role ROLE [--password-stdin]   create a user; prints a generated password once
 *   list                                       usernames, roles, disabled or not
 *   set-role NAME ROLE                         change a role (takes effect on the next request)
 *   disable NAME / enable NAME                 disabling ends the user's sessions at once
 *   reset-password NAME [--password-stdin]     new password (printed once unless read); ends sessions
 */
import { parseArgs } from "node:util";

import { ROLES } from "../../core/access.js";
import { generatePassword } from "../auth/passwords.js";
import type { UserRow } from "../auth/types.js";
import { AccountError, addUser, listUsers, resetPassword, setDisabled, setRole } from "../auth/users.js";
import type { Database } from "../db/database.js";
import { attachDatabase } from "../db/open.js";
import { applySchema } from "../db/schema.js";
import { readConfig } from "../env.js";
import { fail, log } from "../log.js";

const USAGE = `Usage: npm run users -- <command>
  add NAME --role ROLE [--password-stdin]   roles: ${ROLES.join(", ")}
  list
  set-role NAME ROLE
  disable NAME
  enable NAME
  reset-password NAME [--password-stdin]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { role: { type: "string" }, "password-stdin": { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
});

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function readStdinPassword(): Promise<string> {
  if (process.stdin.isTTY)
    throw new AccountError(
      "BAD_USER_INPUT",
      '--password-stdin reads the password from a pipe, e.g. `printf %s "$PW" | npm run users -- …`',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline (from echo or a file) is not part of the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** The password to set and whether to print it (only a generated one is shown). */
async function passwordToSet(): Promise<{ password: string; show: boolean }> {
  return values["password-stdin"] ? { password: await readStdinPassword(), show: false } : { password: generatePassword(), show: true };
}

const describeUser = (u: UserRow) => `${u.username} (${u.role}${u.disabled ? ", disabled" : ""})`;

/** Checks the command line before any database is opened, so a typo fails at once. */
function parseCommand(): { command: string; name?: string; arg?: string } {
  const [command, name, arg] = positionals;
  const needs = (count: number, what: string) => {
    if (positionals.length !== count + 1) throw new AccountError("BAD_USER_INPUT", `${command} takes ${what}.\n${USAGE}`);
  };
  switch (command) {
    case "add":
      needs(1, "a username");
      if (!values.role) throw new AccountError("BAD_USER_INPUT", `add needs --role (${ROLES.join(", ")}).`);
      break;
    case "list":
      needs(0, "nothing more");
      break;
    case "set-role":
      needs(2, "a username and a role");
      break;
    case "disable":
    case "enable":
    case "reset-password":
      needs(1, "a username");
      break;
    default:
      throw new AccountError("BAD_USER_INPUT", command ? `Unknown command '${command}'.\n${USAGE}` : USAGE);
  }
  return { command, name, arg };
}

async function run(db: Database, { command, name = "", arg = "" }: ReturnType<typeof parseCommand>): Promise<void> {
  switch (command) {
    case "add": {
      const { password, show } = await passwordToSet();
      const user = await addUser(db, { username: name, role: values.role ?? "", password });
      print(`Created ${describeUser(user)}.`);
      if (show) print(`Password (shown only this once): ${password}`);
      return;
    }
    case "list": {
      const users = await listUsers(db);
      if (!users.length) print("No users yet. Create the first admin with: npm run users -- add NAME --role admin");
      for (const u of users) print(`${u.username}\t${u.role}${u.disabled ? "\tdisabled" : ""}\tcreated ${u.createdAt}`);
      return;
    }
    case "set-role":
      return print(`Now ${describeUser(await setRole(db, name, arg))}.`);
    case "disable":
      return print(`Disabled ${describeUser(await setDisabled(db, name, true))}; their sessions are ended.`);
    case "enable":
      return print(`Enabled ${describeUser(await setDisabled(db, name, false))}.`);
    case "reset-password": {
      const { password, show } = await passwordToSet();
      const user = await resetPassword(db, name, password);
      print(`New password set for ${describeUser(user)}; their sessions are ended.`);
      if (show) print(`Password (shown only this once): ${password}`);
      return;
    }
  }
}

try {
  if (values.help) {
    print(USAGE);
    process.exit(0);
  }
  const command = parseCommand();
  const database = await attachDatabase(readConfig(), log);
  try {
    log(`Using ${database.description}.`);
    await applySchema(database.db);
    await run(database.db, command);
  } finally {
    await database.close();
  }
} catch (error) {
  fail(error instanceof AccountError ? error.message : error);
}
