// Dated facts for the timeline.

// name: timeline
// Dated nodes of the filtered graph (anything with activeFrom/activeTo: founded, forum year, campaign
// start/end, adoption) and dated relationships among its nodes (since or year), with both ends.
// The server turns them into events and keeps those inside [$yearFrom, $yearTo].
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
  WHERE (r.since IS NOT NULL OR r.year IS NOT NULL)
    AND b IN kept
    AND ($relationshipTypes IS NULL OR type(r) IN $relationshipTypes)
  RETURN collect(r {.*, type: type(r), from: a {.*}, to: b {.*}}) AS relationships
}
RETURN [n IN kept WHERE n.activeFrom IS NOT NULL OR n.activeTo IS NOT NULL | n {.*}] AS nodes, relationships
