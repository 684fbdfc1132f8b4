// Comparison of organisations and the co-membership projection.

// name: compareItems
// For each given organisation, the items it is linked to: campaigns, forums, issues, instruments
// (CAMPAIGNED_IN, APPEARED_AT, WORKS_ON, ADVOCATES, ISSUED, RATIFIED), coalitions (MEMBER_OF) and
// partners (PARTNERS_WITH, either way), those the viewer may see ($visible). Ids that are not
// organisations, or that the viewer may not see, yield no row.
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
WHERE
  // include: visible(o)
// OPTIONAL: an organisation linked to no item (or to none the viewer may see) still has its row.
OPTIONAL CALL (o) {
  MATCH (o)-[t:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]->(x:Entity)
  WHERE
    // include: visible(t)
    AND
    // include: visible(x)
  RETURN x, CASE WHEN x.kind = 'ORGANISATION' THEN 'MEMBERSHIP' ELSE x.kind END AS category
  UNION
  MATCH (o)-[t:PARTNERS_WITH]-(x:Organisation)
  WHERE
    // include: visible(t)
    AND
    // include: visible(x)
  RETURN x, 'PARTNER' AS category
}
RETURN o {.*} AS node, collect(DISTINCT CASE WHEN x IS NOT NULL THEN {node: x {.*}, category: category} END) AS items
// ---

// name: coMemberships
// The memberships the co-membership projection counts, as two parallel columns: MEMBER_OF from
// an organisation passing the filter to a coalition active in the year range, itself active in it,
// all three visible to the viewer ($visible).
// The server pairs up members of the same coalitions (server/analytics/co-membership.ts).
MATCH (a:Organisation)-[r:MEMBER_OF]->(c:Entity)
WHERE
  // include: visible(a)
  AND
  // include: visible(r)
  AND
  // include: visible(c)
  AND ($yearTo IS NULL OR r.activeFrom IS NULL OR r.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR r.activeTo IS NULL OR r.activeTo >= $yearFrom)
  AND ($yearTo IS NULL OR c.activeFrom IS NULL OR c.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR c.activeTo IS NULL OR c.activeTo >= $yearFrom)
  AND
    // include: node-filter(a)
RETURN collect(a.id) AS members, collect(c.id) AS coalitions
