// Stores a new draft of a source under its own label, Draft, which no reader query of the explorer
// matches: it stays out of search, neighbourhoods, paths and counts until it is reviewed and committed.
// Parameters: props (map: id, format, text, contentSha256, title, author, publisher, publishedAt, url,
// paragraphStarts, paragraphEnds, sentenceStarts, sentenceEnds (lists of integers), createdBy,
// extractionJson, proposalCount). Returns: id (string), createdAt (string, ISO 8601),
// knownSources (list of {id, title}: Source nodes whose normalised text has the same hash), one row.
CREATE (d:Draft)
SET d = $props, d.createdAt = datetime()
RETURN d.id AS id,
  toString(d.createdAt) AS createdAt,
  COLLECT { MATCH (s:Source {contentSha256: d.contentSha256}) RETURN s {.id, .title} ORDER BY s.id LIMIT 10 }
    AS knownSources
