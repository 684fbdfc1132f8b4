// Comparison of organisations and the co-membership projection.

// name: compareItems
// For each given organisation, the items it is linked to: campaigns, forums, issues, instruments
// (CAMPAIGNED_IN, APPEARED_AT, WORKS_ON, ADVOCATES, ISSUED, RATIFIED), coalitions (MEMBER_OF) and
// partners (PARTNERS_WITH, either way). Ids that are not organisations yield no row.
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
CALL (o) {
  MATCH (o)-[:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]->(x:Entity)
  RETURN x, CASE WHEN x.kind = 'ORGANISATION' THEN 'MEMBERSHIP' ELSE x.kind END AS category
  UNION
  MATCH (o)-[:PARTNERS_WITH]-(x:Organisation)
  RETURN x, 'PARTNER' AS category
}
RETURN o {.*} AS node, collect(DISTINCT {node: x {.*}, category: category}) AS items
// ---

// name: coMemberships
// The memberships the co-membership projection counts, as two parallel columns: MEMBER_OF from
// an organisation passing the filter to a coalition active in the year range, itself active in it.
// The server pairs up members of the same coalitions (server/analytics/co-membership.ts).
MATCH (a:Organisation)-[r:MEMBER_OF]->(c:Entity)
WHERE ($yearTo IS NULL OR r.activeFrom IS NULL OR r.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR r.activeTo IS NULL OR r.activeTo >= $yearFrom)
  AND ($yearTo IS NULL OR c.activeFrom IS NULL OR c.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR c.activeTo IS NULL OR c.activeTo >= $yearFrom)
  AND
    // include: node-filter(a)
RETURN collect(a.id) AS members, collect(c.id) AS coalitions
