// First step of a (re)load: takes the dataset off the `datasets` list of every node and
// relationship it contributed. The merge steps put it back on what the dataset still holds;
// prune then deletes what no dataset holds any more. Run inside the loader's transaction.
// Parameters: dataset (string). Returns: nodes (integer), relationships (integer), one row.
CALL () {
  MATCH (n:Source|Passage|Actor|Forum|Event|Claim)
  WHERE $dataset IN n.datasets
  SET n.datasets = [d IN n.datasets WHERE d <> $dataset]
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WHERE $dataset IN r.datasets
  SET r.datasets = [d IN r.datasets WHERE d <> $dataset]
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
