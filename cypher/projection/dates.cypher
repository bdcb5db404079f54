// The dates summary: the months in which a dated event or claim begins or ends (the time
// sliders' stops), and the longest span of each kind of date (how far before a window a
// timeline entry can begin and still reach into it). Reads every Event and Claim: run after a
// load, never per request.
// Parameters: none. Returns: months (integer), one row.
CALL () {
  MATCH (n:Event) WHERE n.dateStart IS NOT NULL
  RETURN max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS eventSpan
}
CALL () {
  MATCH (n:Claim) WHERE n.dateStart IS NOT NULL
  RETURN max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS claimSpan
}
CALL () {
  MATCH (n:Claim) WHERE n.dateStart IS NULL AND n.periodStart IS NOT NULL
  RETURN max(duration.inDays(n.periodStart, coalesce(n.periodEnd, n.periodStart)).days) AS periodSpan
}
CALL () {
  MATCH (n) WHERE n:Event OR n:Claim
  WITH CASE WHEN n.dateStart IS NOT NULL THEN [n.dateStart, coalesce(n.dateEnd, n.dateStart)]
            ELSE [n.periodStart, coalesce(n.periodEnd, n.periodStart)] END AS bounds
  UNWIND bounds AS day
  WITH DISTINCT day.year * 100 + day.month AS month
  WHERE month IS NOT NULL
  WITH month ORDER BY month
  RETURN collect(month) AS months
}
MATCH (p:Projection {id: 'projection:derived'})
SET p.months = [m IN months | right('000' + toString(m / 100), 4) + '-' + right('0' + toString(m % 100), 2)],
  p.eventSpanDays = coalesce(eventSpan, 0),
  p.claimSpanDays = coalesce(claimSpan, 0),
  p.periodSpanDays = coalesce(periodSpan, 0)
RETURN size(months) AS months
