// Queries of the dataset loader (server/import/load.ts). They all run inside ONE write
// transaction, so a failing load leaves the previous data untouched. Labels and relationship
// types come from the validated vocabulary, never from free text.

// name: upsertSources
// Creates or replaces the Source nodes (the documents cited).
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props
RETURN count(s) AS count
// ---

// name: deleteStaleSources
// Removes sources no longer in the dataset.
MATCH (s:Source)
WHERE NOT s.id IN $ids
DETACH DELETE s
RETURN count(*) AS count
// ---

// name: upsertStories
// Creates or replaces the teaching stories (steps kept as a JSON string).
UNWIND $rows AS row
MERGE (s:Story {id: row.id})
SET s = row.props
RETURN count(s) AS count
// ---

// name: deleteStaleStories
// Removes stories no longer in data/stories/.
MATCH (s:Story)
WHERE NOT s.id IN $ids
DETACH DELETE s
RETURN count(*) AS count
// ---

// name: upsertNodes
// Creates or replaces nodes; `row.label` is one of the vocabulary's labels.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
REMOVE n:Organisation:Forum:Campaign:Instrument:Person:Issue
SET n:$(row.label)
RETURN count(n) AS count
// ---

// name: deleteStaleNodes
// Removes nodes (and their relationships) no longer in the dataset.
MATCH (n:Entity)
WHERE NOT n.id IN $ids
DETACH DELETE n
RETURN count(*) AS count
// ---

// name: upsertRelationships
// Creates or replaces relationships between existing nodes; `row.type` is a vocabulary type.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS count
// ---

// name: deleteStaleRelationships
// Removes relationships no longer in the dataset.
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $ids
DELETE r
RETURN count(*) AS count
// ---

// name: recordDatasetMeta
// Remembers which dataset is loaded; its hash keys the analytics cache.
MERGE (m:DatasetMeta {id: 'dataset'})
SET m.hash = $hash, m.nodes = $nodes, m.relationships = $relationships, m.loadedAt = datetime()
RETURN m.hash AS hash
// ---

// name: datasetMeta
// The hash and size of the loaded dataset, or no row when nothing was ever loaded.
MATCH (m:DatasetMeta {id: 'dataset'})
RETURN m.hash AS hash, m.nodes AS nodes, m.relationships AS relationships
// ---

// name: graphCounts
// Nodes and relationships of the atlas graph, for /healthz and start-up.
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
RETURN nodes, relationships
