// Events and claims without the span class of the date the timeline places them by: nodes loaded
// before span classes existed (every loader writes them now). Read by the full rebuild, a batch at
// a time in id order through the id constraints' indexes, each label from its own cursor; on a
// database with none missing, one pass over each label.
// Parameters: afterEvent, afterClaim (string: the last id of the previous batch of each label, ''
// at first), batch (integer: rows per label at most).
// Returns: label ('Event' or 'Claim'), id (string), dateStart, dateEnd, periodStart, periodEnd
// (Date or null; periods only for a claim without a date of its own), ordered by label, then id.
CALL () {
  MATCH (n:Event)
  WHERE n.id > $afterEvent AND n.dateStart IS NOT NULL AND n.dateSpanClass IS NULL
  RETURN 'Event' AS label, n.id AS id, n.dateStart AS dateStart, n.dateEnd AS dateEnd,
    null AS periodStart, null AS periodEnd
  ORDER BY id
  LIMIT toInteger($batch)
  UNION ALL
  MATCH (n:Claim)
  WHERE n.id > $afterClaim
    AND ((n.dateStart IS NOT NULL AND n.dateSpanClass IS NULL)
      OR (n.dateStart IS NULL AND n.periodStart IS NOT NULL AND n.periodSpanClass IS NULL))
  RETURN 'Claim' AS label, n.id AS id, n.dateStart AS dateStart, n.dateEnd AS dateEnd,
    CASE WHEN n.dateStart IS NULL THEN n.periodStart END AS periodStart,
    CASE WHEN n.dateStart IS NULL THEN n.periodEnd END AS periodEnd
  ORDER BY id
  LIMIT toInteger($batch)
}
RETURN label, id, dateStart, dateEnd, periodStart, periodEnd
