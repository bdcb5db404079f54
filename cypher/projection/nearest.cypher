// The first ring of a dense node's neighbourhood, precomputed: on every node with more than
// `dense` stored relationships, `nearest` (the ids of its first `keep` neighbours in the order
// of nodes/expand's first ring: the best connected first, then by id) and `neighbours` (how many
// distinct neighbours it has), so that a hub's neighbourhood reads a page of the list and the
// hub's "+N more" without walking all its relationships (server/domain/nodes.ts). Removed from
// nodes that are no longer dense. Reads every node's degree (one count-store lookup each) and
// walks the dense nodes' neighbours: run after a load, never per request.
// Parameters: dense (integer), keep (integer). Returns: dense (integer, nodes with a list), one row.
MATCH (n:Source|Passage|Actor|Forum|Event|Claim)
WITH n, COUNT { (n)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-() } AS degree
WHERE degree > $dense OR n.nearest IS NOT NULL
CALL (n, degree) {
  WITH n WHERE degree > $dense
  MATCH (n)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-(m)
  WHERE m <> n
  WITH DISTINCT m
  WITH m ORDER BY (COUNT { (m)--() } - COUNT { (m)-[:MET]-() }) DESC, m.id
  RETURN collect(m.id) AS ranked
}
SET n.nearest = CASE WHEN degree > $dense THEN ranked[..toInteger($keep)] ELSE null END,
  n.neighbours = CASE WHEN degree > $dense THEN size(ranked) ELSE null END
RETURN count(CASE WHEN degree > $dense THEN n END) AS dense
