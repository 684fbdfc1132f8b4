// Ally suggestions: link prediction over the organisation–activity graph.

// name: allies
// Organisations not directly linked to $id, scored by Adamic–Adar over shared items: campaigns,
// forums, issues and instruments an organisation is linked to (CAMPAIGNED_IN, APPEARED_AT,
// WORKS_ON, ADVOCATES, ISSUED, RATIFIED), coalitions it is MEMBER_OF, and partners (PARTNERS_WITH,
// either way). An item shared with n organisations in all adds 1 / ln(n) (n counts each organisation
// once, however many ties it has to the item). No row when $id is not
// an organisation or has no candidate.
MATCH (a:Organisation {id: $id})
CALL (a) {
  MATCH (a)-[:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]->(x:Entity)
  WITH DISTINCT x
  RETURN x, CASE WHEN x.kind = 'ORGANISATION' THEN 'MEMBERSHIP' ELSE x.kind END AS category,
         COUNT { MATCH (o:Organisation)-[:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]->(x) RETURN DISTINCT o } AS degree
  UNION
  MATCH (a)-[:PARTNERS_WITH]-(x:Organisation)
  WITH DISTINCT x
  RETURN x, 'PARTNER' AS category, COUNT { MATCH (o:Organisation)-[:PARTNERS_WITH]-(x) RETURN DISTINCT o } AS degree
}
WITH a, x, category, degree
WHERE degree > 1
CALL (x, category) {
  MATCH (x)<-[:CAMPAIGNED_IN|APPEARED_AT|WORKS_ON|ADVOCATES|ISSUED|RATIFIED|MEMBER_OF]-(b:Organisation)
  WHERE category <> 'PARTNER'
  RETURN DISTINCT b
  UNION
  MATCH (x)-[:PARTNERS_WITH]-(b:Organisation)
  WHERE category = 'PARTNER'
  RETURN DISTINCT b
}
WITH a, b, x, category, degree
WHERE b <> a AND NOT EXISTS { (a)--(b) }
WITH b, collect({node: x {.*}, category: category, weight: 1.0 / log(degree)}) AS shared
WITH b, shared, reduce(total = 0.0, item IN shared | total + item.weight) AS score
ORDER BY score DESC, b.name, b.id
LIMIT $limit
RETURN b {.*} AS node, score, shared
