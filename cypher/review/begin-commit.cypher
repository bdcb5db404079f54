// Takes a draft's commit lease, so that one commit of a draft runs at a time across app instances;
// a lease older than staleMs belongs to a commit that died (a killed instance) and is taken over.
// The SET of reviewedAt comes first: it takes the draft's write lock before the lease is read.
// Parameters: id (string), token (string: this commit's), staleMs (integer). Returns: taken
// (boolean), one row; no row for an unknown draft.
MATCH (d:Draft {id: $id})
SET d.reviewedAt = datetime()
WITH d, (d.commitToken IS NULL OR d.commitStartedAt < datetime() - duration({milliseconds: $staleMs})) AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END | SET d.commitToken = $token, d.commitStartedAt = datetime())
RETURN free AS taken
