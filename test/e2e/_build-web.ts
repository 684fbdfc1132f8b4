/**
 * Builds the web app once before the browser tests, as `npm start` would (production mode), into a
 * folder of this run's own: several people's test runs and benchmarks share the checkout, and a
 * build into dist/web mid-run would swap the app under another run's browser.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    webDir: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), "atlas-web-"));
  // Vitest runs with NODE_ENV=test, under which Vite compiles JSX for React's development runtime.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: "vite.config.ts", logLevel: "warn", mode: "production", build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide("webDir", outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
