// Dated facts for the timeline.

// name: timelineFacts
// Every dated fact of the graph, unfiltered, as columns: the nodes with activeFrom/activeTo (their
// city, for forum labels, and citations) and the relationships with `since` or `year` (ends, type,
// role, years and citations). The server joins them with the filtered graph's columns
// (`networkColumns`: what passes the filter, and the short properties of both ends) into events,
// and keeps those inside [$yearFrom, $yearTo]; so one read serves every filter (but not every
// viewer: only what $visible lets the viewer see is read).
CALL () {
  MATCH (n:Entity)
  WHERE (n.activeFrom IS NOT NULL OR n.activeTo IS NOT NULL)
    AND
    // include: visible(n)
  RETURN collect(n) AS dated
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE (r.since IS NOT NULL OR r.year IS NOT NULL)
    AND
    // include: visible(r)
    AND
    // include: visible(a)
    AND
    // include: visible(b)
  RETURN collect(r) AS rels, collect(a.id) AS sources, collect(b.id) AS targets
}
RETURN {id: [n IN dated | n.id], city: [n IN dated | n.city], citationSources: [n IN dated | n.citationSources],
        locators: [n IN dated | n.locators], evidence: [n IN dated | n.evidence]} AS nodes,
       {type: [r IN rels | type(r)], source: sources, target: targets, role: [r IN rels | r.role], since: [r IN rels | r.since],
        year: [r IN rels | r.year], citationSources: [r IN rels | r.citationSources], locators: [r IN rels | r.locators],
        evidence: [r IN rels | r.evidence]} AS relationships
