// The relationships among a set of nodes, and for each node how many of its neighbours (under
// the same filters) are outside the set: the "+N more" of a bounded neighbourhood. Stored
// relationship types only (not the derived MET).
// Parameters: ids (list of element ids), labels (list or null), rels (list or null), from, to
// (ISO dates or null). Returns: node (Node), rels (list of Relationship, each once: those that
// start at node), hidden (integer), one row per node. A dense node (one with a precomputed
// neighbour count in its FirstRing, cypher/projection/nearest-of.cypher) without filters is not walked: its
// relationships to the set are found from the other nodes' side, and its "+N more" is its
// neighbour count less those inside. (Each branch aggregates in a CALL of its own, under its
// filter: an aggregation over no rows would still give a row.)
MATCH (a) WHERE elementId(a) IN $ids
OPTIONAL MATCH (ring:FirstRing {of: a.id})
CALL (a, ring) {
  WITH a, ring
  WHERE ring IS NOT NULL AND $rels IS NULL AND $labels IS NULL AND $from IS NULL AND $to IS NULL
  CALL (a) {
    UNWIND $ids AS other
    // b bound first by its own seek, so that the relationships are found by Expand(Into) from
    // the end with fewer of them, never by expanding the dense node for each b.
    CALL (other) {
      MATCH (b) WHERE elementId(b) = other
      RETURN b
    }
    WITH a, b WHERE b <> a
    MATCH (a)-[r:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-(b)
    RETURN collect(CASE WHEN startNode(r) = a THEN r END) AS rels, count(DISTINCT b) AS inside
  }
  RETURN rels, CASE WHEN ring.neighbours > inside THEN ring.neighbours - inside ELSE 0 END AS hidden
  UNION ALL
  WITH a, ring
  WHERE NOT (ring IS NOT NULL AND $rels IS NULL AND $labels IS NULL AND $from IS NULL AND $to IS NULL)
  CALL (a) {
    OPTIONAL MATCH (a)-[r:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS|EVIDENCED_BY|IN_SOURCE|AUTHORED_BY]-(b)
    WHERE ($rels IS NULL OR type(r) IN $rels)
      AND ($labels IS NULL OR any(label IN labels(b) WHERE label IN $labels))
      AND ($from IS NULL OR coalesce(b.dateEnd, b.dateStart, b.periodEnd) IS NULL
           OR coalesce(b.dateEnd, b.dateStart, b.periodEnd) >= date($from))
      AND ($to IS NULL OR coalesce(b.dateStart, b.periodStart) IS NULL
           OR coalesce(b.dateStart, b.periodStart) <= date($to))
    WITH a, r, b, elementId(b) IN $ids AS inside
    RETURN collect(CASE WHEN inside AND startNode(r) = a THEN r END) AS rels,
      count(DISTINCT CASE WHEN NOT inside THEN b END) AS hidden
  }
  RETURN rels, hidden
}
RETURN a AS node, rels, hidden
