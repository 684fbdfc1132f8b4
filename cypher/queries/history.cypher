// Reading the curation record: changes (history of a record, the atlas's recent changes) and
// proposals. `$levels` are the visibility levels the viewer may read (core/access.ts).

// name: historyOf
// Every change that touched a record, newest first.
MATCH (c:Change)
WHERE $id IN c.recordIds AND c.visibility IN $levels
RETURN properties(c) AS change
ORDER BY c.seq DESC
// ---

// name: changesPage
// A page of the atlas's changes, newest first: after a cursor (a seq), by an actor (author or
// reviewer), at or after an ISO time.
MATCH (c:Change)
WHERE ($after IS NULL OR c.seq < $after)
  AND ($actor IS NULL OR c.actor = $actor OR c.reviewer = $actor)
  AND ($since IS NULL OR c.at >= $since)
  AND c.visibility IN $levels
RETURN properties(c) AS change
ORDER BY c.seq DESC
LIMIT $limit
// ---

// name: changeById
// One change by id.
MATCH (c:Change {id: $id})
WHERE c.visibility IN $levels
RETURN properties(c) AS change
// ---

// name: proposalsList
// Proposals, newest first, by status and (for a contributor) author.
MATCH (p:Proposal)
WHERE ($status IS NULL OR p.status = $status) AND ($authorId IS NULL OR p.authorId = $authorId)
RETURN properties(p) AS proposal
ORDER BY p.createdAt DESC, p.id
// ---

// name: recordVisibility
// Whether a node or relationship exists, and its visibility (none: PUBLIC).
OPTIONAL MATCH (n:Entity {id: $id})
// A relationship is found from its ends, `type:source:target[:role]` (see lockRelationships).
OPTIONAL MATCH (:Entity {id: split($id, ':')[1]})-[r {id: $id}]->(:Entity {id: split($id, ':')[2]})
WITH coalesce(n, r) AS record
WHERE record IS NOT NULL
RETURN coalesce(record.visibility, 'PUBLIC') AS visibility
