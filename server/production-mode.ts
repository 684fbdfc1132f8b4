/**
 * Imported first by the server's entry points: unless NODE_ENV says otherwise, the server runs as
 * production. graphql-js reads NODE_ENV once, when it loads, and in development checks every
 * instanceof for a second copy of itself; that check was about half the cost of executing the
 * explorer's 10k-node networkCompact answer (CPU profile of bench:edits).
 */
process.env.NODE_ENV ??= "production";
