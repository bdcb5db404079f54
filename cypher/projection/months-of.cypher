// The months in which the given events and claims begin or end, as projection/dates counts them
// (an undated claim by its period): the months a one-transaction load may add to or take from
// the dates summary. Run before the load's writes (the dataset's former events and claims) and
// after (its current ones). Index seeks by id.
// Parameters: ids (list of string: ids of any label; those of events and claims count).
// Returns: months (list of "YYYY-MM", sorted), one row.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Event {id: id}) RETURN n
  UNION ALL
  MATCH (n:Claim {id: id}) RETURN n
}
WITH CASE WHEN n.dateStart IS NOT NULL THEN [n.dateStart, coalesce(n.dateEnd, n.dateStart)]
          ELSE [n.periodStart, coalesce(n.periodEnd, n.periodStart)] END AS bounds
UNWIND bounds AS day
WITH DISTINCT day.year * 100 + day.month AS month
WHERE month IS NOT NULL
WITH month ORDER BY month
RETURN collect(right('000' + toString(month / 100), 4) + '-' + right('0' + toString(month % 100), 2)) AS months
