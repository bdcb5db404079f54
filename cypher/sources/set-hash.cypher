// Stores the hash of each Source's normalised text (computed by the app: Neo4j has no sha256).
// Parameters: rows (list of {id: string, sha: string}). Returns: updated (integer), one row.
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s.contentSha256 = row.sha
RETURN count(s) AS updated
