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

// name: coMembership
// Pairs of organisations (each passing the organisation filters) that are MEMBER_OF the same
// coalitions, with the coalitions they share; memberships and coalitions follow the year range.
MATCH (a:Organisation)-[r1:MEMBER_OF]->(c:Entity)<-[r2:MEMBER_OF]-(b:Organisation)
WHERE a.id < b.id
  AND ($yearTo IS NULL OR r1.activeFrom IS NULL OR r1.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR r1.activeTo IS NULL OR r1.activeTo >= $yearFrom)
  AND ($yearTo IS NULL OR r2.activeFrom IS NULL OR r2.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR r2.activeTo IS NULL OR r2.activeTo >= $yearFrom)
  AND ($yearTo IS NULL OR c.activeFrom IS NULL OR c.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR c.activeTo IS NULL OR c.activeTo >= $yearFrom)
  AND all(n IN [a, b] WHERE
        ($kinds IS NULL OR n.kind IN $kinds)
    AND ($types IS NULL OR n.type IN $types)
    AND ($sectors IS NULL OR n.sector IN $sectors)
    AND ($scopes IS NULL OR n.scope IN $scopes)
    AND ($regions IS NULL OR n.region IS NULL OR n.region IN $regions)
    AND ($yearTo IS NULL OR n.activeFrom IS NULL OR n.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR n.activeTo IS NULL OR n.activeTo >= $yearFrom))
WITH a, b, collect(DISTINCT c) AS shared
WHERE size(shared) >= $minShared
WITH collect({source: a.id, target: b.id, weight: size(shared), shared: [c IN shared | c {.*}]}) AS edges,
     collect(a) + collect(b) AS ends
UNWIND ends AS n
WITH DISTINCT n, edges
RETURN collect(n {.*}) AS nodes, edges
