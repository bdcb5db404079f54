// Streaming load: deletes a batch of what no reader sees — Staging nodes of a load that failed or
// was killed, Retired nodes of a version that was replaced — with their relationships. Run in a
// loop until it deletes nothing, each batch its own transaction so memory stays bounded.
// Parameters: limit (integer). Returns: deleted (integer), one row.
MATCH (n:Staging|Retired)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(n) AS deleted
