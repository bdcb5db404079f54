// Streaming load: tells that the load holding the lock is alive (see take-load-lock).
// Parameters: id (string), token (string). Returns: held (integer: 0 when another load took it), one row.
MATCH (l:LoadLock {id: $id})
WHERE l.token = $token
SET l.heartbeatAt = datetime()
RETURN count(l) AS held
