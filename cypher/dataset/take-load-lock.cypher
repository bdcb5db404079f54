// Streaming load: takes the dataset's load lock, so that two loads of one dataset never clear or
// publish each other's staged nodes. A lock whose heartbeat is older than staleMs belongs to a
// load that was killed and is taken over. The lock is a Staging node: no reader sees it.
// Parameters: id (string: "lock:<dataset id>"), token (string: this load's), dataset (string),
// staleMs (integer). Returns: taken (boolean), one row.
MERGE (l:Staging:LoadLock {id: $id})
ON CREATE SET l.token = $token, l.heartbeatAt = datetime(), l.datasets = [$dataset]
WITH l, (l.token = $token OR l.heartbeatAt < datetime() - duration({milliseconds: $staleMs})) AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END | SET l.token = $token, l.heartbeatAt = datetime())
RETURN free AS taken
