// Where a node comes from: every passage that evidences it, in the order of its source, with
// the source's metadata and author.
// Parameters: elementId (string, of a node found by nodes/by-id). Returns: passage (map), source
// (map), one row per passage; no row when the node has no evidence.
MATCH (n)-[:EVIDENCED_BY]->(p:Passage)-[:IN_SOURCE]->(s:Source)
WHERE elementId(n) = $elementId
OPTIONAL MATCH (s)-[:AUTHORED_BY]->(author:Actor)
RETURN
  p {.id, .exact, .prefix, .suffix, .start, .end, .paragraph, .paragraphOffset} AS passage,
  s {.id, .title, .author, .authorAffiliation, .publisher, .url, .publishedStart, .publishedEnd,
     .publishedPrecision, .publishedText, authorId: author.id, authorName: author.name} AS source
ORDER BY s.id, p.start, p.id
