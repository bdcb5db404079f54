// Bulk import, before the database is swapped in: Neo4j's importer drops empty lists (to it an
// empty field is no value), but the other loading paths store them; the CSV writer wrote the
// one-element list [$marker] instead (a control character no dataset text may hold), put back here.
// Run only for the (label, key) pairs where the writer wrote one. In batches, in an implicit
// transaction: on `large` millions of relationships and nodes may hold one.
// Parameters: label (string: a model label), key (string: a property key), marker (string).
// Returns: fixed (integer), one row.
MATCH (n:$($label))
WHERE n[$key] = [$marker]
CALL (n) {
  SET n[$key] = []
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(n) AS fixed
