// Subgraphs for the explorer. All take the NetworkFilter parameters ($kinds, $types, $sectors,
// $scopes, $regions, $relationshipTypes, $yearFrom, $yearTo), each null when unused. Organisation
// filters (types, sectors, scopes) leave other kinds alone; the region filter leaves nodes without
// a region alone; an item is "active" in [yearFrom, yearTo] unless its dates fall outside it.
// The node predicate is written out once per query because Cypher has no user functions.

// name: network
// The filtered graph: nodes, then the relationships among them.
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($types IS NULL OR n.kind <> 'ORGANISATION' OR n.type IN $types)
  AND ($sectors IS NULL OR n.kind <> 'ORGANISATION' OR n.sector IN $sectors)
  AND ($scopes IS NULL OR n.kind <> 'ORGANISATION' OR n.scope IN $scopes)
  AND ($regions IS NULL OR n.region IS NULL OR n.region IN $regions)
  AND ($yearTo IS NULL OR n.activeFrom IS NULL OR n.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR n.activeTo IS NULL OR n.activeTo >= $yearFrom)
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes
    AND ($relationshipTypes IS NULL OR type(r) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r.activeFrom IS NULL OR r.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r.activeTo IS NULL OR r.activeTo >= $yearFrom)
  RETURN collect(r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN [n IN nodes | n {.*}] AS nodes, edges
// ---

// name: neighbourhood
// Nodes within $depth (1–3) steps of $id inside the filtered graph (breadth-first, unrolled), and
// the relationships among them. No row when $id does not exist.
MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r1]-(n1:Entity)
  WHERE ($relationshipTypes IS NULL OR type(r1) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r1.activeFrom IS NULL OR r1.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r1.activeTo IS NULL OR r1.activeTo >= $yearFrom)
  RETURN collect(DISTINCT n1) AS ring1
}
CALL (centre, ring1) {
  UNWIND CASE WHEN $depth >= 2 THEN ring1 ELSE [] END AS x
  MATCH (x)-[r2]-(n2:Entity)
  WHERE ($relationshipTypes IS NULL OR type(r2) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r2.activeFrom IS NULL OR r2.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r2.activeTo IS NULL OR r2.activeTo >= $yearFrom)
  RETURN collect(DISTINCT n2) AS ring2
}
CALL (ring2) {
  UNWIND CASE WHEN $depth >= 3 THEN ring2 ELSE [] END AS x
  MATCH (x)-[r3]-(n3:Entity)
  WHERE ($relationshipTypes IS NULL OR type(r3) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r3.activeFrom IS NULL OR r3.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r3.activeTo IS NULL OR r3.activeTo >= $yearFrom)
  RETURN collect(DISTINCT n3) AS ring3
}
UNWIND [centre] + ring1 + ring2 + ring3 AS n
WITH DISTINCT n
WHERE n.id = $id OR (
      ($kinds IS NULL OR n.kind IN $kinds)
  AND ($types IS NULL OR n.kind <> 'ORGANISATION' OR n.type IN $types)
  AND ($sectors IS NULL OR n.kind <> 'ORGANISATION' OR n.sector IN $sectors)
  AND ($scopes IS NULL OR n.kind <> 'ORGANISATION' OR n.scope IN $scopes)
  AND ($regions IS NULL OR n.region IS NULL OR n.region IN $regions)
  AND ($yearTo IS NULL OR n.activeFrom IS NULL OR n.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR n.activeTo IS NULL OR n.activeTo >= $yearFrom))
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes
    AND ($relationshipTypes IS NULL OR type(r) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r.activeFrom IS NULL OR r.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r.activeTo IS NULL OR r.activeTo >= $yearFrom)
  RETURN collect(r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN [n IN nodes | n {.*}] AS nodes, edges
