// Queries of the dataset loader (server/import/load.ts). They all run inside ONE write
// transaction, so a failing load leaves the previous data untouched. Labels and relationship
// types come from the validated vocabulary, never from free text.
//
// Users' work survives a reload: records carry `origin` ('bundled' or 'user'; none means bundled, as
// stored before origins existed), `userChanged` when a user edited a bundled record, and
// `bundledHash`, the hash of the dataset row last applied. A reload rewrites only bundled records no
// user changed, and only when their row changed (then `version` goes up); it never deletes a user's
// record, and reports (`conflicts`) the records a user changed that the new data changes too.

// name: upsertSources
// Creates or replaces the bundled Source nodes (the documents cited); users' sources are left alone.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
WITH s, row, coalesce(s.origin, 'bundled') AS origin
FOREACH (_ IN CASE WHEN origin = 'bundled' THEN [1] ELSE [] END | SET s = row.props, s.origin = 'bundled')
RETURN count(s) AS count
// ---

// name: deleteStaleSources
// Removes bundled sources no longer in the dataset (never a source a user added).
MATCH (s:Source)
WHERE NOT s.id IN $ids AND coalesce(s.origin, 'bundled') = 'bundled'
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
// Creates or updates bundled nodes whose row changed; `row.label` is one of the vocabulary's labels.
// Returns the ids of records a user created or changed that the dataset now changes (not written).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.version AS version, coalesce(n.origin, 'bundled') AS origin, coalesce(n.userChanged, false) AS changed,
     n.bundledHash AS seen, n.visibility AS visibility
WITH n, row, version, visibility, origin = 'bundled' AND NOT changed AS ours, seen IS NULL OR seen <> row.hash AS fresh
FOREACH (_ IN CASE WHEN ours AND fresh THEN [1] ELSE [] END |
  SET n = row.props, n.version = coalesce(version, 0) + 1, n.origin = 'bundled', n.bundledHash = row.hash
  SET n.visibility = coalesce(row.props.visibility, visibility)
  REMOVE n:Organisation:Forum:Campaign:Instrument:Person:Issue
  SET n:$(row.label)
)
RETURN count(n) AS count, count(CASE WHEN ours AND fresh THEN 1 END) AS written,
       collect(CASE WHEN NOT ours AND fresh THEN n.id END) AS conflicts
// ---

// name: deleteStaleNodes
// Removes bundled nodes no longer in the dataset, unless a user changed them or tied a record of
// their own to them: those are kept and reported.
MATCH (n:Entity)
WHERE NOT n.id IN $ids AND coalesce(n.origin, 'bundled') = 'bundled'
WITH n, n.id AS id,
     coalesce(n.userChanged, false)
     OR EXISTS { MATCH (n)-[r]-() WHERE coalesce(r.origin, 'bundled') <> 'bundled' OR coalesce(r.userChanged, false) } AS kept
CALL (n, kept) {
  WITH n, kept WHERE NOT kept
  DETACH DELETE n
}
RETURN count(CASE WHEN NOT kept THEN 1 END) AS count, collect(CASE WHEN kept THEN id END) AS conflicts
// ---

// name: upsertRelationships
// Creates or updates bundled relationships whose row changed; `row.type` is a vocabulary type.
// `count` is how many rows found both their ends; `conflicts` as for upsertNodes.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, r.version AS version, coalesce(r.origin, 'bundled') AS origin, coalesce(r.userChanged, false) AS changed,
     r.bundledHash AS seen, r.visibility AS visibility
WITH r, row, version, visibility, origin = 'bundled' AND NOT changed AS ours, seen IS NULL OR seen <> row.hash AS fresh
FOREACH (_ IN CASE WHEN ours AND fresh THEN [1] ELSE [] END |
  SET r = row.props, r.version = coalesce(version, 0) + 1, r.origin = 'bundled', r.bundledHash = row.hash
  SET r.visibility = coalesce(row.props.visibility, visibility)
)
RETURN count(r) AS count, count(CASE WHEN ours AND fresh THEN 1 END) AS written,
       collect(CASE WHEN NOT ours AND fresh THEN r.id END) AS conflicts
// ---

// name: deleteStaleRelationships
// Removes bundled relationships no longer in the dataset, unless a user changed them (reported).
MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $ids AND coalesce(r.origin, 'bundled') = 'bundled'
WITH r, r.id AS id, coalesce(r.userChanged, false) AS kept
CALL (r, kept) {
  WITH r, kept WHERE NOT kept
  DELETE r
}
RETURN count(CASE WHEN NOT kept THEN 1 END) AS count, collect(CASE WHEN kept THEN id END) AS conflicts
// ---

// name: recordDatasetMeta
// Remembers which dataset is loaded, and bumps the data version (which keys the caches) when the load
// changed anything.
MERGE (m:DatasetMeta {id: 'dataset'})
WITH m, $changed OR m.hash IS NULL OR m.hash <> $hash AS bump
SET m.hash = $hash, m.nodes = $nodes, m.relationships = $relationships, m.loadedAt = datetime(),
    m.version = coalesce(m.version, 0) + CASE WHEN bump THEN 1 ELSE 0 END
RETURN m.hash AS hash
// ---

// name: datasetMeta
// The hash, data version and size of the loaded dataset, or no row when nothing was ever loaded.
MATCH (m:DatasetMeta {id: 'dataset'})
RETURN m.hash AS hash, coalesce(m.version, 0) AS version, m.nodes AS nodes, m.relationships AS relationships
// ---

// name: tombstoneIds
// Ids of bundled records a user deleted: a reload must not bring them back.
MATCH (t:Tombstone)
RETURN t.id AS id
// ---

// name: graphCounts
// Nodes and relationships of the atlas graph at the levels $visible, for /healthz (public ones:
// counts would tell of hidden records) and start-up (all).
CALL () {
  MATCH (n:Entity)
  WHERE
    // include: visible(n)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE
    // include: visible(r)
    AND
    // include: visible(a)
    AND
    // include: visible(b)
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
