/**
 * What the app needs of a Neo4j server, checked once at connect so a mismatch is one clear line
 * instead of every query failing as a masked INTERNAL_SERVER_ERROR. The queries use `CALL (x) {…}`
 * and `SHORTEST k`, which arrived in Neo4j 5.23; calendar versions (2025.01 and later) follow 5.26.
 */
export const MIN_NEO4J_VERSION = { major: 5, minor: 23 } as const;
export const SUPPORTED_NEO4J_VERSIONS = "Neo4j 5.23 or newer (5.26 LTS, 2025.x and later)";

export interface Neo4jVersion {
  major: number;
  minor: number;
  text: string;
}

/** Reads the version from a server agent such as "Neo4j/5.26.30", "Neo4j/5.27-aura" or "Neo4j/2025.01.0". */
export function parseServerAgent(agent: string | undefined): Neo4jVersion | undefined {
  const match = /^Neo4j\/(\d+)\.(\d+)(\S*)/i.exec(agent ?? "");
  return match ? { major: Number(match[1]), minor: Number(match[2]), text: `${match[1]}.${match[2]}${match[3]}` } : undefined;
}

export function isSupportedVersion(version: Neo4jVersion): boolean {
  const { major, minor } = MIN_NEO4J_VERSION;
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** The one line to fail with when the server is too old; undefined when it will do (or says nothing usable). */
export function versionProblem(uri: string, agent: string | undefined): string | undefined {
  const version = parseServerAgent(agent);
  if (!version || isSupportedVersion(version)) return undefined;
  return `Neo4j at ${uri} is version ${version.text}; Coalition Atlas needs ${SUPPORTED_NEO4J_VERSIONS}. Upgrade the server, or unset NEO4J_URI to use the embedded Neo4j 5.26.`;
}

function usesTls(uri: string): boolean {
  return /^(neo4j|bolt)\+(s|ssc):\/\//i.test(uri);
}

/**
 * A connection that failed because one side speaks TLS and the other does not, told apart from an
 * unreachable server: the driver reports both as ServiceUnavailable, but the causes differ.
 */
export function tlsMismatch(uri: string, error: unknown): string | undefined {
  // The telling part is often in the cause (e.g. a routing driver's "Could not perform discovery").
  const messages: string[] = [];
  for (let e = error as { message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    messages.push(String(e.message ?? ""));
  }
  const message = messages.join("\n");
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT/.test(message)) return undefined;
  if (usesTls(uri)) {
    if (/SSL|TLS|wrong version number|EPROTO|secure connection|packet length too long/i.test(message)) {
      return `TLS mismatch: NEO4J_URI (${uri}) asks for an encrypted connection, but the server on that port does not speak TLS. Use neo4j:// or bolt://, or enable TLS for Bolt on the server.`;
    }
    return undefined;
  }
  // A server that requires TLS closes a plain connection during the Bolt handshake.
  if (/closed|ECONNRESET|handshake|socket hang up/i.test(message)) {
    return `Neo4j at ${uri} closed the unencrypted connection during the handshake, as a server that requires TLS does (a TLS mismatch?). Use neo4j+s:// (or neo4j+ssc:// for a self-signed certificate).`;
  }
  return undefined;
}
