// Queries of the import pipeline (server/imports/). Incoming names reach Neo4j only as parameters:
// the Lucene query text is built and escaped by server/read/lucene.ts's term splitter.

// name: importCandidates
// For each incoming name, the nodes the full-text index finds that the viewer may see (a hidden
// record is never offered as a match), with what the similarity score compares.
UNWIND $queries AS q
CALL (q) {
  CALL db.index.fulltext.queryNodes('entity_names', q.query, {limit: $perQuery}) YIELD node, score
  WHERE
    // include: visible(node)
  RETURN node, score
}
RETURN q.key AS key, node.id AS id, node.kind AS kind, node.name AS name, node.acronym AS acronym,
       coalesce(node.aliases, []) AS aliases, coalesce(node.version, 1) AS version, score
// ---

// name: importNodeProps
// The stored properties of matched nodes the viewer may see, to show what an import would change.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE
  // include: visible(n)
RETURN n.id AS id, properties(n) AS props
// ---

// name: importTakenIds
// Which of these ids a node or a source already has (hidden ones too: ids are one space).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
OPTIONAL MATCH (s:Source {id: id})
WITH id, n, s
WHERE n IS NOT NULL OR s IS NOT NULL
RETURN id, s IS NOT NULL AS isSource, s.url AS url
// ---

// name: exportVisibleNodes
// Every node the viewer may see, for the GEXF, GraphML, CSV and JSON exports.
MATCH (n:Entity)
WHERE
  // include: visible(n)
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY n.id
// ---

// name: exportVisibleRelationships
// Every relationship the viewer may see: it and both its ends visible.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE
  // include: visible(r)
  AND
  // include: visible(a)
  AND
  // include: visible(b)
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY r.id
// ---

// name: exportCitedSources
// The sources with these ids (those the exported records cite).
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, properties(s) AS props
ORDER BY s.id
