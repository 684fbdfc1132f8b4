// Reads of single nodes, search and sources. Node rows are returned as property maps
// (`n {.*}`); the GraphQL layer maps them onto the Node types by their `kind`.

// name: search
// Full-text hits over name, acronym, short name and aliases; $query is a Lucene query built by the server.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $fetch}) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node {.*} AS node, score
ORDER BY score DESC, node.name
LIMIT $limit
// ---

// name: nodesByIds
// Nodes by id, in no particular order; unknown ids yield no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS node
// ---

// name: relationshipsOfNodes
// Every relationship touching each given node, with the node at the other end, in one round trip.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(other:Entity)
RETURN id,
       r {.*, type: type(r), direction: CASE WHEN startNode(r) = n THEN 'OUT' ELSE 'IN' END} AS relationship,
       other {.*} AS other
ORDER BY id, type(r), other.name
// ---

// name: sourcesByIds
// Source documents by id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.*} AS source
// ---

// name: allSources
// Every source document, oldest first.
MATCH (s:Source)
RETURN s {.*} AS source
ORDER BY s.year, s.id
