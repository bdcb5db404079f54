// Gives a draft's commit lease back, recording the commit when it succeeded: which dataset, who,
// when, and its files (so that any app instance serves the dataset's zip, after a restart too).
// Parameters: id (string), token (string: the lease's), commit (map {committedDatasetId,
// committedSourceId, committedBy, committedFilesJson}, or null when the commit failed).
// Returns: id (string), one row; no row when the lease is not this token's.
MATCH (d:Draft {id: $id})
WHERE d.commitToken = $token
FOREACH (commit IN CASE WHEN $commit IS NULL THEN [] ELSE [$commit] END |
  SET d += commit, d.committedAt = datetime())
REMOVE d.commitToken, d.commitStartedAt
RETURN d.id AS id
