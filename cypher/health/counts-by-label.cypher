// Node counts per label, for /api/health and the client's legend (a streaming load's Staging and
// Retired nodes are not part of the graph).
// Parameters: none. Returns: label (string), count (integer), one row per label, ordered by label.
MATCH (n) WHERE NOT n:Staging AND NOT n:Retired
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
