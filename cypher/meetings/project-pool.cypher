// The pool the who-met-whom overview is chosen from: for each ranked actor (meetings/project-ranks),
// its `ties` strongest MET relationships to other ranked actors get `pool`: the larger rank of
// the two ends, so that `r.pool <= N` (an index seek) finds the pooled ties among the N most
// active actors. Run after meetings/project-ranks; MET relationships are new at every
// projection, so no older mark remains.
// Parameters: ties (integer). Returns: pooled (integer, marks set; a tie two actors both keep
// counts twice), one row.
MATCH (a:Actor) WHERE a.metRank IS NOT NULL
CALL (a) {
  MATCH (a)-[r:MET]-(b:Actor)
  WHERE b.metRank IS NOT NULL
  WITH r, b ORDER BY r.count DESC, b.metRank
  LIMIT toInteger($ties)
  SET r.pool = CASE WHEN a.metRank > b.metRank THEN a.metRank ELSE b.metRank END
  RETURN count(r) AS marked
}
RETURN sum(marked) AS pooled
