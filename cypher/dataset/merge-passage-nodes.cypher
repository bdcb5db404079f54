// Creates or updates the Passage nodes of a dataset: properties are set from the file, and the
// dataset joins the node's `datasets` list (sorted, no repeats). Run inside the loader's transaction.
// Generated from tests/unit/merge-queries.test.ts (one file per label: see there why).
// Parameters: rows (list of {id: string, props: map}), dataset (string, e.g. "dataset:moscow-beijing-2025").
// Returns: written (integer), one row.
UNWIND $rows AS row
MERGE (n:Passage {id: row.id})
WITH n, row, coalesce(n.datasets, []) AS before
SET n = row.props
SET n.datasets = COLLECT { UNWIND before + [$dataset] AS d RETURN DISTINCT d ORDER BY d }
RETURN count(n) AS written
