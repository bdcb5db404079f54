// One page of the dated events and claims overlapping a window that opens on `from` (a claim
// without a date of its own is placed by its quantity's period), after a cursor. An entry that
// began before `from` still overlaps the window if it spans far enough, so each kind of date is
// read per span class (the number of bits of its span in days, server/domain/span-classes.ts)
// through its (class, start) index, in start order, from that class's own lower bound (`from`
// less the longest span of the class, or the cursor's start if later), `limit + 1` rows per class;
// then the reads are merged. A long entry makes only its own class look far back. The hints keep
// the plan whatever the statistics: on a small graph the planner otherwise sought the start index
// alone and filtered by class, or scanned the whole class index (`SEEK`), both of which read far
// more than a class's own stretch. Each
// read is ordered by its class first (one value in it) so that the order is the index's own and
// `LIMIT` stops the seek (a partial sort of the rows of one start day), rather than sorting every
// entry of the class up to the window's end.
// Parameters: event, claim, period (lists of {class: integer, lower: ISO date}: the classes to
// read of each kind of date; empty for a type not asked for), from (ISO date: the window's
// start), upper (ISO date: the window's end), after (map {start, end, id} or null: the last entry
// of the previous page), limit (integer).
// Returns: entry (map {id, type, name, text, kind}), start, end (Date), precision, text, at most
// limit + 1 rows ordered by start, end, id (one more tells that there is a next page).
CALL () {
  UNWIND $event AS bound
  CALL (bound) {
    MATCH (n:Event)
    USING INDEX SEEK n:Event(dateSpanClass, dateStart)
    WHERE n.dateSpanClass = toInteger(bound.class)
      AND n.dateStart >= date(bound.lower) AND n.dateStart <= date($upper)
    WITH n, n.dateStart AS start, coalesce(n.dateEnd, n.dateStart) AS end
    WHERE end >= date($from)
      AND ($after IS NULL OR start > date($after.start)
           OR (start = date($after.start) AND (end > date($after.end) OR (end = date($after.end) AND n.id > $after.id))))
    RETURN n, start, end, false AS byPeriod
    ORDER BY n.dateSpanClass, start, end, n.id
    LIMIT toInteger($limit) + 1
  }
  RETURN n, start, end, byPeriod
  UNION ALL
  UNWIND $claim AS bound
  CALL (bound) {
    MATCH (n:Claim)
    USING INDEX SEEK n:Claim(dateSpanClass, dateStart)
    WHERE n.dateSpanClass = toInteger(bound.class)
      AND n.dateStart >= date(bound.lower) AND n.dateStart <= date($upper)
    WITH n, n.dateStart AS start, coalesce(n.dateEnd, n.dateStart) AS end
    WHERE end >= date($from)
      AND ($after IS NULL OR start > date($after.start)
           OR (start = date($after.start) AND (end > date($after.end) OR (end = date($after.end) AND n.id > $after.id))))
    RETURN n, start, end, false AS byPeriod
    ORDER BY n.dateSpanClass, start, end, n.id
    LIMIT toInteger($limit) + 1
  }
  RETURN n, start, end, byPeriod
  UNION ALL
  UNWIND $period AS bound
  CALL (bound) {
    MATCH (n:Claim)
    USING INDEX SEEK n:Claim(periodSpanClass, periodStart)
    WHERE n.periodSpanClass = toInteger(bound.class)
      AND n.periodStart >= date(bound.lower) AND n.periodStart <= date($upper)
      AND n.dateStart IS NULL
    WITH n, n.periodStart AS start, coalesce(n.periodEnd, n.periodStart) AS end
    WHERE end >= date($from)
      AND ($after IS NULL OR start > date($after.start)
           OR (start = date($after.start) AND (end > date($after.end) OR (end = date($after.end) AND n.id > $after.id))))
    RETURN n, start, end, true AS byPeriod
    ORDER BY n.periodSpanClass, start, end, n.id
    LIMIT toInteger($limit) + 1
  }
  RETURN n, start, end, byPeriod
}
// Merged and cut first: only the page's entries are read further.
WITH n, start, end, byPeriod
ORDER BY start, end, n.id
LIMIT toInteger($limit) + 1
RETURN n {.id, .name, .text, .kind, type: CASE WHEN n:Event THEN 'Event' ELSE 'Claim' END} AS entry,
  start, end,
  CASE WHEN byPeriod THEN n.periodPrecision ELSE n.datePrecision END AS precision,
  CASE WHEN byPeriod THEN n.periodText ELSE n.dateText END AS text
