// Graphs read for the analytics computed with graphology on the server.

// name: metricsGraph
// The filtered graph for metrics: node property maps and the (directed) relationships among them
// as source/target pairs; the server makes it undirected and simple.
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($types IS NULL OR n.kind <> 'ORGANISATION' OR n.type IN $types)
  AND ($sectors IS NULL OR n.kind <> 'ORGANISATION' OR n.sector IN $sectors)
  AND ($scopes IS NULL OR n.kind <> 'ORGANISATION' OR n.scope IN $scopes)
  AND ($regions IS NULL OR n.region IS NULL OR n.region IN $regions)
  AND ($yearTo IS NULL OR n.activeFrom IS NULL OR n.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR n.activeTo IS NULL OR n.activeTo >= $yearFrom)
WITH collect(n) AS kept
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE ($relationshipTypes IS NULL OR type(r) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r.activeFrom IS NULL OR r.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r.activeTo IS NULL OR r.activeTo >= $yearFrom)
  RETURN collect({source: a.id, target: b.id}) AS edges
}
RETURN [n IN kept | n {.*}] AS nodes, edges
