/** Shared test plumbing: the test Neo4j (from the global setup), in-process GraphQL, and Chromium. */
import { inject } from "vitest";

import { createApp } from "../server/app.js";
import { connect, type Database } from "../server/db/database.js";

export async function connectTestDb(): Promise<Database> {
  return connect({ uri: inject("neo4jUri"), username: "neo4j", password: inject("neo4jPassword") });
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Runs one GraphQL operation in-process through Yoga (no port needed). */
export async function graphql<T = Record<string, unknown>>(
  app: ReturnType<typeof createApp>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const response = await app.yoga.fetch("http://atlas.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}
