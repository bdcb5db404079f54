// Deletes one draft with its review: the reviewers' decisions and selections go with it.
// Parameters: id (string). Returns: deleted (integer: 1, or 0 for an unknown id), one row.
OPTIONAL MATCH (d:Draft {id: $id})
CALL (d) {
  OPTIONAL MATCH (d)-[:HAS_DECISION|HAS_SELECTION]->(x:ReviewDecision|Selection)
  DETACH DELETE x
}
WITH d, count(d) AS deleted
DETACH DELETE d
RETURN sum(deleted) AS deleted
