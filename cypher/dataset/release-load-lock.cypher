// Streaming load: gives the lock back at the end of a load, whether it succeeded or failed.
// Parameters: id (string), token (string). Returns: released (integer), one row.
MATCH (l:LoadLock {id: $id})
WHERE l.token = $token
DELETE l
RETURN count(*) AS released
