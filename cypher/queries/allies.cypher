// Ally suggestions: link prediction over the organisation–activity graph.

// name: allies
// Organisations not directly linked to $id, scored by Adamic–Adar over shared items. Items are
// organisational (coalitions it is MEMBER_OF, campaigns it CAMPAIGNED_IN, forum occurrences it
// APPEARED_AT, partners either way) or topical (issues and instruments it WORKS_ON, ADVOCATES,
// ISSUED, RATIFIED). A person AFFILIATED_WITH an organisation brings in the campaigns and forum
// occurrences that person took part in (a founder at a conference speaks for her organisation).
// An item held by n organisations in all adds 1 / ln(n). Suggestions are ranked by their
// organisational score first (the sum over organisational items only), then by the whole score:
// sharing a coalition, campaign or meeting says more about who could work together than sharing a
// theme. States and intergovernmental bodies (type GOVERNMENT or INTERGOVERNMENTAL) are suggested
// only when $includeStates. Each shared item carries the relationships tying both organisations to
// it (`edges`, for their citations) and the people it went through (`via`). Only what the viewer
// may see ($visible) counts. No row when $id is not an organisation or has no candidate.
MATCH (a:Organisation {id: $id})
WHERE
  // include: visible(a)
CALL (a) {
  MATCH (a)-[t:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]->(x:Entity)
  WHERE
    // include: visible(t)
    AND
    // include: visible(x)
  RETURN x, CASE WHEN x.kind = 'ORGANISATION' THEN 'MEMBERSHIP' ELSE x.kind END AS category, [t] AS mine, null AS via
  UNION
  MATCH (a)<-[f:AFFILIATED_WITH]-(p:Entity {kind: 'PERSON'})-[t:CAMPAIGNED_IN|APPEARED_AT]->(x:Entity)
  WHERE
    // include: visible(f)
    AND
    // include: visible(p)
    AND
    // include: visible(t)
    AND
    // include: visible(x)
  RETURN x, x.kind AS category, [f, t] AS mine, p.name AS via
  UNION
  MATCH (a)-[t:PARTNERS_WITH]-(x:Organisation)
  WHERE
    // include: visible(t)
    AND
    // include: visible(x)
  RETURN x, 'PARTNER' AS category, [t] AS mine, null AS via
}
WITH a, x, category, collect(mine) AS mine, [v IN collect(via) WHERE v IS NOT NULL] AS via
// Every organisation holding the item, directly or through its people, with the ties that say so.
CALL (x, category) {
  MATCH (x)<-[t:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]-(b:Organisation)
  WHERE category <> 'PARTNER'
    AND
    // include: visible(t)
    AND
    // include: visible(b)
  RETURN b, [t] AS theirs, null AS through
  UNION
  MATCH (x)<-[t:CAMPAIGNED_IN|APPEARED_AT]-(p:Entity {kind: 'PERSON'})-[f:AFFILIATED_WITH]->(b:Organisation)
  WHERE category IN ['CAMPAIGN', 'FORUM']
    AND
    // include: visible(t)
    AND
    // include: visible(p)
    AND
    // include: visible(f)
    AND
    // include: visible(b)
  RETURN b, [t, f] AS theirs, p.name AS through
  UNION
  MATCH (x)-[t:PARTNERS_WITH]-(b:Organisation)
  WHERE category = 'PARTNER'
    AND
    // include: visible(t)
    AND
    // include: visible(b)
  RETURN b, [t] AS theirs, null AS through
}
WITH a, x, category, mine, via, b, collect(theirs) AS theirs, [v IN collect(through) WHERE v IS NOT NULL] AS through
WITH a, x, category, mine, via, collect({b: b, theirs: theirs, through: through}) AS holders
WITH a, x, category, mine, via, holders, size(holders) AS degree
WHERE degree > 1
UNWIND holders AS holder
WITH a, x, category, mine, via, degree, holder.b AS b, holder.theirs AS theirs, holder.through AS through
// A tie the viewer may not see does not make two organisations "already linked" either.
WHERE b <> a
  AND ($includeStates OR NOT coalesce(b.type, '') IN ['GOVERNMENT', 'INTERGOVERNMENTAL'])
  AND NOT EXISTS { (a)-[t]-(b)
                   WHERE
                     // include: visible(t)
                 }
WITH b, collect({
  node: x {.*},
  category: category,
  weight: 1.0 / log(degree),
  via: via + through,
  edges: [rel IN reduce(all = [], path IN mine + theirs | all + path) |
          rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}]
}) AS shared
WITH b, shared,
     reduce(total = 0.0, item IN shared | total + item.weight) AS score,
     reduce(total = 0.0, item IN shared | total + CASE WHEN item.category IN ['ISSUE', 'INSTRUMENT'] THEN 0.0 ELSE item.weight END) AS organisationalScore
ORDER BY organisationalScore DESC, score DESC, b.name, b.id
LIMIT $limit
RETURN b {.*} AS node, score, organisationalScore, shared
