/** The embedded Neo4j (the run's shared one) is closed to anyone without its generated password. */
import neo4j, { type AuthToken } from "neo4j-driver";
import { describe, expect, inject, it } from "vitest";

async function firstErrorCode(auth: AuthToken | undefined, query = "RETURN 1"): Promise<string | undefined> {
  const driver = neo4j.driver(inject("neo4jUri"), auth);
  try {
    await driver.executeQuery(query);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await driver.close();
  }
}

describe("embedded Neo4j security", () => {
  it("should refuse a Bolt client without credentials", async () => {
    expect(await firstErrorCode(undefined)).toBe("Neo.ClientError.Security.Unauthorized");
  });

  it("should refuse Neo4j's default password and accept the generated one", async () => {
    expect(await firstErrorCode(neo4j.auth.basic("neo4j", "neo4j"))).toBe("Neo.ClientError.Security.Unauthorized");
    expect(await firstErrorCode(neo4j.auth.basic("neo4j", inject("neo4jPassword")))).toBeUndefined();
  });

  it("should not let LOAD CSV read local files", async () => {
    const code = await firstErrorCode(neo4j.auth.basic("neo4j", inject("neo4jPassword")), "LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row");
    expect(code).toBe("Neo.ClientError.Statement.ExternalResourceFailed");
  });
});
