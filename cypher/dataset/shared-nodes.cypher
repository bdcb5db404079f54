// Streaming load, before anything is written: how many nodes of this dataset another dataset
// holds too. The streaming loader replaces a dataset's nodes wholesale, so it refuses to load
// over shared nodes (the transactional loader merges them).
// Parameters: dataset (string). Returns: shared (integer), one row.
MATCH (n:Source|Passage|Actor|Forum|Event|Claim)
WHERE $dataset IN n.datasets AND size(n.datasets) > 1
RETURN count(n) AS shared
