/** Builds the web app once before the browser tests, so they drive what `npm start` serves. */
import { build } from "vite";

export default async function setup() {
  await build({ configFile: "vite.config.ts", logLevel: "warn" });
}
