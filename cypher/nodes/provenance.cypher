// Where a node comes from: every passage that evidences it, in the order of its source (their
// projection with their sources is cypher/evidence/passages.cypher).
// Parameters: elementId (string, of a node found by nodes/by-id). Returns: passage (string, a
// passage id), one row per passage; no row when the node has no evidence.
MATCH (n)-[:EVIDENCED_BY]->(p:Passage)-[:IN_SOURCE]->(s:Source)
WHERE elementId(n) = $elementId
RETURN p.id AS passage
ORDER BY s.id, p.start, p.id
