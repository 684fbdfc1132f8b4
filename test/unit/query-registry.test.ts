import { describe, expect, it } from "vitest";

import { expandIncludes, loadFragments, loadQueries, parseFragment, type QueryMap } from "../../server/db/queries.js";
import { checkRegistry, QUERIES } from "../../server/db/registry.js";

const WRITES = /\b(MERGE|CREATE|DELETE|DETACH|SET|REMOVE)\b/;

describe("query registry", () => {
  const loaded = loadQueries();

  describe("#checkRegistry", () => {
    it("should accept cypher/ as it is: every declared query has its file and every file's query is declared", () => {
      expect(() => checkRegistry(loaded)).not.toThrow();
      expect(Object.keys(QUERIES).sort()).toEqual(Object.keys(loaded).sort());
    });

    it("should name a declared query that no file defines", () => {
      const { allies: _gone, ...rest } = loaded;
      expect(() => checkRegistry(rest as QueryMap)).toThrow(
        /'allies' is declared in server\/db\/registry.ts but no file under cypher\/ defines it/,
      );
    });

    it("should name a query in a file that is not declared, with its file", () => {
      const extra = { ...loaded, strayQuery: { name: "strayQuery", description: "", text: "RETURN 1", file: "queries/stray.cypher" } };
      expect(() => checkRegistry(extra)).toThrow(/'strayQuery' \(queries\/stray.cypher\) is not declared/);
    });
  });

  describe("declarations", () => {
    it("should give each query its key as its name", () => {
      for (const [key, query] of Object.entries(QUERIES)) expect(query.name).toBe(key);
    });

    it("should declare as writes exactly the queries that change the graph", () => {
      for (const query of Object.values(QUERIES)) {
        expect(WRITES.test(loaded[query.name].text) ? "write" : "read", query.name).toBe(query.access);
      }
    });
  });

  describe("#expandIncludes", () => {
    const fragments = loadFragments();

    it("should leave no include line in any query", () => {
      for (const query of Object.values(loaded)) expect(query.text, query.name).not.toMatch(/include:/);
    });

    it("should write the NetworkFilter's node condition once, in its fragment, and include it where subgraphs are filtered", () => {
      // The condition's distinctive clause appears in the expanded text of every filtered query…
      for (const name of ["network", "networkColumns", "neighbourhood", "expand", "paths", "coMemberships"]) {
        expect(loaded[name].text, name).toMatch(/\$scopes IS NULL OR \w+\.kind <> 'ORGANISATION' OR \w+\.scope IN \$scopes/);
      }
      // …and in the fragment only.
      expect(fragments.get("node-filter")!.text).toContain("$scopes IS NULL OR node.kind <> 'ORGANISATION' OR node.scope IN $scopes");
    });

    it("should rename the fragment's variable and keep the including line's indentation", () => {
      const fragment = parseFragment(
        "// fragment: pick(item)\n// a comment\n(item.kind = $kind\n  AND size(item) > 0)",
        "fragments/pick.cypher",
      );
      const text = expandIncludes("MATCH (n)\nWHERE\n  // include: pick(n)\nRETURN n", new Map([["pick", fragment]]), "q.cypher");
      expect(text).toBe("MATCH (n)\nWHERE\n  (n.kind = $kind\n    AND size(n) > 0)\nRETURN n");
    });

    it("should reject an unknown fragment and a variable that is not an identifier, naming the file and line", () => {
      const fragments = new Map([["pick", parseFragment("// fragment: pick(item)\nitem.x", "f")]]);
      expect(() => expandIncludes("MATCH (n)\n// include: nothing(n)", fragments, "q.cypher")).toThrow(
        /q.cypher:2 includes an unknown Cypher fragment 'nothing'/,
      );
      expect(() => expandIncludes("// include: pick(n.x)", fragments, "q.cypher")).toThrow(/q.cypher:1: 'n.x' is not a Cypher variable/);
    });

    it("should reject a fragment without its header", () => {
      expect(() => parseFragment("(node.kind = $kind)", "fragments/bad.cypher")).toThrow(/fragments\/bad.cypher must start with/);
    });
  });
});
