import { describe, expect, it } from "vitest";

import { isSupportedVersion, parseServerAgent, tlsMismatch, versionProblem } from "../../server/db/compat.js";
import { missingSchema, schemaNameOf } from "../../server/db/schema.js";
import { loadSchemaStatements } from "../../server/db/queries.js";

describe("Neo4j compatibility", () => {
  describe("#parseServerAgent", () => {
    it("should read semantic, Aura and calendar versions", () => {
      expect(parseServerAgent("Neo4j/5.26.30")).toEqual({ major: 5, minor: 26, text: "5.26.30" });
      expect(parseServerAgent("Neo4j/5.27-aura")).toEqual({ major: 5, minor: 27, text: "5.27-aura" });
      expect(parseServerAgent("Neo4j/2025.01.0")).toEqual({ major: 2025, minor: 1, text: "2025.01.0" });
      expect(parseServerAgent("Memgraph/2.1")).toBeUndefined();
    });
  });

  describe("#isSupportedVersion", () => {
    it("should need 5.23 or newer", () => {
      const supported = (agent: string) => isSupportedVersion(parseServerAgent(agent)!);
      expect(["Neo4j/4.4.30", "Neo4j/5.0.0", "Neo4j/5.22.0"].map(supported)).toEqual([false, false, false]);
      expect(["Neo4j/5.23.0", "Neo4j/5.26.30", "Neo4j/2025.10.1", "Neo4j/6.0.0"].map(supported)).toEqual([true, true, true, true]);
    });
  });

  describe("#versionProblem", () => {
    it("should name the server's version and the minimum in one line", () => {
      const line = versionProblem("bolt://db:7687", "Neo4j/5.20.0");
      expect(line).toBe(
        "Neo4j at bolt://db:7687 is version 5.20.0; Coalition Atlas needs Neo4j 5.23 or newer (5.26 LTS, 2025.x and later). Upgrade the server, or unset NEO4J_URI to use the embedded Neo4j 5.26.",
      );
      expect(versionProblem("bolt://db:7687", "Neo4j/5.26.0")).toBeUndefined();
    });
  });

  describe("#tlsMismatch", () => {
    it("should tell a plain connection closed by a TLS-only server from an unreachable one", () => {
      expect(tlsMismatch("bolt://db:7687", new Error("Connection was closed by server"))).toMatch(/requires TLS/);
      expect(tlsMismatch("bolt://db:7687", new Error("connect ECONNREFUSED 10.0.0.1:7687"))).toBeUndefined();
      expect(tlsMismatch("neo4j+s://db:7687", new Error("connect ECONNREFUSED 10.0.0.1:7687"))).toBeUndefined();
      const discovery = new Error("Could not perform discovery. No routing servers available.", {
        cause: new Error(
          "Failed to connect to server. Caused by: Client network socket disconnected before secure TLS connection was established",
        ),
      });
      expect(tlsMismatch("neo4j+s://db:7687", discovery)).toMatch(/^TLS mismatch: /);
    });
  });
});

describe("schema", () => {
  describe("#schemaNameOf", () => {
    it("should name every statement of cypher/schema.cypher", () => {
      expect(loadSchemaStatements().map(schemaNameOf)).toEqual([
        "entity_id",
        "source_id",
        "story_id",
        "dataset_meta_id",
        "entity_kind",
        "entity_names",
        "user_id",
        "user_username",
        "session_token_hash",
        "api_token_id",
        "api_token_hash",
        "change_id",
        "change_seq",
        "proposal_id",
        "tombstone_id",
      ]);
    });
  });

  describe("#missingSchema", () => {
    it("should keep only the statements whose constraint or index is absent", () => {
      const statements = loadSchemaStatements();
      expect(missingSchema(statements, new Set(statements.map(schemaNameOf)))).toEqual([]);
      const allBut = new Set(statements.map(schemaNameOf).filter((name) => name !== "entity_names"));
      const missing = missingSchema(statements, allBut);
      expect(missing.map(schemaNameOf)).toEqual(["entity_names"]);
    });
  });
});
