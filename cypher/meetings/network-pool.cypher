// The candidates of the who-met-whom overview: the pooled MET relationships among the `actors`
// most active actors (each one's strongest ties among them; meetings/project-pool), found by an
// index seek on `pool`, and how many pairs met in all (from the count store).
// Parameters: actors (integer). Returns: pair (string), a, b (strings, actor ids, a < b), count
// (integer), years, yearCounts (lists of integers), undated (integer), pairs (integer, all MET
// relationships), one row per pooled pair.
CALL () {
  MATCH ()-[m:MET]->()
  RETURN count(m) AS pairs
}
MATCH (a:Actor)-[r:MET]->(b:Actor)
WHERE r.pool <= $actors
RETURN r.pair AS pair, a.id AS a, b.id AS b, r.count AS count, r.years AS years,
  r.yearCounts AS yearCounts, coalesce(r.undated, 0) AS undated, pairs
