// The dates summary: the months in which a dated event or claim begins or ends (the time
// sliders' stops), and for each kind of date the longest span of each span class (how far before
// a window the timeline reads that class's entries for those reaching into it). Reads every Event
// and Claim: run after a load, never per request. The span classes are on the nodes (written by
// the loader, or by projection/span-classes-set for nodes loaded before they existed).
// Parameters: none. Returns: months (integer), one row.
CALL () {
  MATCH (n:Event) WHERE n.dateSpanClass IS NOT NULL
  WITH n.dateSpanClass AS class, max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS span
  RETURN collect({class: class, span: span}) AS eventFound
}
CALL () {
  MATCH (n:Claim) WHERE n.dateSpanClass IS NOT NULL
  WITH n.dateSpanClass AS class, max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS span
  RETURN collect({class: class, span: span}) AS claimFound
}
CALL () {
  MATCH (n:Claim) WHERE n.periodSpanClass IS NOT NULL
  WITH n.periodSpanClass AS class, max(duration.inDays(n.periodStart, coalesce(n.periodEnd, n.periodStart)).days) AS span
  RETURN collect({class: class, span: span}) AS periodFound
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
// Indexed by class (0–22, server/domain/span-classes.ts): the longest span in days, at least 0
// (an end before its start counts as 0), or −1 where no entry has that class.
WITH months,
  [c IN range(0, 22) | coalesce(head([f IN eventFound WHERE f.class = c | CASE WHEN f.span < 0 THEN 0 ELSE f.span END]), -1)] AS eventSpans,
  [c IN range(0, 22) | coalesce(head([f IN claimFound WHERE f.class = c | CASE WHEN f.span < 0 THEN 0 ELSE f.span END]), -1)] AS claimSpans,
  [c IN range(0, 22) | coalesce(head([f IN periodFound WHERE f.class = c | CASE WHEN f.span < 0 THEN 0 ELSE f.span END]), -1)] AS periodSpans
MATCH (p:Projection {id: 'projection:derived'})
SET p.months = [m IN months | right('000' + toString(m / 100), 4) + '-' + right('0' + toString(m % 100), 2)],
  p.eventClassSpans = eventSpans,
  p.claimClassSpans = claimSpans,
  p.periodClassSpans = periodSpans
// The single longest spans of earlier versions.
REMOVE p.eventSpanDays, p.claimSpanDays, p.periodSpanDays
RETURN size(months) AS months
