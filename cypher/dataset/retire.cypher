// Streaming load, publish (in one transaction with publish-staged and merge-dataset): the nodes
// an earlier load of this dataset wrote lose their model labels and become Retired, so readers
// stop seeing them at the same commit that shows the new ones; they are deleted after it.
// Parameters: dataset (string). Returns: retired (integer), one row.
MATCH (n:Source|Passage|Actor|Forum|Event|Claim)
WHERE $dataset IN n.datasets
SET n:Retired
REMOVE n:Source:Passage:Actor:Forum:Event:Claim
RETURN count(n) AS retired
