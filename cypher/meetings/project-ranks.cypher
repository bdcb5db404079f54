// The who-met-whom projection's ranking of actors: `metRank` 1, 2, … for the `actors` actors in
// the most meetings (ties by id), removed from every other actor. Run after the batches of
// meetings/project-batch. Reads no more than it ranks: the most active by the `meetings` index
// in descending order, chosen before anything is written (a LIMIT above a write must read all
// its input), then the formerly ranked by the `metRank` index (cypher/schema.cypher).
// The bulk load computes the same ranks while it writes MET (server/dataset/bulk-ranks.ts, same
// sizes: poolSize in server/domain/met-projection.ts); change both together.
// Parameters: actors (integer), touched (list of string: the actors whose MET relationships were
// re-projected; empty for a full rebuild).
// Returns: ranked (integer), changed (boolean: the ranking differs from the former one),
// touchedRanked (boolean: a touched actor is ranked, before or now), one row. When neither, no
// ranked actor's ties changed and the pool (meetings/project-pool) stays as it is.
MATCH (a:Actor) WHERE a.meetings > 0
WITH a ORDER BY a.meetings DESC, a.id LIMIT toInteger($actors)
WITH collect(a) AS ranked
CALL () {
  MATCH (a:Actor) WHERE a.metRank IS NOT NULL
  WITH a ORDER BY a.metRank
  RETURN collect(a.id) AS former
}
CALL () {
  MATCH (a:Actor) WHERE a.metRank IS NOT NULL
  REMOVE a.metRank
}
WITH ranked, former, [a IN ranked | a.id] AS now
CALL (ranked) {
  UNWIND range(1, size(ranked)) AS rank
  WITH ranked[rank - 1] AS a, rank
  SET a.metRank = rank
  RETURN count(a) AS count
}
RETURN count AS ranked, former <> now AS changed,
  any(id IN $touched WHERE id IN former OR id IN now) AS touchedRanked
