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

// name: networkLean
// Like `network`, but nodes and edges carry only short properties (no descriptions, figures or
// citations): what the explorer draws. Used when the query selects none of the long fields.
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
  RETURN collect(r {.id, .role, .since, .until, .year, .note, .activeFrom, .activeTo, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN [n IN nodes | n {.id, .kind, .name, .aliases, .acronym, .shortName, .type, .sector, .scope, .country, .region,
          .founded, .dissolved, .series, .forumKind, .year, .start, .end, .instrumentKind, .adopted, .activeFrom, .activeTo}] AS nodes,
       edges
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
// ---

// name: expand
// A network opened up: the node, its members (MEMBER_OF sources passing the filter), and every
// relationship touching a member whose other end passes the filter. No row when $id does not exist.
MATCH (hub:Entity {id: $id})
OPTIONAL MATCH (m:Entity)-[membership:MEMBER_OF]->(hub)
WHERE ($yearTo IS NULL OR membership.activeFrom IS NULL OR membership.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR membership.activeTo IS NULL OR membership.activeTo >= $yearFrom)
  AND ($kinds IS NULL OR m.kind IN $kinds)
  AND ($types IS NULL OR m.kind <> 'ORGANISATION' OR m.type IN $types)
  AND ($sectors IS NULL OR m.kind <> 'ORGANISATION' OR m.sector IN $sectors)
  AND ($scopes IS NULL OR m.kind <> 'ORGANISATION' OR m.scope IN $scopes)
  AND ($regions IS NULL OR m.region IS NULL OR m.region IN $regions)
  AND ($yearTo IS NULL OR m.activeFrom IS NULL OR m.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR m.activeTo IS NULL OR m.activeTo >= $yearFrom)
WITH hub, collect(DISTINCT m) AS members
CALL (hub, members) {
  UNWIND members AS m
  MATCH (m)-[r]-(o:Entity)
  WHERE (type(r) = 'MEMBER_OF' AND o = hub OR $relationshipTypes IS NULL OR type(r) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r.activeFrom IS NULL OR r.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r.activeTo IS NULL OR r.activeTo >= $yearFrom)
    AND (o = hub OR (
          ($kinds IS NULL OR o.kind IN $kinds)
      AND ($types IS NULL OR o.kind <> 'ORGANISATION' OR o.type IN $types)
      AND ($sectors IS NULL OR o.kind <> 'ORGANISATION' OR o.sector IN $sectors)
      AND ($scopes IS NULL OR o.kind <> 'ORGANISATION' OR o.scope IN $scopes)
      AND ($regions IS NULL OR o.region IS NULL OR o.region IN $regions)
      AND ($yearTo IS NULL OR o.activeFrom IS NULL OR o.activeFrom <= $yearTo)
      AND ($yearFrom IS NULL OR o.activeTo IS NULL OR o.activeTo >= $yearFrom)))
  RETURN collect(DISTINCT r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS edges,
         collect(DISTINCT o) AS others
}
UNWIND [hub] + members + others AS n
WITH DISTINCT n, hub, members, edges
RETURN collect(n {.*}) AS nodes, edges, [m IN members | m.id] AS memberIds, hub.id AS id
// ---

// name: networkCompact
// networkCompact's data as parallel lists (one per column) rather than one map per node and edge:
// decoding a few long lists is several times cheaper for the driver than tens of thousands of maps.
// Edges are those leaving a kept node; the server drops the ones whose target was filtered out.
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
  // collect() skips nulls, so the optional years travel as [from, to] pairs to keep columns aligned.
  RETURN collect(r.id) AS edgeIds, collect(type(r)) AS edgeTypes, collect(a.id) AS edgeSources, collect(b.id) AS edgeTargets,
         collect([r.activeFrom, r.activeTo]) AS edgeSpans
}
RETURN [n IN kept | n.id] AS ids, [n IN kept | n.name] AS names, [n IN kept | coalesce(n.acronym, n.shortName, n.name)] AS labels,
       [n IN kept | n.kind] AS kinds, [n IN kept | n.type] AS types, [n IN kept | n.sector] AS sectors, [n IN kept | n.region] AS regions,
       [n IN kept | n.activeFrom] AS activeFrom, [n IN kept | n.activeTo] AS activeTo,
       edgeIds, edgeTypes, edgeSources, edgeTargets, edgeSpans
