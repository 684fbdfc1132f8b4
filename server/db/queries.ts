/**
 * Loads the named Cypher queries under cypher/ once at start-up into a frozen map. A file holds
 * several queries, each introduced by `// name: <camelCaseName>` and an optional one-line
 * description comment; `// ---` lines separate them. Duplicate or missing names fail at boot.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CYPHER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../cypher");

export interface NamedQuery {
  name: string;
  description: string;
  text: string;
  file: string;
}

export type QueryMap = Readonly<Record<string, NamedQuery>>;

export function parseQueryFile(content: string, file: string): NamedQuery[] {
  const queries: NamedQuery[] = [];
  let current: NamedQuery | undefined;
  for (const line of content.split("\n")) {
    const header = /^\/\/\s*name:\s*([A-Za-z][A-Za-z0-9]*)\s*$/.exec(line);
    if (header) {
      current = { name: header[1], description: "", text: "", file };
      queries.push(current);
    } else if (/^\/\/\s*-{3,}/.test(line)) {
      continue;
    } else if (current && !current.text && line.startsWith("//")) {
      current.description = `${current.description} ${line.replace(/^\/\/\s*/, "")}`.trim();
    } else if (current) {
      current.text += `${line}\n`;
    }
  }
  for (const q of queries) q.text = q.text.trim();
  return queries;
}

/** Reads every `.cypher` file under `dir` (recursively) except `schema.cypher`. */
export function loadQueries(dir: string = CYPHER_DIR): QueryMap {
  const map: Record<string, NamedQuery> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".cypher") && entry.name !== "schema.cypher") {
        const file = relative(dir, path);
        for (const q of parseQueryFile(readFileSync(path, "utf8"), file)) {
          if (map[q.name]) throw new Error(`Cypher query '${q.name}' is defined twice (${map[q.name].file}, ${file})`);
          if (!q.text) throw new Error(`Cypher query '${q.name}' in ${file} is empty`);
          map[q.name] = Object.freeze(q);
        }
      }
    }
  };
  walk(dir);
  return Object.freeze(map);
}

/** Splits schema.cypher into statements (`;`-terminated, `//` comments dropped). */
export function loadSchemaStatements(dir: string = CYPHER_DIR): string[] {
  return readFileSync(join(dir, "schema.cypher"), "utf8")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}
