// Members of networks and federations: the MEMBER_OF relationships pointing at an organisation,
// those the viewer may see ($visible) only.

// name: memberCounts
// How many organisations are MEMBER_OF each given node; unknown ids yield no row.
UNWIND $ids AS id
MATCH (o:Entity {id: id})
WHERE
  // include: visible(o)
RETURN id,
       COUNT { (m:Organisation)-[r:MEMBER_OF]->(o)
               WHERE
                 // include: visible(m)
                 AND
                 // include: visible(r)
             } AS count
// ---

// name: membersPages
// One page of members per request ({key, id, first, afterName, afterId}), ordered by name then id,
// with one extra member fetched to tell whether a next page exists.
UNWIND $requests AS req
MATCH (o:Entity {id: req.id})
WHERE
  // include: visible(o)
CALL (o, req) {
  MATCH (m:Organisation)-[r:MEMBER_OF]->(o)
  WHERE (req.afterName IS NULL OR m.name > req.afterName OR (m.name = req.afterName AND m.id > req.afterId))
    AND
    // include: visible(m)
    AND
    // include: visible(r)
  WITH m, r
  ORDER BY m.name, m.id
  RETURN collect({node: m {.*}, relationship: r {.*, type: type(r), direction: 'IN'}}) AS page
}
RETURN req.key AS key, page[..req.first + 1] AS page
