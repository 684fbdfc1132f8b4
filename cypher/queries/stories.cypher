// Teaching stories (loaded from data/stories/ by the dataset loader).

// name: allStories
// Every story in its bundled order.
MATCH (s:Story)
WHERE
  // include: visible(s)
RETURN s {.*} AS story
ORDER BY s.position, s.id
// ---

// name: storyById
// One story, or no row.
MATCH (s:Story {id: $id})
WHERE
  // include: visible(s)
RETURN s {.*} AS story
