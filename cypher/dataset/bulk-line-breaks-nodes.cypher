// Bulk import, before the schema and before the database is swapped in: puts back the line
// breaks the CSV writer wrote as markers ($lf for "\n", $cr for "\r": control characters no
// dataset text may hold), so that no field of the importer's files spans lines and the importer
// reads them in parallel chunks. Run only for the (label, key) pairs where the writer wrote one;
// the key holds a string or a list of strings. In batches, in an implicit transaction: on `large`
// it rewrites every source's full text.
// Parameters: label (string: a model label), key (string: a property key), lf (string), cr (string).
// Returns: fixed (integer), one row.
MATCH (n:$($label))
WHERE CASE
  WHEN n[$key] IS :: STRING THEN n[$key] CONTAINS $lf OR n[$key] CONTAINS $cr
  ELSE any(element IN n[$key] WHERE element CONTAINS $lf OR element CONTAINS $cr)
END
// Only the entity crosses into the batches, not its text: the rows before them may be buffered.
CALL (n) {
  SET n[$key] = CASE
    WHEN n[$key] IS :: STRING THEN replace(replace(n[$key], $lf, "\n"), $cr, "\r")
    ELSE [element IN n[$key] | replace(replace(element, $lf, "\n"), $cr, "\r")]
  END
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(n) AS fixed
