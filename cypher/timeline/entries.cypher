// One page of dated events and claims in date order (a claim without a date of its own is placed
// by its quantity's period), after a cursor, without a window's start (timeline/window has one).
// Each kind of date is read through its range index in order (Event.dateStart, Claim.dateStart,
// Claim.periodStart) from `lower` (the cursor's start), so a page reads about `limit` entries per
// kind, not the graph.
// Parameters: types (list: Event, Claim), lower (ISO date: where each index read starts), upper
// (ISO date: where they stop), after (map {start, end, id} or null: the last entry of the
// previous page), limit (integer).
// Returns: entry (map {id, type, name, text, kind}), start, end (Date), precision, text, at most
// limit + 1 rows ordered by start, end, id (one more tells that there is a next page).
CALL () {
  MATCH (n:Event)
  WHERE 'Event' IN $types AND n.dateStart >= date($lower) AND n.dateStart <= date($upper)
  WITH n, n.dateStart AS start, coalesce(n.dateEnd, n.dateStart) AS end
  WHERE $after IS NULL OR start > date($after.start)
    OR (start = date($after.start) AND (end > date($after.end) OR (end = date($after.end) AND n.id > $after.id)))
  RETURN n, start, end, n.datePrecision AS precision, n.dateText AS text
  ORDER BY start, end, n.id
  LIMIT toInteger($limit) + 1
  UNION ALL
  MATCH (n:Claim)
  WHERE 'Claim' IN $types AND n.dateStart >= date($lower) AND n.dateStart <= date($upper)
  WITH n, n.dateStart AS start, coalesce(n.dateEnd, n.dateStart) AS end
  WHERE $after IS NULL OR start > date($after.start)
    OR (start = date($after.start) AND (end > date($after.end) OR (end = date($after.end) AND n.id > $after.id)))
  RETURN n, start, end, n.datePrecision AS precision, n.dateText AS text
  ORDER BY start, end, n.id
  LIMIT toInteger($limit) + 1
  UNION ALL
  MATCH (n:Claim)
  WHERE 'Claim' IN $types AND n.periodStart >= date($lower) AND n.periodStart <= date($upper)
    AND n.dateStart IS NULL
  WITH n, n.periodStart AS start, coalesce(n.periodEnd, n.periodStart) AS end
  WHERE $after IS NULL OR start > date($after.start)
    OR (start = date($after.start) AND (end > date($after.end) OR (end = date($after.end) AND n.id > $after.id)))
  RETURN n, start, end, n.periodPrecision AS precision, n.periodText AS text
  ORDER BY start, end, n.id
  LIMIT toInteger($limit) + 1
}
RETURN n {.id, .name, .text, .kind, type: CASE WHEN n:Event THEN 'Event' ELSE 'Claim' END} AS entry,
  start, end, precision, text
ORDER BY start, end, entry.id
LIMIT toInteger($limit) + 1
