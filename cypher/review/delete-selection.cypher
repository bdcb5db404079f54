// Deletes a reviewer's selection and every decision taken on it. Run after review/lock-draft in the
// same transaction.
// Parameters: id (string: the draft), selection (string). Returns: deleted (integer: 1, or 0 when
// the draft has no such selection), one row.
OPTIONAL MATCH (d:Draft {id: $id})-[:HAS_SELECTION]->(s:Selection {id: $selection})
CALL (d, s) {
  OPTIONAL MATCH (d)-[:HAS_DECISION]->(x:ReviewDecision {proposal: s.id})
  DETACH DELETE x
}
WITH s, count(s) AS deleted
DETACH DELETE s
RETURN sum(deleted) AS deleted
