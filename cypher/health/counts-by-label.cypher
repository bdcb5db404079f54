// Node counts per label, for /api/health and the client's legend: one static count per label the
// app knows (a bare count without grouping, which Neo4j's count store answers:
// NodeCountFromCountStore), never a scan.
// Parameters: none. Returns: label (string), count (integer), one row per label that has nodes,
// ordered by label.
CALL () { MATCH (n:Actor) RETURN count(n) AS c_actor }
CALL () { MATCH (n:Claim) RETURN count(n) AS c_claim }
CALL () { MATCH (n:Dataset) RETURN count(n) AS c_dataset }
CALL () { MATCH (n:Event) RETURN count(n) AS c_event }
CALL () { MATCH (n:Forum) RETURN count(n) AS c_forum }
CALL () { MATCH (n:Passage) RETURN count(n) AS c_passage }
CALL () { MATCH (n:Source) RETURN count(n) AS c_source }
UNWIND [
  {name: 'Actor', count: c_actor},
  {name: 'Claim', count: c_claim},
  {name: 'Dataset', count: c_dataset},
  {name: 'Event', count: c_event},
  {name: 'Forum', count: c_forum},
  {name: 'Passage', count: c_passage},
  {name: 'Source', count: c_source}
] AS row
WITH row WHERE row.count > 0
RETURN row.name AS label, row.count AS count
ORDER BY label
