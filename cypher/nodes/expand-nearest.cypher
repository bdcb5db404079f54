// The first ring of a dense node's neighbourhood without filters, read from its precomputed
// list (its FirstRing, cypher/projection/nearest-of.cypher) instead of all its relationships: the
// neighbours at positions offset … offset + budget of the list, in its order, each looked up by
// id (its label is its id's prefix) and kept only if it is still a neighbour. `listed` says how
// long the list is: a page that reaches past it is read by nodes/expand instead.
// Parameters: center (element id), offset (integer), budget (integer).
// Returns: listed (integer, null when the node has no list), neighbours (integer or null: how
// many distinct neighbours it had when the list was made), page (list of {node: Node,
// elementId: string}, at most budget + 1, in list order), one row.
MATCH (c) WHERE elementId(c) = $center
OPTIONAL MATCH (ring:FirstRing {of: c.id})
CALL (c, ring) {
  UNWIND range(toInteger($offset), toInteger($offset) + toInteger($budget)) AS i
  WITH i, ring.nearest[i] AS id
  WHERE id IS NOT NULL
  CALL (id) {
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
  WITH i, n
  WHERE EXISTS { (c)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-(n) }
  WITH i, n ORDER BY i
  RETURN collect({node: n, elementId: elementId(n)}) AS page
}
RETURN size(ring.nearest) AS listed, ring.neighbours AS neighbours, page
