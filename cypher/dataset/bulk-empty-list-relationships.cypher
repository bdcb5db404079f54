// Bulk import, before the database is swapped in: the relationships' empty lists, as
// bulk-empty-list-nodes does for nodes (the importer drops empty lists; the CSV writer wrote
// [$marker] instead). Run only for the (type, key) pairs where the writer wrote one. In batches,
// in an implicit transaction.
// Parameters: type (string: a relationship type of the model), key (string: a property key),
// marker (string). Returns: fixed (integer), one row.
MATCH ()-[r:$($type)]->()
WHERE r[$key] = [$marker]
CALL (r) {
  SET r[$key] = []
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(r) AS fixed
