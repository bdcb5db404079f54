// The candidates of the who-met-whom overview: the pooled MET relationships among the `actors`
// most active actors (each one's strongest ties among them; meetings/project-pool), found by an
// index seek on `pool`, each weighed by its meetings in the window, and how many pairs met in all
// (from the count store). The window is widened to whole years: a pair's meetings are counted by
// start year on its MET relationship (`years`, `yearCounts`), and its undated meetings count in
// any window, as elsewhere. The weight is worked out here so that those lists (~25 integers a
// pair, ~1,700 pairs) never leave the database.
// Parameters: actors (integer), fromYear, toYear (integers or null: the window's first and last
// years; both null: no window). Returns: pair (string), a, b (strings, actor ids, a < b), weight
// (integer), pairs (integer, all MET relationships), one row per pooled pair, the heaviest first
// (then by pair: the order the backbone reads them in, server/domain/backbone.ts).
CALL () {
  MATCH ()-[m:MET]->()
  RETURN count(m) AS pairs
}
MATCH (a:Actor)-[r:MET]->(b:Actor)
WHERE r.pool <= $actors
WITH a, b, r, pairs, $fromYear IS NULL AND $toYear IS NULL AS whole
// Each list read once (a property read per element otherwise).
WITH a, b, r, pairs, whole,
  CASE WHEN whole THEN [] ELSE coalesce(r.years, []) END AS years,
  CASE WHEN whole THEN [] ELSE coalesce(r.yearCounts, []) END AS yearCounts
RETURN r.pair AS pair, a.id AS a, b.id AS b,
  CASE WHEN whole THEN r.count
  ELSE coalesce(r.undated, 0) + reduce(weight = 0, i IN range(0, size(years) - 1) |
    weight + CASE WHEN ($fromYear IS NULL OR years[i] >= $fromYear) AND ($toYear IS NULL OR years[i] <= $toYear)
                  THEN yearCounts[i] ELSE 0 END)
  END AS weight,
  pairs
ORDER BY weight DESC, pair
