// One ring of a neighbourhood: the not-yet-seen neighbours of a frontier, nearest first (those
// linked to most frontier nodes, then the best connected), filtered by labels, relationship
// types and a date window (undated nodes always pass the window). Only the stored relationship
// types are walked: the derived MET relationships are the who-met-whom view's, not a neighbourhood's.
// Parameters: frontier (list of element ids), seen (list of element ids), labels (list or null),
// rels (list or null), from (ISO date or null), to (ISO date or null), offset (integer, neighbours
// to skip: the pages already shown), budget (integer).
// Returns: node (Node), elementId (string), at most budget + 1 rows (one more tells that the
// budget cut the ring).
MATCH (f)-[r:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-(n)
WHERE elementId(f) IN $frontier
  AND NOT elementId(n) IN $seen
  AND ($rels IS NULL OR type(r) IN $rels)
  AND ($labels IS NULL OR any(label IN labels(n) WHERE label IN $labels))
  AND ($from IS NULL OR coalesce(n.dateEnd, n.dateStart, n.periodEnd) IS NULL
       OR coalesce(n.dateEnd, n.dateStart, n.periodEnd) >= date($from))
  AND ($to IS NULL OR coalesce(n.dateStart, n.periodStart) IS NULL
       OR coalesce(n.dateStart, n.periodStart) <= date($to))
WITH n, count(DISTINCT f) AS links
RETURN n AS node, elementId(n) AS elementId
ORDER BY links DESC, (COUNT { (n)--() } - COUNT { (n)-[:MET]-() }) DESC, n.id
SKIP toInteger($offset)
LIMIT toInteger($budget) + 1
