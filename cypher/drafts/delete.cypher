// Deletes one draft (drafts have no relationships; DETACH in case a later version adds some).
// Parameters: id (string). Returns: deleted (integer: 1, or 0 for an unknown id), one row.
OPTIONAL MATCH (d:Draft {id: $id})
DETACH DELETE d
RETURN count(d) AS deleted
