/**
 * ESLint (flat config): typescript-eslint's recommended rules, no-console, and the import boundaries
 * of the layout (README "Architecture"): core/ imports nothing of ours outside core/, the server
 * never imports the web app (nor the web app the server), and the graph model never imports state or
 * UI. Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
 */
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

/**
 * TEMPORARY: files that still cross a boundary until the shared core/ lands (branch arch-core, issue
 * 14). That merge moves the code they import into core/; it must empty these lists, not extend them.
 */
const SERVER_IMPORTS_WEB = ["server/analytics/layout.ts", "server/graphql/resolvers/network.ts"];
const WEB_IMPORTS_SERVER = ["web/src/graph/vocabulary.ts"];
const GRAPH_IMPORTS_STATE = ["web/src/graph/view.ts", "web/src/graph/appearance.ts"];

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "neo4j/", "bench/.stores/", "bench/results/", "server/graphql/generated/", "web/src/api/gql/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "no-console": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["core/**/*.ts"],
    rules: restrict({ group: ["**/server/**", "**/web/**", "**/bench/**", "**/test/**"], message: "core/ imports nothing of ours outside core/." }),
  },
  {
    files: ["server/**/*.ts"],
    ignores: SERVER_IMPORTS_WEB,
    rules: restrict({ group: ["**/web/**"], message: "The server never imports the web app: share code through core/." }),
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    ignores: [...WEB_IMPORTS_SERVER, "web/src/graph/**"],
    rules: restrict({ group: ["**/server/**"], message: "The web app never imports the server: share code through core/." }),
  },
  {
    files: ["web/src/graph/**/*.ts"],
    ignores: [...GRAPH_IMPORTS_STATE, ...WEB_IMPORTS_SERVER],
    rules: restrict(
      { group: ["**/server/**"], message: "The web app never imports the server: share code through core/." },
      { group: ["../state", "../state/**", "../ui", "../ui/**"], message: "web/src/graph is the model: it never imports state or UI." },
    ),
  },
  // The exceptions above still may not cross the other boundary.
  { files: GRAPH_IMPORTS_STATE, rules: restrict({ group: ["**/server/**"], message: "The web app never imports the server." }) },
  {
    files: ["bench/**/*.ts", "server/cli/**/*.ts", "server/main.ts", "server/log.ts", "test/**/*.ts", "*.config.ts", "codegen.ts"],
    rules: { "no-console": "off" },
  },
);
