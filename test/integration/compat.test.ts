/** Connecting to a Neo4j that does not fit: told as such, against the real (embedded) server. */
import { describe, expect, inject, it } from "vitest";

import { connect } from "../../server/db/database.js";

describe("Neo4j compatibility at connect", () => {
  it("should report TLS asked of a server without TLS as a TLS mismatch, not as unreachable", async () => {
    const uri = inject("neo4jUri").replace("bolt://", "neo4j+s://");
    const attempt = connect({ uri, username: "neo4j", password: inject("neo4jPassword") });
    await expect(attempt).rejects.toThrow(`TLS mismatch: NEO4J_URI (${uri}) asks for an encrypted connection`);
  });

  it("should accept the embedded Neo4j 5.26", async () => {
    const db = await connect({ uri: inject("neo4jUri"), username: "neo4j", password: inject("neo4jPassword") });
    await db.close();
  });
});
