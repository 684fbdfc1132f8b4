/**
 * The HTTP app: GraphQL (graphql-yoga, GraphiQL in the browser) at /graphql, GET /healthz, and the
 * built web app at /. `createApp` needs only a Database, so tests drive it without a port. The HTTP
 * concerns around Yoga (limits, CORS, headers, compression, caching) live in server/http/.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLError } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";

import { visibleLevels } from "../core/access.js";
import { DEFAULT_METRICS_OPTIONS, type MetricsOptions } from "./analytics/metrics.js";
import { useAuthCookies, usePublicAccess } from "./auth/plugins.js";
import { type AuthOptions, createAuthPolicy, identify } from "./auth/request.js";
import {
  type CacheOptions,
  type Caches,
  createCaches,
  createFreshness,
  LEVEL_SETS,
  useColumnAnswers,
  useResultCache,
} from "./cache/index.js";
import { type Analytics, type Context, createContext } from "./graphql/context.js";
import type { Database } from "./db/database.js";
import { useDatabaseAvailability } from "./db/unavailable-plugin.js";
import { apiError, ERROR_CODES } from "./graphql/errors.js";
import { queryLimitPlugins, requestError, useParserLimits, useRequestErrorCodes } from "./graphql/limits.js";
import { levelContext, refreshLevel, warmLevel } from "./graphql/refresh.js";
import { resolvers } from "./graphql/resolvers/index.js";
import { BodyTooLargeError, formatLimit, readLimitedBody, refuseTooLarge } from "./http/body-limit.js";
import { hasCredentials, IMPORT_PATH, isImportPath, refuseNonImport } from "./imports/upload.js";
import { compress } from "./http/compression.js";
import { corsOptions, isOriginAllowed, refuseOrigin } from "./http/cors.js";
import { useCsrfPrevention } from "./http/csrf.js";
import { useWholeGraphETag } from "./http/etag.js";
import { graphiqlPage } from "./http/graphiql.js";
import {
  type ContentSecurityOptions,
  inlineScriptHashes,
  ANY_ORIGIN_FRAMING,
  SAME_ORIGIN_FRAMING,
  setBaseSecurityHeaders,
  setHtmlSecurityHeaders,
} from "./http/security-headers.js";
import { serveStatic } from "./http/static.js";
import { createThrottledLogger } from "./log-throttle.js";
import { QUERIES } from "./db/registry.js";

export const SCHEMA_FILE = fileURLToPath(new URL("./graphql/schema.graphql", import.meta.url));
export const WEB_DIR = fileURLToPath(new URL("../dist/web", import.meta.url));

/** What Yoga's node adapter passes along with each request (absent for in-process `yoga.fetch`). */
export interface ServerContext {
  req?: IncomingMessage;
}

