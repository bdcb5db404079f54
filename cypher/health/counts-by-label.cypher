// Node counts per label, for /api/health and the client's legend.
// Parameters: none. Returns: label (string), count (integer), one row per label, ordered by label.
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
