// Streaming load, publish: every Staging node of the dataset takes its model label (Actor,
// Event…) and leaves Staging, in the same transaction as retire and merge-dataset: readers see the
// whole dataset at once or not at all. Label changes only; no property or relationship is written.
// Parameters: dataset (string). Returns: published (integer), one row.
MATCH (n:Staging)
WHERE n.datasets = [$dataset] AND NOT n:LoadLock
SET n:$(n.stagedLabel)
REMOVE n:Staging, n.stagedLabel
RETURN count(n) AS published
