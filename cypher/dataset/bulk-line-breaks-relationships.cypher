// Bulk import, before the database is swapped in: the relationships' line breaks, as
// bulk-line-breaks-nodes does for nodes (the CSV writer wrote "\n" as $lf and "\r" as $cr). Run
// only for the (type, key) pairs where the writer wrote one; the key holds a string or a list of
// strings. In batches, in an implicit transaction.
// Parameters: type (string: a relationship type of the model), key (string: a property key),
// lf (string), cr (string). Returns: fixed (integer), one row.
MATCH ()-[r:$($type)]->()
WHERE CASE
  WHEN r[$key] IS :: STRING THEN r[$key] CONTAINS $lf OR r[$key] CONTAINS $cr
  ELSE any(element IN r[$key] WHERE element CONTAINS $lf OR element CONTAINS $cr)
END
// Only the entity crosses into the batches, not its text: the rows before them may be buffered.
CALL (r) {
  SET r[$key] = CASE
    WHEN r[$key] IS :: STRING THEN replace(replace(r[$key], $lf, "\n"), $cr, "\r")
    ELSE [element IN r[$key] | replace(replace(element, $lf, "\n"), $cr, "\r")]
  END
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(r) AS fixed
