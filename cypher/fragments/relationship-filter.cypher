// fragment: relationship-filter(rel)
// Whether a relationship passes the NetworkFilter: its type ($relationshipTypes) and the year range
// ($yearFrom, $yearTo), each null when unused.
(($relationshipTypes IS NULL OR type(rel) IN $relationshipTypes)
  AND ($yearTo IS NULL OR rel.activeFrom IS NULL OR rel.activeFrom <= $yearTo)
  AND ($yearFrom IS NULL OR rel.activeTo IS NULL OR rel.activeTo >= $yearFrom))
