/**
 * Loads the named Cypher queries under cypher/ once at start-up into a frozen map. A file holds
 * several queries, each introduced by `// name: <camelCaseName>` and an optional one-line
 * description comment; `// ---` lines separate them. Duplicate or missing names fail at boot.
 * A line `// include: <fragment>(<variable>)` is replaced by cypher/fragments/<fragment>.cypher with
 * the fragment's variable renamed: conditions several queries share (the NetworkFilter's) are
 * written once. Only files in the repository are spliced, never anything a user sent.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** A shared condition: its text, written in terms of `variable`. */
export interface Fragment {
  name: string;
  variable: string;
  text: string;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const INCLUDE = /^(\s*)\/\/\s*include:\s*([a-z][a-z-]*)\(([^)]*)\)\s*$/;

/** Parses a fragment file: a `// fragment: <name>(<variable>)` header, comment lines, then the text. */
export function parseFragment(content: string, file: string): Fragment {
  const lines = content.split("\n");
  const header = /^\/\/\s*fragment:\s*([a-z][a-z-]*)\(([A-Za-z][A-Za-z0-9]*)\)\s*$/.exec(lines[0] ?? "");
  if (!header) throw new Error(`Cypher fragment ${file} must start with '// fragment: <name>(<variable>)'`);
  const text = lines
    .slice(1)
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .trim();
  if (!text) throw new Error(`Cypher fragment ${file} is empty`);
  return { name: header[1], variable: header[2], text };
}

/** Reads cypher/fragments/*.cypher; the file name must be the fragment's name. */
export function loadFragments(dir: string = CYPHER_DIR): ReadonlyMap<string, Fragment> {
  const folder = join(dir, "fragments");
  const fragments = new Map<string, Fragment>();
  if (!existsSync(folder)) return fragments;
  for (const entry of readdirSync(folder).filter((name) => name.endsWith(".cypher"))) {
    const fragment = parseFragment(readFileSync(join(folder, entry), "utf8"), `fragments/${entry}`);
    if (`${fragment.name}.cypher` !== entry) throw new Error(`Cypher fragment fragments/${entry} is named '${fragment.name}'`);
    fragments.set(fragment.name, fragment);
  }
  return fragments;
}

/** Replaces every include line with its fragment, the fragment's variable renamed to the one given. */
export function expandIncludes(content: string, fragments: ReadonlyMap<string, Fragment>, file: string): string {
  return content
    .split("\n")
    .map((line, i) => {
      const include = INCLUDE.exec(line);
      if (!include) return line;
      const [, indent, name, variable] = include;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`${file}:${i + 1} includes an unknown Cypher fragment '${name}'`);
      if (!IDENTIFIER.test(variable)) throw new Error(`${file}:${i + 1}: '${variable}' is not a Cypher variable`);
      // The variable is only ever a property's owner (`node.kind`) or a function's argument (`type(rel)`).
      const renamed = fragment.text.replace(new RegExp(`\\b${fragment.variable}\\b(?=[.)])`, "g"), variable);
      return renamed
        .split("\n")
        .map((part) => indent + part)
        .join("\n");
    })
    .join("\n");
}

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

/** Reads every `.cypher` file under `dir` (recursively) except `schema.cypher` and the fragments. */
export function loadQueries(dir: string = CYPHER_DIR): QueryMap {
  const map: Record<string, NamedQuery> = {};
  const fragments = loadFragments(dir);
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(dir, "fragments")) walk(path);
      } else if (entry.name.endsWith(".cypher") && entry.name !== "schema.cypher") {
        const file = relative(dir, path);
        for (const q of parseQueryFile(expandIncludes(readFileSync(path, "utf8"), fragments, file), file)) {
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
