// The pool the who-met-whom overview is chosen from: for each ranked actor (meetings/project-ranks),
// its `ties` strongest MET relationships to other ranked actors get `pool`: the larger rank of
// the two ends, so that `r.pool <= N` (an index seek) finds the pooled ties among the N most
// active actors. Run after meetings/project-ranks. The marks of the previous ranking are removed
// first (found by the `pool` index): after a one-transaction load only the touched actors' MET
// relationships are new (meetings/touched-actors), the others keep theirs.
// The bulk load computes the same marks while it writes MET (server/dataset/bulk-ranks.ts, same
// sizes: poolSize in server/domain/met-projection.ts); change both together.
// Parameters: ties (integer). Returns: pooled (integer, marks set; a tie two actors both keep
// counts twice), one row.
CALL () {
  MATCH ()-[old:MET]->() WHERE old.pool IS NOT NULL
  REMOVE old.pool
}
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
