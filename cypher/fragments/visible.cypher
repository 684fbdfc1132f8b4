// fragment: visible(record)
// Whether the viewer may see a node or relationship: its `visibility` is one of $visible, the
// viewer's levels (core/access.ts visibleLevels: PUBLIC for anonymous visitors, MEMBERS too for
// signed-in users, EDITORS too for editors and admins). A record without the property is PUBLIC.
// A relationship is visible only if it and both its ends are: queries test all three, or keep only
// edges between nodes they already kept. The server's in-memory reads work on graphs read through
// this condition, so it is the only place it is written.
(coalesce(record.visibility, 'PUBLIC') IN $visible)
