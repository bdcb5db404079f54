// Passages by id, with their sources: the evidence behind the hops of a path.
// Parameters: ids (list of passage ids). Returns: passage (map), source (map), one row per passage.
MATCH (p:Passage)-[:IN_SOURCE]->(s:Source)
WHERE p.id IN $ids
OPTIONAL MATCH (s)-[:AUTHORED_BY]->(author:Actor)
RETURN
  p {.id, .exact, .prefix, .suffix, .start, .end, .paragraph, .paragraphOffset} AS passage,
  s {.id, .title, .author, .authorAffiliation, .publisher, .url, .publishedStart, .publishedEnd,
     .publishedPrecision, .publishedText, authorId: author.id, authorName: author.name} AS source
ORDER BY s.id, p.start
