// Ally suggestions: link prediction over the organisation–activity graph.

// name: allies
// Organisations not directly linked to $id, scored by Adamic–Adar over shared items: campaigns,
// forums, issues and instruments an organisation is linked to (CAMPAIGNED_IN, APPEARED_AT,
// WORKS_ON, ADVOCATES, ISSUED, RATIFIED), coalitions it is MEMBER_OF, and partners (PARTNERS_WITH,
// either way). An item shared with n organisations in all adds 1 / ln(n) (n counts each organisation
// once, however many ties it has to the item). Only what the viewer may see ($visible) counts:
// items, ties, the organisations counted and the suggestions. No row when $id is not
// an organisation or has no candidate.
MATCH (a:Organisation {id: $id})
WHERE
  // include: visible(a)
CALL (a) {
  MATCH (a)-[t:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]->(x:Entity)
  WHERE
    // include: visible(t)
    AND
    // include: visible(x)
  WITH DISTINCT x
  RETURN x, CASE WHEN x.kind = 'ORGANISATION' THEN 'MEMBERSHIP' ELSE x.kind END AS category,
         COUNT { MATCH (o:Organisation)-[u:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]->(x)
                 WHERE
                   // include: visible(u)
                   AND
                   // include: visible(o)
                 RETURN DISTINCT o } AS degree
  UNION
  MATCH (a)-[t:PARTNERS_WITH]-(x:Organisation)
  WHERE
    // include: visible(t)
    AND
    // include: visible(x)
  WITH DISTINCT x
  RETURN x, 'PARTNER' AS category,
         COUNT { MATCH (o:Organisation)-[u:PARTNERS_WITH]-(x)
                 WHERE
                   // include: visible(u)
                   AND
                   // include: visible(o)
                 RETURN DISTINCT o } AS degree
}
WITH a, x, category, degree
WHERE degree > 1
CALL (x, category) {
  MATCH (x)<-[t:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]-(b:Organisation)
  WHERE category <> 'PARTNER'
    AND
    // include: visible(t)
    AND
    // include: visible(b)
  RETURN DISTINCT b
  UNION
  MATCH (x)-[t:PARTNERS_WITH]-(b:Organisation)
  WHERE category = 'PARTNER'
    AND
    // include: visible(t)
    AND
    // include: visible(b)
  RETURN DISTINCT b
}
WITH a, b, x, category, degree
// A tie the viewer may not see does not make two organisations "already linked" either.
WHERE b <> a
  AND NOT EXISTS { (a)-[t]-(b)
                   WHERE
                     // include: visible(t)
                 }
WITH b, collect({node: x {.*}, category: category, weight: 1.0 / log(degree)}) AS shared
WITH b, shared, reduce(total = 0.0, item IN shared | total + item.weight) AS score
ORDER BY score DESC, b.name, b.id
LIMIT $limit
RETURN b {.*} AS node, score, shared
