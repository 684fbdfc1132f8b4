/**
 * Vite builds the web app from web/ into dist/web (served by the API server); Vitest runs the three
 * test projects: unit (pure logic), integration (real embedded Neo4j + GraphQL in-process) and e2e
 * (the built app in headless Chromium). Integration and e2e share one Neo4j started by the global setup.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: "web",
  build: { outDir: "../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  worker: { format: "es" },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
  test: {
    root: ".",
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/[!_]*.test.ts"], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/[!_]*.test.ts"],
          globalSetup: ["test/_neo4j-setup.ts"],
          // Load and story tests rewrite the shared database: one file at a time, and all of them
          // before the browser tests read it.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/[!_]*.test.ts"],
          globalSetup: ["test/_neo4j-setup.ts", "test/e2e/_build-web.ts"],
          fileParallelism: false,
          // Answers from the real API (metrics, scopes) can take seconds on a busy 2-core machine.
          expect: { poll: { timeout: 10_000 } },
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
