// Bulk import, before the database is swapped in: the relationships' line breaks, as
// bulk-line-breaks-nodes does for nodes (the CSV writer wrote "\n" as $lf and "\r" as $cr). Run
// only for the (type, key) pairs where the writer wrote one; the key holds a string or a list of
// strings. In batches, in an implicit transaction.
// Parameters: type (string: a relationship type of the model), key (string: a property key),
// lf (string), cr (string). Returns: fixed (integer), one row.
MATCH ()-[r:$($type)]->()
WITH r, r[$key] AS value
WHERE CASE
  WHEN value IS :: STRING THEN value CONTAINS $lf OR value CONTAINS $cr
  ELSE any(element IN value WHERE element CONTAINS $lf OR element CONTAINS $cr)
END
CALL (r, value) {
  SET r[$key] = CASE
    WHEN value IS :: STRING THEN replace(replace(value, $lf, "\n"), $cr, "\r")
    ELSE [element IN value | replace(replace(element, $lf, "\n"), $cr, "\r")]
  END
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(r) AS fixed
