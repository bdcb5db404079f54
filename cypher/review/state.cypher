// The review of one draft: its proposals (the stored extraction), every decision taken on it (undone
// ones included; the caller picks each proposal's current one) and the reviewers' selections, and its
// last commit. Decisions and selections hang off the Draft, so no reader query of the explorer sees them.
// Parameters: id (string). Returns: draft (map {id, extractionJson, committedDatasetId, committedAt,
// committedBy}), decisions (list of ReviewDecision maps, at and undoneAt as ISO 8601 strings),
// selections (list of Selection maps, at as a string); no row for an unknown id.
MATCH (d:Draft {id: $id})
RETURN d {.id, .extractionJson, .committedDatasetId, .committedBy, committedAt: toString(d.committedAt)} AS draft,
  COLLECT {
    MATCH (d)-[:HAS_DECISION]->(x:ReviewDecision)
    RETURN x {.*, at: toString(x.at), undoneAt: toString(x.undoneAt)} ORDER BY x.seq
  } AS decisions,
  COLLECT {
    MATCH (d)-[:HAS_SELECTION]->(s:Selection)
    RETURN s {.*, at: toString(s.at)} ORDER BY s.at, s.id
  } AS selections
