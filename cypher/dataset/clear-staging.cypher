// Streaming load: deletes a batch of what no reader sees of one dataset — Staging nodes of a load
// of it that failed or was killed, Retired nodes of a version that was replaced — with their
// relationships (never its load lock). Run in a loop until it deletes nothing, each batch its own
// transaction so memory stays bounded.
// Parameters: dataset (string), limit (integer). Returns: deleted (integer), one row.
MATCH (n:Staging|Retired)
WHERE $dataset IN n.datasets AND NOT n:LoadLock
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(n) AS deleted
