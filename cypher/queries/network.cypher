// Subgraphs for the explorer. All take the NetworkFilter parameters ($kinds, $types, $sectors,
// $scopes, $regions, $relationshipTypes, $yearFrom, $yearTo), each null when unused. Organisation
// filters (types, sectors, scopes) leave other kinds alone; the region filter leaves nodes without
// a region alone; an item is "active" in [yearFrom, yearTo] unless its dates fall outside it.
// Cypher has no user functions, so those conditions live once in cypher/fragments/ and the loader
// (server/db/queries.ts) writes them in where a query says `// include: <fragment>(<variable>)`.
// Every query also keeps only what the viewer may see ($visible, fragments/visible.cypher), before
// the filter: a hidden node is neither shown nor walked through.

// name: network
// The filtered graph with every property (descriptions, figures, citations): nodes, then the
// relationships leaving them; the server drops those whose target was filtered out (a list
// membership test per relationship would cost more than the whole read).
MATCH (n:Entity)
WHERE
  // include: visible(n)
  AND
  // include: node-filter(n)
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE
    // include: visible(r)
    AND
    // include: relationship-filter(r)
  RETURN collect(r {.*, type: type(r), source: a.id, target: b.id}) AS edges
}
RETURN [n IN nodes | n {.*}] AS nodes, edges
// ---

// name: networkColumns
// The filtered graph as columns, one list per property (list i of a column belongs to node i),
// rather than one map per node and edge: the driver decodes a few long lists several times faster
// than tens of thousands of maps. Nodes carry the short properties (no descriptions, figures or
// citations: those come from `nodesByIds` when a query asks for them); edges are those leaving a
// kept node (the server drops the ones whose target was filtered out) with their short properties.
// Edge ids are not read: they are `type:source:target[:role]` (server/import/validate.ts), rebuilt
// by the server from the columns.
MATCH (n:Entity)
WHERE
  // include: visible(n)
  AND
  // include: node-filter(n)
WITH collect(n) AS kept
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE
    // include: visible(r)
    AND
    // include: relationship-filter(r)
  RETURN collect(r) AS rels, collect(a.id) AS sources, collect(b.id) AS targets
}
// List comprehensions keep nulls (collect() would skip them), so the columns stay aligned.
RETURN {id: [n IN kept | n.id], kind: [n IN kept | n.kind], name: [n IN kept | n.name], aliases: [n IN kept | n.aliases],
        acronym: [n IN kept | n.acronym], shortName: [n IN kept | n.shortName], type: [n IN kept | n.type],
        sector: [n IN kept | n.sector], scope: [n IN kept | n.scope], country: [n IN kept | n.country],
        region: [n IN kept | n.region], founded: [n IN kept | n.founded], dissolved: [n IN kept | n.dissolved],
        series: [n IN kept | n.series], forumKind: [n IN kept | n.forumKind], year: [n IN kept | n.year],
        start: [n IN kept | n.start], `end`: [n IN kept | n.end], instrumentKind: [n IN kept | n.instrumentKind],
        adopted: [n IN kept | n.adopted], activeFrom: [n IN kept | n.activeFrom], activeTo: [n IN kept | n.activeTo]} AS nodes,
       {type: [r IN rels | type(r)], source: sources, target: targets, role: [r IN rels | r.role],
        since: [r IN rels | r.since], until: [r IN rels | r.until], year: [r IN rels | r.year], note: [r IN rels | r.note],
        activeFrom: [r IN rels | r.activeFrom], activeTo: [r IN rels | r.activeTo]} AS edges
// ---

// name: neighbourhood
// Nodes within $depth (1–3) steps of $id, breadth-first over the relationships that pass the
// filter (rings unrolled), then the nodes that pass it (the centre always does), ranked by
// distance, then degree (most connected first), then id, and cut at $limit nodes; `truncated` says
// whether more were within reach. A ring is only expanded while the nodes found so far fit in
// $limit, so hubs (an issue thousands of organisations work on) cost little once the limit is
// reached. Columns as in `networkColumns`; with $full also the nodes' and edges' full property
// maps (descriptions, citations). No row when $id does not exist.
MATCH (centre:Entity {id: $id})
WHERE
  // include: visible(centre)
