// Paths between two nodes for the path finder, through what the viewer may see ($visible) only.

// name: paths
// The shortest simple paths from $from to $to (length <= $maxLength, at most 6) inside the filtered
// graph (the two ends always count), shortest first, one per sequence of nodes. SHORTEST takes a
// literal k, so 20 candidates are searched; trails that revisit a node are dropped, and parallel
// relationships between the same nodes count once (the first, by relationship id). The length
// bound sits inside the parenthesised pattern, so the search never looks past $maxLength (applied
// afterwards, it let the search run on to length 6 through hubs whenever fewer than 20 short
// paths exist). Unless $throughTopics, every step is an introducing tie ($introducingTypes, see
// server/analytics/tie-semantics.ts) between two nodes that are not topics ($topicKinds). Nodes carry their short properties; `sources` are the documents the path's
// citations name, so the server needs no second round trip for them.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE
  // include: visible(a)
  AND
  // include: visible(b)
MATCH p = SHORTEST 20 ((a)((y)-[r]-(x:Entity)
  WHERE ($throughTopics OR (type(r) IN $introducingTypes AND NOT y.kind IN $topicKinds AND NOT x.kind IN $topicKinds))
    AND
    // include: visible(r)
    AND
    // include: visible(x)
    AND
    // include: relationship-filter(r)
    AND (x.id = $to OR
      // include: node-filter(x)
    )
){1,6}(b)
  WHERE size(r) <= $maxLength)
WITH p, [n IN nodes(p) | n.id] AS ids
WHERE all(i IN range(0, size(ids) - 2) WHERE NOT ids[i] IN ids[i + 1..])
WITH ids, p
ORDER BY length(p), ids, [rel IN relationships(p) | rel.id]
WITH ids, collect(p)[0] AS p
ORDER BY length(p), ids
LIMIT $limit
CALL (p) {
  UNWIND relationships(p) AS rel
  UNWIND coalesce(rel.citationSources, []) AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  WHERE
    // include: visible(s)
  RETURN collect(s {.*}) AS sources
}
RETURN [n IN nodes(p) | n {.id, .kind, .name, .aliases, .acronym, .shortName, .type, .sector, .scope, .country, .region, .founded, .dissolved, .series, .forumKind, .year, .start, .end, .instrumentKind, .adopted, .activeFrom, .activeTo}] AS nodes,
       [rel IN relationships(p) | rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS edges,
       length(p) AS length, sources
// ---

// name: pathEdges
// The relationships of paths found in memory (server/analytics/paths.ts), with every property and
// the documents their citations name. Each is found from its ends, which the id constraint indexes,
// rather than by scanning relationship ids.
UNWIND $edges AS e
MATCH (a:Entity {id: e.source})-[r]->(b:Entity {id: e.target})
WHERE r.id = e.id
  AND
  // include: visible(r)
  AND
  // include: visible(a)
  AND
  // include: visible(b)
WITH collect(r) AS rels
CALL (rels) {
  UNWIND rels AS rel
  UNWIND coalesce(rel.citationSources, []) AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  WHERE
    // include: visible(s)
  RETURN collect(s {.*}) AS sources
}
RETURN [rel IN rels | rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS edges, sources

// name: warmUpEdges
// A few hundred relationships with their ends, for warming pathEdges at start-up (server/app.ts):
// a fresh Neo4j runs a query's operators slowly until it has run them over real rows a few times
// (a first diff's citations at 10k took ~600 ms, then ~100 ms).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id IS NOT NULL
RETURN r.id AS id, a.id AS source, b.id AS target
LIMIT 300
