// The first ring of a dense node, precomputed: for each given node with more than `dense` stored
// relationships, a FirstRing node {of: its id} holding `nearest` (the ids of its first `keep`
// neighbours in the order of nodes/expand's first ring: the best connected first, then by id)
// and `neighbours` (how many distinct neighbours it has), so that a hub's neighbourhood reads a
// page of the list and the hub's "+N more" without walking all its relationships
// (server/domain/nodes.ts). The ring lives on a node of its own, with no relationship, so that
// no query returning the hub itself carries the list. The ring of a given node that is no longer
// dense, or no longer exists, is deleted. The nodes are found by id (the label is the id's
// prefix): after a full rebuild those projection/dense-nodes lists, after a one-transaction load
// those whose neighbours it may have changed (the ends of the relationships it held before and
// holds now, and the nodes it holds).
// Parameters: ids (list of node ids), dense (integer), keep (integer).
// Returns: dense (integer, nodes of the list with a first ring now), one row.
UNWIND $ids AS id
WITH DISTINCT id
OPTIONAL CALL (id) {
  MATCH (n:Actor {id: id}) WHERE id STARTS WITH 'actor:' RETURN n
  UNION ALL
  MATCH (n:Forum {id: id}) WHERE id STARTS WITH 'forum:' RETURN n
  UNION ALL
  MATCH (n:Event {id: id}) WHERE id STARTS WITH 'event:' RETURN n
  UNION ALL
  MATCH (n:Claim {id: id}) WHERE id STARTS WITH 'claim:' RETURN n
  UNION ALL
  MATCH (n:Source {id: id}) WHERE id STARTS WITH 'source:' RETURN n
  UNION ALL
  MATCH (n:Passage {id: id}) WHERE id STARTS WITH 'passage:' RETURN n
}
WITH id, n, CASE WHEN n IS NULL THEN 0
  ELSE COUNT { (n)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-() }
  END AS degree
OPTIONAL MATCH (old:FirstRing {of: id})
WITH id, n, degree, old
WHERE degree > $dense OR old IS NOT NULL
CALL (id, n, degree) {
  WITH id, n WHERE degree > $dense
  CALL (n) {
    MATCH (n)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-(m)
    WHERE m <> n
    WITH DISTINCT m
    WITH m ORDER BY (COUNT { (m)--() } - COUNT { (m)-[:MET]-() }) DESC, m.id
    RETURN collect(m.id) AS ranked
  }
  MERGE (ring:FirstRing {of: id})
  SET ring.nearest = ranked[..toInteger($keep)], ring.neighbours = size(ranked)
  // Projection version 2 kept the ring on the node itself: gone with the first rebuild since.
  REMOVE n.nearest, n.neighbours
}
CALL (old, degree) {
  WITH old WHERE old IS NOT NULL AND degree <= $dense
  DELETE old
}
RETURN count(CASE WHEN degree > $dense THEN id END) AS dense