CALL (centre) {
  MATCH (centre)-[r1]-(n1:Entity)
  WHERE n1 <> centre
    AND
      // include: visible(r1)
    AND
      // include: visible(n1)
    AND
      // include: relationship-filter(r1)
  RETURN collect(DISTINCT n1) AS ring1
}
WITH centre, ring1, size([n IN ring1 WHERE
  // include: node-filter(n)
]) AS found1
CALL (centre, ring1, found1) {
  UNWIND CASE WHEN $depth >= 2 AND 1 + found1 <= $limit THEN ring1 ELSE [] END AS x
  MATCH (x)-[r2]-(n2:Entity)
  WHERE n2 <> centre AND NOT n2 IN ring1
    AND
      // include: visible(r2)
    AND
      // include: visible(n2)
    AND
      // include: relationship-filter(r2)
  RETURN collect(DISTINCT n2) AS ring2
}
WITH centre, ring1, ring2, found1 + size([n IN ring2 WHERE
  // include: node-filter(n)
]) AS found2
CALL (centre, ring1, ring2, found2) {
  UNWIND CASE WHEN $depth >= 3 AND 1 + found2 <= $limit THEN ring2 ELSE [] END AS x
  MATCH (x)-[r3]-(n3:Entity)
  WHERE n3 <> centre AND NOT n3 IN ring1 AND NOT n3 IN ring2
    AND
      // include: visible(r3)
    AND
      // include: visible(n3)
    AND
      // include: relationship-filter(r3)
  RETURN collect(DISTINCT n3) AS ring3
}
UNWIND [[centre, 0]] + [n IN ring1 | [n, 1]] + [n IN ring2 | [n, 2]] + [n IN ring3 | [n, 3]] AS ringed
WITH ringed[0] AS n, ringed[1] AS distance
WHERE distance = 0 OR
  // include: node-filter(n)
WITH n, distance, COUNT { (n)--() } AS degree
ORDER BY distance, degree DESC, n.id
LIMIT $limit + 1
WITH collect(n) AS ranked
WITH ranked[..$limit] AS nodes, size(ranked) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes
    AND
      // include: visible(r)
    AND
      // include: relationship-filter(r)
  // collect() skips the nulls, so fullEdges stays empty unless $full.
  RETURN collect(r) AS rels, collect(a.id) AS sources, collect(b.id) AS targets,
         collect(CASE WHEN $full THEN r {.*, type: type(r), source: a.id, target: b.id} END) AS fullEdges
}
RETURN {id: [n IN nodes | n.id], kind: [n IN nodes | n.kind], name: [n IN nodes | n.name], aliases: [n IN nodes | n.aliases],
        acronym: [n IN nodes | n.acronym], shortName: [n IN nodes | n.shortName], type: [n IN nodes | n.type],
        sector: [n IN nodes | n.sector], scope: [n IN nodes | n.scope], country: [n IN nodes | n.country],
        region: [n IN nodes | n.region], founded: [n IN nodes | n.founded], dissolved: [n IN nodes | n.dissolved],
        series: [n IN nodes | n.series], forumKind: [n IN nodes | n.forumKind], year: [n IN nodes | n.year],
        start: [n IN nodes | n.start], `end`: [n IN nodes | n.end], instrumentKind: [n IN nodes | n.instrumentKind],
        adopted: [n IN nodes | n.adopted], activeFrom: [n IN nodes | n.activeFrom], activeTo: [n IN nodes | n.activeTo]} AS nodes,
       {type: [r IN rels | type(r)], source: sources, target: targets, role: [r IN rels | r.role],
        since: [r IN rels | r.since], until: [r IN rels | r.until], year: [r IN rels | r.year], note: [r IN rels | r.note],
        activeFrom: [r IN rels | r.activeFrom], activeTo: [r IN rels | r.activeTo]} AS edges,
       truncated,
       CASE WHEN $full THEN [n IN nodes | n {.*}] ELSE [] END AS fullNodes,
       fullEdges
// ---

// name: expand
// A network opened up: the node, its members (MEMBER_OF sources passing the filter), and every
// relationship touching a member whose other end passes the filter. No row when $id does not exist.
MATCH (hub:Entity {id: $id})
WHERE
  // include: visible(hub)
OPTIONAL MATCH (m:Entity)-[membership:MEMBER_OF]->(hub)
WHERE
  // include: visible(membership)
  AND
  // include: visible(m)
  AND ($yearTo IS NULL OR membership.activeFrom IS NULL OR membership.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR membership.activeTo IS NULL OR membership.activeTo >= $yearFrom)
  AND
    // include: node-filter(m)
WITH hub, collect(DISTINCT m) AS members
CALL (hub, members) {
  UNWIND members AS m
  MATCH (m)-[r]-(o:Entity)
  WHERE (type(r) = 'MEMBER_OF' AND o = hub OR $relationshipTypes IS NULL OR type(r) IN $relationshipTypes)
    AND ($yearTo IS NULL OR r.activeFrom IS NULL OR r.activeFrom <= $yearTo)
    AND ($yearFrom IS NULL OR r.activeTo IS NULL OR r.activeTo >= $yearFrom)
    AND
      // include: visible(r)
    AND
      // include: visible(o)
    AND (o = hub OR
      // include: node-filter(o)
    )
  RETURN collect(DISTINCT r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS edges,
         collect(DISTINCT o) AS others
}
UNWIND [hub] + members + others AS n
WITH DISTINCT n, hub, members, edges
RETURN collect(n {.*}) AS nodes, edges, [m IN members | m.id] AS memberIds, hub.id AS id
// ---
