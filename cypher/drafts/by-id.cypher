// One draft with everything stored on it, and the sources already in the graph with the same text.
// Parameters: id (string). Returns: draft (map of the Draft's properties, createdAt as an ISO 8601
// string), knownSources (list of {id, title}); no row for an unknown id.
MATCH (d:Draft {id: $id})
RETURN d {.*, createdAt: toString(d.createdAt)} AS draft,
  COLLECT { MATCH (s:Source {contentSha256: d.contentSha256}) RETURN s {.id, .title} ORDER BY s.id LIMIT 10 }
    AS knownSources
