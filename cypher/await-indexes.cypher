// Waits until every index is online (after the schema is applied), up to $seconds.
// Parameters: seconds (integer). Returns: nothing.
CALL db.awaitIndexes($seconds)
