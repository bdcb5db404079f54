// The who-met-whom projection's ranking of actors: `metRank` 1, 2, … for the `actors` actors in
// the most meetings (ties by id), removed from every other actor. Run after every batch of
// meetings/project-batch. Reads no more than it ranks: the ranked actors by the `metRank` index,
// the most active by the `meetings` index in descending order (cypher/schema.cypher).
// Parameters: actors (integer). Returns: ranked (integer), one row.
CALL () {
  MATCH (a:Actor) WHERE a.metRank IS NOT NULL
  REMOVE a.metRank
}
MATCH (a:Actor) WHERE a.meetings > 0
WITH a ORDER BY a.meetings DESC, a.id LIMIT toInteger($actors)
WITH collect(a) AS ranked
UNWIND range(1, size(ranked)) AS rank
WITH ranked[rank - 1] AS a, rank
SET a.metRank = rank
RETURN count(a) AS ranked
