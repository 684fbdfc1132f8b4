/**
 * ESLint (flat config): typescript-eslint's recommended rules, no-console, and the import boundaries
 * of the layout (README "Architecture"): core/ imports nothing of ours outside core/, the server
 * never imports the web app (nor the web app the server), and the graph model never imports state or
 * UI. Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
 */
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "neo4j/",
      "bench/.stores/",
      "bench/results/",
      "server/graphql/generated/",
      "web/src/api/gql/",
      "test/gql/",
    ],
  },
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
    rules: restrict({
      group: ["**/server/**", "**/web/**", "**/bench/**", "**/test/**"],
      message: "core/ imports nothing of ours outside core/.",
    }),
  },
  {
    files: ["server/**/*.ts"],
    rules: restrict({ group: ["**/web/**"], message: "The server never imports the web app: share code through core/." }),
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    ignores: ["web/src/graph/**"],
    rules: restrict({ group: ["**/server/**"], message: "The web app never imports the server: share code through core/." }),
  },
  {
    files: ["web/src/graph/**/*.ts"],
    rules: restrict(
      { group: ["**/server/**"], message: "The web app never imports the server: share code through core/." },
      { group: ["../state", "../state/**", "../ui", "../ui/**"], message: "web/src/graph is the model: it never imports state or UI." },
    ),
  },
  {
    files: ["bench/**/*.ts", "server/cli/**/*.ts", "server/main.ts", "server/log.ts", "test/**/*.ts", "*.config.ts", "codegen.ts"],
    rules: { "no-console": "off" },
  },
);
