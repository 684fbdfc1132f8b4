// fragment: node-filter(node)
// Whether a node passes the NetworkFilter's node facets and year range ($kinds, $types, $sectors,
// $scopes, $regions, $yearFrom, $yearTo, each null when unused). Organisation facets leave other
// kinds alone; the region facet leaves nodes without a region alone; a node is active in
// [yearFrom, yearTo] unless its dates fall outside it. The browser's copy is passesFilters in
// web/src/graph/view.ts (test/integration/filter-agreement.test.ts checks that they agree).
(($kinds IS NULL OR node.kind IN $kinds)
  AND ($types IS NULL OR node.kind <> 'ORGANISATION' OR node.type IN $types)
  AND ($sectors IS NULL OR node.kind <> 'ORGANISATION' OR node.sector IN $sectors)
  AND ($scopes IS NULL OR node.kind <> 'ORGANISATION' OR node.scope IN $scopes)
  AND ($regions IS NULL OR node.region IS NULL OR node.region IN $regions)
  AND ($yearTo IS NULL OR node.activeFrom IS NULL OR node.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR node.activeTo IS NULL OR node.activeTo >= $yearFrom))
