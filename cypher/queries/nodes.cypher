// Reads of single nodes, search and sources. Node rows are returned as property maps
// (`n {.*}`); the GraphQL layer maps them onto the Node types by their `kind`. Every query keeps
// only what the viewer may see ($visible, cypher/fragments/visible.cypher): a hidden node is read
// exactly as a missing one.

// name: search
// Full-text hits over name, acronym, short name and aliases; $query is a Lucene query built by the
// server. Nodes carry their short properties (the server reads long ones on demand), and a forum's
// city, which search ranks and shows.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $fetch}) YIELD node, score
WHERE ($kinds IS NULL OR node.kind IN $kinds)
  AND
    // include: visible(node)
RETURN node {.id, .kind, .name, .aliases, .acronym, .shortName, .type, .sector, .scope, .country, .region, .founded, .dissolved, .series, .forumKind, .year, .start, .end, .instrumentKind, .adopted, .activeFrom, .activeTo} AS node, node.city AS city, score
ORDER BY score DESC, node.name
LIMIT $limit
// ---

// name: searchForumSeries
// Forum occurrences of the series a search names ("GFMD Dhaka", "ILC 2011"): their own names often
// leave out the series, so the full-text index alone misses them. Those held in one of $years, or
// in a city one of $words names, first; the server ranks them with the full-text hits.
MATCH (node:Forum)
WHERE node.series IN $series
  AND ($kinds IS NULL OR node.kind IN $kinds)
  AND
    // include: visible(node)
WITH node,
     CASE WHEN node.year IN $years THEN 1 ELSE 0 END +
     CASE WHEN any(word IN $words WHERE toLower(coalesce(node.city, '')) CONTAINS word) THEN 1 ELSE 0 END AS fit
ORDER BY fit DESC, node.year DESC, node.name
LIMIT $fetch
RETURN node {.id, .kind, .name, .aliases, .acronym, .shortName, .series, .forumKind, .year, .city, .country, .region} AS node, 0.0 AS score
// ---

// name: nodesByIds
// Nodes by id, in no particular order; unknown ids yield no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE
  // include: visible(n)
RETURN n {.*} AS node
// ---

// name: nodeDetails
// One node with what a details panel shows, in one round trip: its properties, every relationship
// touching it (ordered by type, then the other end's name) with the other end's short properties,
// how many organisations are MEMBER_OF it, and the sources its own and its relationships'
// citations name. No row when there is no such node.
MATCH (n:Entity {id: $id})
WHERE
  // include: visible(n)
CALL (n) {
  MATCH (n)-[r]-(other:Entity)
  WHERE
    // include: visible(r)
    AND
    // include: visible(other)
  WITH r, other
  ORDER BY type(r), other.name
  RETURN collect({relationship: r {.*, type: type(r), direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END},
                  other: other {.id, .kind, .name, .aliases, .acronym, .shortName, .type, .sector, .scope, .country, .region, .founded, .dissolved, .series, .forumKind, .year, .start, .end, .instrumentKind, .adopted, .activeFrom, .activeTo}}) AS relationships
}
CALL (n, relationships) {
  UNWIND coalesce(n.citationSources, []) + reduce(ids = [], row IN relationships | ids + coalesce(row.relationship.citationSources, [])) AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  WHERE
    // include: visible(s)
  RETURN collect(s {.*}) AS sources
}
RETURN n {.*} AS node, relationships,
       COUNT { (m:Organisation)-[membership:MEMBER_OF]->(n)
               WHERE
                 // include: visible(m)
                 AND
                 // include: visible(membership)
             } AS memberCount,
       sources
// ---

// name: relationshipsOfNodes
// Every relationship touching each given node, with the node at the other end, in one round trip.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(other:Entity)
WHERE
  // include: visible(n)
  AND
  // include: visible(r)
  AND
  // include: visible(other)
RETURN id,
       r {.*, type: type(r), direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END} AS relationship,
       other {.*} AS other
ORDER BY id, type(r), other.name
// ---

// name: sourcesByIds
// Source documents by id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE
  // include: visible(s)
RETURN s {.*} AS source
// ---

// name: allSources
// Every source document, oldest first.
MATCH (s:Source)
WHERE
  // include: visible(s)
RETURN s {.*} AS source
ORDER BY s.year, s.id
