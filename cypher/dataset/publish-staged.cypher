// Streaming load, publish: every Staging node takes its model label (Actor, Event…) and leaves
// Staging, in the same transaction as retire and merge-dataset: readers see the whole dataset
// at once or not at all. Label changes only; the transaction holds no property or relationship.
// Parameters: none. Returns: published (integer), one row.
MATCH (n:Staging)
SET n:$(n.stagedLabel)
REMOVE n:Staging, n.stagedLabel
RETURN count(n) AS published
