// Queries of the write layer (server/write/store.ts). Each mutation runs them inside ONE write
// transaction: lock and read the records it touches, write them, record a Change. Labels and
// relationship types come from the validated vocabulary, never from free text.

// name: lockNodes
// Takes the write lock of each node before reading it (a no-op property write), so a concurrent
// write to the same node waits for this transaction and then reads its outcome, never a stale version.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props
// ---

// name: lockRelationships
// As lockNodes, for relationships by id, with their type and ends. A relationship id is
// `type:source:target[:role]` (node ids are slugs, without ':'), so both ends are found by the
// entity_id index and only the source's relationships are walked, not every relationship.
UNWIND $ids AS id
WITH id, split(id, ':') AS parts
MATCH (a:Entity {id: parts[1]})-[r {id: id}]->(b:Entity {id: parts[2]})
SET r._lock = true
REMOVE r._lock
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
// ---

// name: lockSources
// As lockNodes, for Source nodes by id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
SET s._lock = true
REMOVE s._lock
RETURN s.id AS id, properties(s) AS props
// ---

// name: tiesOfNodes
// Ids of the relationships touching each node.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
RETURN DISTINCT r.id AS id
// ---

// name: deleteRelationshipsById
// Deletes relationships by id (found from their ends, as in lockRelationships).
UNWIND $ids AS id
WITH id, split(id, ':') AS parts
MATCH (:Entity {id: parts[1]})-[r {id: id}]->(:Entity {id: parts[2]})
DELETE r
RETURN count(*) AS count
// ---

// name: deleteNodesById
// Deletes nodes by id; plain DELETE, so a node that still has a tie fails the transaction rather
// than losing it silently.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DELETE n
RETURN count(*) AS count
// ---

// name: deleteSourcesById
// Deletes Source nodes by id (reverting a createSource).
UNWIND $ids AS id
MATCH (s:Source {id: id})
DELETE s
RETURN count(*) AS count
// ---

// name: writeNodes
// Creates or replaces nodes with their full properties; `row.label` is one of the vocabulary's labels.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
REMOVE n:Organisation:Forum:Campaign:Instrument:Person:Issue
SET n:$(row.label)
RETURN count(n) AS count
// ---

// name: writeRelationships
// Creates or replaces relationships between existing nodes; `row.type` is a vocabulary type.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS count
// ---

// name: createNodes
// Creates nodes no store holds yet (a write's plan found none: an import's new records). Cheaper
// than writeNodes' MERGE and label swap; the entity_id constraint still refuses a duplicate id.
UNWIND $rows AS row
CREATE (n:Entity:$(row.label))
SET n = row.props
RETURN count(n) AS count
// ---

// name: createRelationships
// Creates relationships the plan found absent (see createNodes); counts those whose ends exist.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS count
// ---

// name: writeSources
// Creates or replaces Source nodes.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props
RETURN count(s) AS count
// ---

// name: addTombstones
// Remembers bundled records a user deleted, so a reload does not bring them back.
UNWIND $ids AS id
MERGE (t:Tombstone {id: id})
RETURN count(t) AS count
// ---

// name: countTombstones
// How many tombstones the store has (from the count store: no scan), so a write can skip looking for any.
MATCH (t:Tombstone)
RETURN count(t) AS count
// ---

// name: removeTombstones
// Forgets tombstones of records written again (a revert of a deletion).
UNWIND $ids AS id
MATCH (t:Tombstone {id: id})
DELETE t
RETURN count(*) AS count
// ---

// name: recordChange
// Bumps the data version (which keys the caches) and writes the append-only Change that made it;
// its `seq` is that version, so changes are totally ordered.
MERGE (m:DatasetMeta {id: 'dataset'})
SET m.version = coalesce(m.version, 0) + 1
CREATE (c:Change)
SET c = $change, c.seq = m.version
RETURN c.id AS id, c.seq AS seq, c.at AS at
// ---

// name: createProposal
// Stores a contributor's write for review.
CREATE (p:Proposal)
SET p = $proposal
RETURN properties(p) AS proposal
// ---

// name: lockProposal
// One proposal by id, locked so two editors cannot decide it twice.
MATCH (p:Proposal {id: $id})
SET p._lock = true
REMOVE p._lock
RETURN properties(p) AS proposal
// ---

// name: decideProposal
// Records an editor's decision on a proposal.
MATCH (p:Proposal {id: $id})
SET p.status = $status, p.reviewer = $reviewer, p.reviewerId = $reviewerId, p.reviewComment = $comment,
    p.reviewedAt = $at, p.changeId = $changeId
RETURN properties(p) AS proposal
// ---

// name: exportNodes
// Every node of the atlas with its label, for db:export.
MATCH (n:Entity)
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY n.id
// ---

// name: exportRelationships
// Every relationship of the atlas with its type and ends, for db:export.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY r.id
// ---

// name: exportSources
// Every source, for db:export.
MATCH (s:Source)
RETURN s.id AS id, properties(s) AS props
ORDER BY s.id
// ---

// name: exportStories
// Every story in its order, for db:export.
MATCH (s:Story)
RETURN s.id AS id, s.title AS title, s.summary AS summary, s.steps AS steps
ORDER BY s.position, s.id

// name: citingRecords
// The nodes and relationships citing a source — in their citations (`sources`) or their figures'
// (a JSON text naming `"source":"<id>"`) — so that removing the source orphans none.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity)
  WHERE id IN n.sources OR n.figures CONTAINS ('"source":"' + id + '"')
  RETURN n.id AS record
  UNION
  MATCH (:Entity)-[r]->(:Entity)
  WHERE id IN r.sources
  RETURN r.id AS record
}
RETURN id AS source, collect(record) AS records
