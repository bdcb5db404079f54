// The one projection of passages with their sources: every evidence the API sends is read here.
// The paragraph comes as a window of at most `room` characters on each side of the passage (the
// server cuts it finer at words), so a source's full text never leaves the database.
// Parameters: ids (list of passage ids), room (integer, characters of paragraph kept each side).
// Returns: passage (map: id, exact, prefix, suffix, start, end, context (the paragraph window),
// contextOffset (where `exact` starts in it, by the loader's offsets)), source (map: id, title,
// author, authorId, authorName, authorAffiliation, publisher, url, published* date properties);
// one row per passage found (unknown ids have none), in no particular order.
MATCH (p:Passage)-[:IN_SOURCE]->(s:Source)
WHERE p.id IN $ids
WITH p, s, toInteger($room) AS room, coalesce(p.paragraph, p.exact) AS paragraph,
  CASE WHEN p.paragraph IS NULL THEN 0 ELSE toInteger(coalesce(p.paragraphOffset, 0)) END AS offset
WITH p, s, room, paragraph, offset, CASE WHEN offset > room THEN offset - room ELSE 0 END AS from
WITH p, s, from, offset,
  substring(paragraph, from, (offset - from) + size(p.exact) + room) AS context,
  [(s)-[:AUTHORED_BY]->(author:Actor) | author][0] AS author
RETURN
  p {.id, .exact, .prefix, .suffix, .start, .end, context: context, contextOffset: offset - from} AS passage,
  s {.id, .title, .author, .authorAffiliation, .publisher, .url, .publishedStart, .publishedEnd,
     .publishedPrecision, .publishedText, authorId: author.id, authorName: author.name} AS source
