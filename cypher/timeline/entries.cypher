// Dated events and claims in date order (a claim without a date of its own is placed by its
// quantity's period), overlapping the window.
// Parameters: types (list: Event, Claim), from, to (ISO dates or null), limit (integer).
// Returns: node (Node), start, end (Date), precision, text (string), at most limit + 1 rows
// (one more tells that the limit cut the list).
MATCH (n)
WHERE (n:Event OR n:Claim)
  AND any(label IN labels(n) WHERE label IN $types)
WITH n,
  CASE WHEN n.dateStart IS NOT NULL THEN 'date' ELSE 'period' END AS basis
WITH n,
  CASE basis WHEN 'date' THEN n.dateStart ELSE n.periodStart END AS start,
  CASE basis WHEN 'date' THEN coalesce(n.dateEnd, n.dateStart) ELSE coalesce(n.periodEnd, n.periodStart) END AS end,
  CASE basis WHEN 'date' THEN n.datePrecision ELSE n.periodPrecision END AS precision,
  CASE basis WHEN 'date' THEN n.dateText ELSE n.periodText END AS text
WHERE start IS NOT NULL
  AND ($from IS NULL OR end >= date($from))
  AND ($to IS NULL OR start <= date($to))
RETURN n AS node, start, end, precision, text
ORDER BY start, end, n.id
LIMIT toInteger($limit) + 1
