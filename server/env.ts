/**
 * Environment → typed config, validated once at start-up so a typo fails fast with the variable named.
 * No NEO4J_URI means "run the embedded Neo4j from neo4j/"; with it, nothing is started.
 */
import { z } from "zod";

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
/** true/false (also 1/0, yes/no), case-insensitive. */
const flag = (fallback: boolean) =>
  z
    .string()
    .regex(/^(true|false|1|0|yes|no)$/i, "must be true or false")
    .transform((value) => /^(true|1|yes)$/i.test(value))
    .default(fallback);

const envSchema = z.object({
  PORT: port(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, "must look like bolt://host:7687 or neo4j+s://host")
    .optional(),
  NEO4J_USERNAME: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_EMBEDDED_PORT: port(7688),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/i, "must be a JVM size such as 1g or 768m")
    .default("1g"),
  NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(256),
  NEO4J_START_TIMEOUT_S: z.coerce.number().int().min(5).default(120),
  ATLAS_DATA_DIR: z.string().min(1).default(".data"),
  ATLAS_CACHE_MB: z.coerce.number().int().min(0).default(512),
  ATLAS_BODY_LIMIT_KB: z.coerce.number().int().min(1).default(1024),
  /** Largest request of the import route (POST /graphql/import): a user's file, base64 for XLSX. */
  ATLAS_IMPORT_LIMIT_MB: z.coerce.number().int().min(1).default(50),
  /** Comma-separated origins (scheme://host[:port]) allowed to call /graphql from other sites. */
  ATLAS_CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const origins = value
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== "");
      for (const origin of origins) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          parsed = undefined;
        }
        if (!parsed || parsed.origin !== origin) {
          ctx.addIssue({
            code: "custom",
            message: `"${origin}" is not an origin such as https://example.org (no path, no trailing slash)`,
          });
        }
      }
      return origins;
    }),
  ATLAS_SHUTDOWN_TIMEOUT_S: z.coerce.number().int().min(1).default(10),
  /** Whether anonymous visitors may read; when false they may only sign in. */
  ATLAS_PUBLIC: flag(true),
  ATLAS_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  /** Trust X-Forwarded-For/-Proto (client address for the sign-in limit, HTTPS for Secure cookies). */
  ATLAS_TRUST_PROXY: flag(false),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  /** External Neo4j, or `undefined` for the embedded default. */
  neo4j?: { uri: string; username: string; password: string; database?: string };
  embedded: { port: number; heap: string; pagecacheMb: number; startTimeoutMs: number; dataDir: string };
  /** Memory budget of the whole-graph caches in MiB (0 = off). */
  cacheMb: number;
  http: {
    /** Largest /graphql request body. */
    bodyLimitBytes: number;
    /** Largest request of the import route, POST /graphql/import. */
    importLimitBytes: number;
    /** Foreign origins allowed to call /graphql; same-origin is always allowed. */
    corsOrigins: string[];
    /** How long SIGTERM waits for requests in flight before cutting them. */
    shutdownTimeoutMs: number;
  };
  auth: {
    /** Anonymous visitors may read (ATLAS_PUBLIC). */
    public: boolean;
    sessionTtlMs: number;
    trustProxy: boolean;
  };
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, so `NEO4J_URI= npm start` means "use the embedded database".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    embedded: {
      port: e.NEO4J_EMBEDDED_PORT,
      heap: e.NEO4J_HEAP,
      pagecacheMb: e.NEO4J_PAGECACHE_MB,
      startTimeoutMs: e.NEO4J_START_TIMEOUT_S * 1000,
      dataDir: e.ATLAS_DATA_DIR,
    },
    cacheMb: e.ATLAS_CACHE_MB,
    http: {
      bodyLimitBytes: e.ATLAS_BODY_LIMIT_KB * 1024,
      importLimitBytes: e.ATLAS_IMPORT_LIMIT_MB * 1024 * 1024,
      corsOrigins: e.ATLAS_CORS_ORIGINS,
      shutdownTimeoutMs: e.ATLAS_SHUTDOWN_TIMEOUT_S * 1000,
    },
    auth: { public: e.ATLAS_PUBLIC, sessionTtlMs: e.ATLAS_SESSION_HOURS * 3600_000, trustProxy: e.ATLAS_TRUST_PROXY },
  };
}
