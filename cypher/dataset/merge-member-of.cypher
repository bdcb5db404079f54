// Creates or updates the MEMBER_OF relationships of a dataset (Actor → Forum): properties are set from the
// file, and the dataset joins the relationship's `datasets` list. Run inside the loader's transaction.
// Generated from tests/unit/merge-queries.test.ts (one file per type: see there why).
// Parameters: rows (list of {from: string, to: string, props: map}), dataset (string).
// Returns: written (integer), one row; fewer than the rows means an endpoint was missing.
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Forum {id: row.to})
MERGE (a)-[r:MEMBER_OF]->(b)
WITH r, row, coalesce(r.datasets, []) AS before
SET r = row.props
SET r.datasets = COLLECT { UNWIND before + [$dataset] AS d RETURN DISTINCT d ORDER BY d }
RETURN count(r) AS written
