/** A failure of the embedded Neo4j a newcomer can act on: its message is the one line with the remedy. */
export class EmbeddedNeo4jError extends Error {}
