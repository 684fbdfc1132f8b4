// Queries of the import pipeline (server/imports/). Incoming names reach Neo4j only as parameters.

// name: importMatchIndex
// The names of every node the viewer may see (a hidden record is never offered as a match): an
// import matches its rows against them in memory, once, instead of one full-text query per row.
MATCH (n:Entity)
WHERE
  // include: visible(n)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.acronym AS acronym, n.shortName AS shortName,
       coalesce(n.aliases, []) AS aliases, coalesce(n.version, 1) AS version
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
