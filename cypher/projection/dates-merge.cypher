// The dates summary after a one-transaction load, without reading every Event and Claim
// (projection/dates does, for a full rebuild):
// - months: each month the dataset's events and claims began or ended in, before or after the
//   load (`candidates`, from projection/months-of), is kept only if some event or claim still
//   begins or ends in it, as projection/dates counts them: one range seek on the date indexes
//   per month and kind of date, stopping at the first hit (events have no period: only claims
//   do, server/dataset/resolve.ts). The other stored months are untouched.
//   So `months` is exactly what projection/dates would compute.
// - spans: for each kind of date and span class, the longest span becomes the larger of the
//   stored one and the dataset's own (a class the dataset brings appears). When the load removed
//   or shortened the longest one, or the last entry of a class, the stored span stays larger than
//   a full rebuild's: an upper bound, which is safe, since the timeline uses it only to look that
//   far before a window for entries of that class reaching into it (an empty class costs it one
//   index seek); the next full rebuild (start-up repair, a streaming or bulk load) tightens it.
// Parameters: candidates (list of "YYYY-MM"), ids (list of string: ids of the events and claims
// the dataset holds now). Returns: months (integer), one row.
MATCH (p:Projection {id: 'projection:derived'})
CALL () {
  UNWIND $ids AS id
  MATCH (n:Event {id: id}) WHERE n.dateSpanClass IS NOT NULL
  WITH n.dateSpanClass AS class, max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS span
  RETURN collect({class: class, span: span}) AS eventFound
}
CALL () {
  UNWIND $ids AS id
  MATCH (n:Claim {id: id}) WHERE n.dateSpanClass IS NOT NULL
  WITH n.dateSpanClass AS class, max(duration.inDays(n.dateStart, coalesce(n.dateEnd, n.dateStart)).days) AS span
  RETURN collect({class: class, span: span}) AS claimFound
}
CALL () {
  UNWIND $ids AS id
  MATCH (n:Claim {id: id}) WHERE n.periodSpanClass IS NOT NULL
  WITH n.periodSpanClass AS class, max(duration.inDays(n.periodStart, coalesce(n.periodEnd, n.periodStart)).days) AS span
  RETURN collect({class: class, span: span}) AS periodFound
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
// Per class (0–22): the larger of the stored span and the dataset's (at least 0), −1 where neither has one.
WITH p, present,
  [c IN range(0, 22) | reduce(m = coalesce(p.eventClassSpans[c], -1), f IN eventFound |
    CASE WHEN f.class = c AND f.span > m THEN f.span WHEN f.class = c AND m < 0 THEN 0 ELSE m END)] AS eventSpans,
  [c IN range(0, 22) | reduce(m = coalesce(p.claimClassSpans[c], -1), f IN claimFound |
    CASE WHEN f.class = c AND f.span > m THEN f.span WHEN f.class = c AND m < 0 THEN 0 ELSE m END)] AS claimSpans,
  [c IN range(0, 22) | reduce(m = coalesce(p.periodClassSpans[c], -1), f IN periodFound |
    CASE WHEN f.class = c AND f.span > m THEN f.span WHEN f.class = c AND m < 0 THEN 0 ELSE m END)] AS periodSpans
WITH p, eventSpans, claimSpans, periodSpans,
  [m IN coalesce(p.months, []) WHERE NOT m IN $candidates] + present AS months
SET p.months = COLLECT { UNWIND months AS m RETURN m ORDER BY m },
  p.eventClassSpans = eventSpans,
  p.claimClassSpans = claimSpans,
  p.periodClassSpans = periodSpans
RETURN size(p.months) AS months
