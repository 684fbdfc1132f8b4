// Members of networks and federations: the MEMBER_OF relationships pointing at an organisation.

// name: memberCounts
// How many organisations are MEMBER_OF each given node; unknown ids yield no row.
UNWIND $ids AS id
MATCH (o:Entity {id: id})
RETURN id, COUNT { (:Organisation)-[:MEMBER_OF]->(o) } AS count
// ---

// name: membersPages
// One page of members per request ({key, id, first, afterName, afterId}), ordered by name then id,
// with one extra member fetched to tell whether a next page exists.
UNWIND $requests AS req
MATCH (o:Entity {id: req.id})
CALL (o, req) {
  MATCH (m:Organisation)-[r:MEMBER_OF]->(o)
  WHERE req.afterName IS NULL OR m.name > req.afterName OR (m.name = req.afterName AND m.id > req.afterId)
  WITH m, r
  ORDER BY m.name, m.id
  RETURN collect({node: m {.*}, relationship: r {.*, type: type(r), direction: 'IN'}}) AS page
}
RETURN req.key AS key, page[..req.first + 1] AS page