export interface App {
  yoga: YogaServerInstance<ServerContext, Context>;
  /** The read-model and result caches every request of this app shares. */
  caches: Caches;
  /**
   * Computes the read models the explorer asks for first (the whole graph, plain and grouped), so
   * the first visitor after a start does not pay for them. Resolves with the milliseconds spent.
   */
  warm(): Promise<number>;
  /** The same for the signed-in and editor levels (their read models are their own); after `warm`. */
  warmSignedIn(): Promise<number>;
  /** Node request handler serving GraphQL, /healthz and the web app. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  createServer(): Server;
}

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === "ServiceUnavailable" || code === "SessionExpired";
}

/** The API code an error carries, if it is one of ours (duck-typed: graphql may be loaded twice, CJS and ESM). */
function apiCodeOf(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === "string" && (ERROR_CODES as readonly string[]).includes(code) ? code : undefined;
}

/** Duck-typed for the same reason as apiCodeOf. */
function isGraphQLError(error: unknown): error is GraphQLError {
  return (error as { name?: unknown } | undefined)?.name === "GraphQLError";
}

/**
 * Keeps errors that already carry an API code (returning them unchanged also keeps Yoga from logging
 * them as failures); turns everything else into a generic coded error, so no stack trace or database
 * message reaches a client. Yoga logs the original of every replaced error on the server.
 */
function maskError(error: unknown): Error {
  if (apiCodeOf(error)) return error as Error;
  // A GraphQL error outside any field (no path) is about the request itself, e.g. a variable whose
  // value does not fit its type; resolver errors always carry a path.
  if (isGraphQLError(error) && !error.path) return requestError(error);
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (isDatabaseDown(original)) return apiError("SERVICE_UNAVAILABLE", "The database is unavailable; try again shortly.");
  return apiError("INTERNAL_SERVER_ERROR", "Unexpected error.");
}

/** What `warm` reads: the read models behind the explorer's first request (with its layout) and `network`. */
const WARM_QUERY = `{ networkCompact { ids layout } grouped: networkCompact(groupBy: MEMBERSHIP) { ids } network { nodes { id } } }`;

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

export interface AppOptions {
  webDir?: string;
  /** Betweenness sampling limit, sample size and seed of `metrics` (tests lower the limit). */
  metrics?: Partial<MetricsOptions>;
  /** Cache budget (`ATLAS_CACHE_MB`); `budgetMb: 0` turns the whole-graph caches off. */
  cache?: Partial<CacheOptions>;
  /** Largest /graphql request body in bytes (`ATLAS_BODY_LIMIT_KB`). */
  bodyLimitBytes?: number;
  /** Largest request body of the import route, POST /graphql/import (`ATLAS_IMPORT_LIMIT_MB`). */
  importLimitBytes?: number;
  /** Foreign origins allowed to call /graphql (`ATLAS_CORS_ORIGINS`); same-origin is always allowed. */
  corsOrigins?: readonly string[];
  /** ATLAS_PUBLIC, session lifetime, proxy trust and sign-in limits (server/auth/request.ts). */
  auth?: Partial<AuthOptions>;
}

export function createApp(db: Database, options: AppOptions = {}): App {
  const schema = makeExecutableSchema<Context>({ typeDefs: readFileSync(SCHEMA_FILE, "utf8"), resolvers });
  const analytics: Analytics = { metricsOptions: { ...DEFAULT_METRICS_OPTIONS, ...options.metrics } };
  const caches = createCaches(options.cache);
  // Read models follow this server's writes incrementally; heavy ones are refreshed per level in the background.
  caches.freshness = createFreshness({
    caches,
    refresh: (levels, filters, superseded) => refreshLevel(levelContext(db, analytics, caches, levels), filters, superseded),
  });
  const corsOrigins = options.corsOrigins ?? [];
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const importLimit = options.importLimitBytes ?? DEFAULT_IMPORT_LIMIT_BYTES;
  const tooLarge = `The request body is larger than the limit of ${formatLimit(bodyLimit)}. A file to import goes to ${IMPORT_PATH}, which takes up to ${formatLimit(importLimit)}.`;
  const importTooLarge = `The file is too large to import: the request may be at most ${formatLimit(importLimit)} (ATLAS_IMPORT_LIMIT_MB).`;
  const graphiql = graphiqlPage("Coalition Atlas GraphQL");
  const authPolicy = createAuthPolicy(options.auth);
  const yoga = createYoga<ServerContext, Context>({
    schema,
    // Identification happens here, once per request: the session cookie or a Bearer token → viewer.
    context: async ({ request, req }) => {
      const { viewer, auth } = await identify(db, request, req, authPolicy);
      return createContext(db, analytics, caches, viewer, auth);
    },
    graphqlEndpoint: "/graphql",
    graphiql: { title: "Coalition Atlas GraphQL" },
    renderGraphiQL: () => graphiql.html,
    cors: corsOptions(corsOrigins),
    maskedErrors: { maskError },
    plugins: [
      // First: while Neo4j is down, answer 503 + Retry-After before anything else runs.
      useDatabaseAvailability(db.availability),
      // Form and plain-text posts skip the browser's CORS preflight; CSRF prevention refuses them.
      useCsrfPrevention(),
      useParserLimits(),
      ...queryLimitPlugins(),
      useRequestErrorCodes,
      useAuthCookies(),
      // ATLAS_PUBLIC=false: before the ETag and the result cache, so nothing cached reaches an anonymous visitor.
      usePublicAccess(authPolicy.public),
      // Before the result cache: a 304 must not even fetch the cached body.
      useWholeGraphETag(),
      useResultCache(),
      // A miss of the result cache: columnar whole-graph answers skip graphql-js's per-item completion.
      useColumnAnswers(),
    ],
    logging: createThrottledLogger(),
    landingPage: false,
  });

  const webDir = options.webDir ?? WEB_DIR;
  const serveWeb = existsSync(webDir) ? serveStatic(webDir) : undefined;
  const indexHtml = join(webDir, "index.html");
  const appCsp: ContentSecurityOptions = {
    scriptHashes: existsSync(indexHtml) ? inlineScriptHashes(readFileSync(indexHtml, "utf8")) : [],
    frameAncestors: SAME_ORIGIN_FRAMING,
    // Both layout workers are the app's own files (worker-src 'self'): no blob: workers.
  };
  // The same page at /embed (minimal chrome, see web/src/ui/embed.ts) may be framed by any site.
  const embedCsp: ContentSecurityOptions = { ...appCsp, frameAncestors: ANY_ORIGIN_FRAMING };
  // GraphiQL starts its editor workers from blob: URLs made by its own inline script.
  const graphiqlCsp: ContentSecurityOptions = {
    scriptHashes: graphiql.scriptHashes,
    frameAncestors: SAME_ORIGIN_FRAMING,
    workerSources: ["blob:"],
  };

  const health = async (res: ServerResponse) => {
    const state = db.availability.state();
    if (!state.up) {
      res.writeHead(503, { "content-type": "application/json", "retry-after": String(state.retryAfterS) });
      return void res.end(JSON.stringify({ status: "error", neo4j: "down", reason: state.reason }));
    }
    try {
      const [counts] = await db.read(QUERIES.graphCounts, { visible: visibleLevels(null) });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "ok", neo4j: "up", nodes: counts.nodes, relationships: counts.relationships }));
    } catch (error) {
      res.writeHead(503, { "content-type": "application/json" });
      const reason = isDatabaseDown(error) ? "Neo4j is not reachable" : "Neo4j query failed";
      res.end(JSON.stringify({ status: "error", neo4j: "down", reason }));
    }
  };

  const refuse = (res: ServerResponse, status: number, message: string, code: string) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };

  const graphqlRoute = (req: IncomingMessage, res: ServerResponse, importing = false) => {
    if (!isOriginAllowed(req, corsOrigins)) return refuseOrigin(res);
    // The JSON answers carry GraphiQL's policy too; it is harmless on them.
    setHtmlSecurityHeaders(res, graphiqlCsp);
    if (importing) {
      if (req.method !== "POST") return refuse(res, 405, `${IMPORT_PATH} takes POST only.`, "BAD_REQUEST");
      if (!hasCredentials(req.headers)) return refuse(res, 401, "Sign in to import a file.", "UNAUTHENTICATED");
    }
    if (req.method !== "POST") return void yoga(req, res);
    readLimitedBody(req, importing ? importLimit : bodyLimit, importing ? importTooLarge : tooLarge).then(
      (body) => {
        if (importing) {
          const refusal = refuseNonImport(body);
          if (refusal) return refuse(res, 400, refusal, "BAD_REQUEST");
          // Yoga answers at its one endpoint; the route has done its part (limit and operation check).
          req.url = "/graphql" + (req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "");
        }
        // Yoga's node adapter reads a buffer left here instead of the (now consumed) stream.
        if (body.length > 0) (req as IncomingMessage & { body?: Buffer }).body = body;
        void yoga(req, res);
      },
      (error: Error) => {
        if (error instanceof BodyTooLargeError) return refuseTooLarge(res, error);
        res.destroy(); // the client went away mid-body
      },
    );
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (isImportPath(path)) return graphqlRoute(req, res, true);
    if (path === "/graphql" || path.startsWith("/graphql/")) return graphqlRoute(req, res);
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) return void health(res);
    if (serveWeb) {
      setHtmlSecurityHeaders(res, path === "/embed" || path === "/embed/" ? embedCsp : appCsp);
      return serveWeb(req, res, () => {
        res.writeHead(404).end("Not found");
      });
    }
    res.writeHead(503, { "content-type": "text/plain" });
    res.end("The web app is not built yet: run `npm run build` (npm start does this for you).");
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    setBaseSecurityHeaders(res);
    compress(req, res, () => route(req, res));
  };

  const warm = async () => {
    const started = Date.now();
    const response = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: WARM_QUERY }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`warming the caches failed: ${body.errors[0].message}`);
    // The citations of a path's steps and of a diff's dating ties: Neo4j plans and runs it over real
    // relationships now, rather than during someone's first path or diff (at 10k the first run of
    // 400 took ~650 ms, the fourth ~80 ms).
    const edges = await db.read(QUERIES.warmUpEdges);
    for (let run = 0; run < 4; run++) await db.read(QUERIES.pathEdges, { edges, visible: visibleLevels(null) });
    return Date.now() - started;
  };

  // Signed-in and editor views have read models of their own: their first visitor must not pay either.
  const warmSignedIn = async () => {
    const started = Date.now();
    for (const levels of LEVEL_SETS.slice(1)) await warmLevel(levelContext(db, analytics, caches, levels));
    return Date.now() - started;
  };

  return { yoga, caches, warm, warmSignedIn, handle, createServer: () => createServer(handle) };
}
