// The dates summary after a one-transaction load, without reading every Event and Claim
// (projection/dates does, for a full rebuild):
// - months: each month the dataset's events and claims began or ended in, before or after the
//   load (`candidates`, from projection/months-of), is kept only if some event or claim still
//   begins or ends in it, as projection/dates counts them: one range seek on the date indexes
//   per month and kind of date, stopping at the first hit (events have no period: only claims
//   do, server/dataset/resolve.ts). The other stored months are untouched.
//   So `months` is exactly what projection/dates would compute.
// - spans: the longest span of each kind of date becomes the larger of the stored one and the
//   dataset's own. When the load removed or shortened the longest one, the stored span stays
//   larger than a full rebuild's: an upper bound, which is safe, since readers use it only to
//   look that far before a window for entries reaching into it; the next full rebuild (start-up
//   repair, a streaming or bulk load) tightens it.
// Parameters: candidates (list of "YYYY-MM"), ids (list of string: ids of the events and claims
// the dataset holds now). Returns: months (integer), one row.
MATCH (p:Projection {id: 'projection:derived'})
CALL () {
  UNWIND $ids AS id
  MATCH (n:Event {id: id}) WHERE n.dateStart IS NOT NULL
  RETURN max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS eventSpan
}
CALL () {
  UNWIND $ids AS id
  MATCH (n:Claim {id: id}) WHERE n.dateStart IS NOT NULL
  RETURN max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS claimSpan
}
CALL () {
  UNWIND $ids AS id
  MATCH (n:Claim {id: id}) WHERE n.dateStart IS NULL AND n.periodStart IS NOT NULL
  RETURN max(duration.inDays(n.periodStart, coalesce(n.periodEnd, n.periodStart)).days) AS periodSpan
}
CALL () {
  UNWIND $candidates AS month
  WITH month, date(month + '-01') AS first
  WITH month, first, first + duration({months: 1}) AS next
  WHERE EXISTS { MATCH (n:Event) WHERE n.dateStart >= first AND n.dateStart < next }
     OR EXISTS { MATCH (n:Event) WHERE n.dateEnd >= first AND n.dateEnd < next AND n.dateStart IS NOT NULL }
     OR EXISTS { MATCH (n:Claim) WHERE n.dateStart >= first AND n.dateStart < next }
     OR EXISTS { MATCH (n:Claim) WHERE n.dateEnd >= first AND n.dateEnd < next AND n.dateStart IS NOT NULL }
     OR EXISTS { MATCH (n:Claim) WHERE n.periodStart >= first AND n.periodStart < next AND n.dateStart IS NULL }
     OR EXISTS { MATCH (n:Claim) WHERE n.periodEnd >= first AND n.periodEnd < next AND n.dateStart IS NULL }
  RETURN collect(month) AS present
}
WITH p, eventSpan, claimSpan, periodSpan,
  [m IN coalesce(p.months, []) WHERE NOT m IN $candidates] + present AS months
SET p.months = COLLECT { UNWIND months AS m RETURN m ORDER BY m },
  p.eventSpanDays = CASE WHEN coalesce(eventSpan, 0) > coalesce(p.eventSpanDays, 0) THEN eventSpan ELSE coalesce(p.eventSpanDays, 0) END,
  p.claimSpanDays = CASE WHEN coalesce(claimSpan, 0) > coalesce(p.claimSpanDays, 0) THEN claimSpan ELSE coalesce(p.claimSpanDays, 0) END,
  p.periodSpanDays = CASE WHEN coalesce(periodSpan, 0) > coalesce(p.periodSpanDays, 0) THEN periodSpan ELSE coalesce(p.periodSpanDays, 0) END
RETURN size(p.months) AS months
