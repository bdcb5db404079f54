// Last step of a (re)load: deletes the relationships and nodes that no dataset holds any more
// (an empty `datasets` list; things without the property were not loaded and are left alone).
// Run inside the loader's transaction.
// Parameters: none. Returns: nodes (integer), relationships (integer), one row: how many were deleted.
CALL () {
  MATCH ()-[r]->()
  WHERE r.datasets = []
  DELETE r
  RETURN count(r) AS relationships
}
CALL () {
  MATCH (n:Source|Passage|Actor|Forum|Event|Claim)
  WHERE n.datasets = []
  DETACH DELETE n
  RETURN count(n) AS nodes
}
RETURN nodes, relationships
