// Opens a change to a draft's review inside a write transaction: marks the draft reviewed now, which
// takes its write lock, so that changes to one draft's review (decisions, undo, selections) run one
// at a time on every app instance; then reads what the change is checked against.
// Parameters: id (string). Returns: text (string), extractionJson (string or null), selections (list
// of {id, kind, start, end}), one row; no row for an unknown id.
MATCH (d:Draft {id: $id})
SET d.reviewedAt = datetime()
RETURN d.text AS text, d.extractionJson AS extractionJson,
  COLLECT { MATCH (d)-[:HAS_SELECTION]->(s:Selection) RETURN s {.id, .kind, .start, .end} } AS selections
