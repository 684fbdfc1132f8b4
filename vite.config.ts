/**
 * Vite builds the web app from web/ into dist/web (served by the API server); Vitest runs the three
 * test projects: unit (pure logic), integration (real embedded Neo4j + GraphQL in-process) and e2e
 * (the built app in headless Chromium). Integration and e2e share one Neo4j started by the global setup.
 * The build inlines the start of the first frame (API request, layout worker) into index.html.
 */
import { defineConfig, type Plugin } from "vitest/config";

import { bootScript } from "./web/src/api/network-query.js";

/**
 * Starts the first frame's critical path from index.html while the app's JavaScript loads: the
 * network request and (in a build, where the worker's file name is known) the layout worker.
 */
function bootFirstFrame(): Plugin {
  return {
    name: "atlas-boot-first-frame",
    transformIndexHtml(_html, context) {
      const worker = Object.keys(context.bundle ?? {}).find((name) => /initial\.worker-[^/]*\.js$/.test(name));
      return [{ tag: "script", children: bootScript(worker ? `/${worker}` : null), injectTo: "head" }];
    },
  };
}

export default defineConfig({
  root: "web",
  plugins: [bootFirstFrame()],
  build: { outDir: "../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  worker: { format: "es" },
  // `npm run dev`: Vite on DEV_PORT (default 5173), forwarding /graphql to the API server on PORT.
  server: { port: Number(process.env.DEV_PORT ?? 5173), proxy: { "/graphql": `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
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
