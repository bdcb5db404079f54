// Node counts per label, for /api/health and the client's legend: one static count per label the
// app knows, each answered by Neo4j's count store (NodeCountFromCountStore), never a scan.
// Parameters: none. Returns: label (string), count (integer), one row per label that has nodes,
// ordered by label.
CALL () {
  MATCH (n:Actor) RETURN 'Actor' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Claim) RETURN 'Claim' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Dataset) RETURN 'Dataset' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Event) RETURN 'Event' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Forum) RETURN 'Forum' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Passage) RETURN 'Passage' AS label, count(n) AS count
  UNION ALL
  MATCH (n:Source) RETURN 'Source' AS label, count(n) AS count
}
WITH label, count WHERE count > 0
RETURN label, count
ORDER BY label
