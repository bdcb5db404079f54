// One node by its id, through the per-label id constraints (an index seek, not a scan).
// Parameters: id (string). Returns: node (Node), degree (integer: relationships of the stored
// types, not the derived MET), evidenceCount (integer), ringed (boolean: it has a precomputed
// first ring, cypher/projection/nearest-of.cypher);
// no row for an unknown id.
CALL () {
  MATCH (n:Actor {id: $id}) RETURN n
  UNION
  MATCH (n:Forum {id: $id}) RETURN n
  UNION
  MATCH (n:Event {id: $id}) RETURN n
  UNION
  MATCH (n:Claim {id: $id}) RETURN n
  UNION
  MATCH (n:Source {id: $id}) RETURN n
  UNION
  MATCH (n:Passage {id: $id}) RETURN n
}
RETURN n AS node,
  (COUNT { (n)--() } - COUNT { (n)-[:MET]-() }) AS degree,
  COUNT { (n)-[:EVIDENCED_BY]->() } AS evidenceCount,
  EXISTS { MATCH (ring:FirstRing {of: n.id}) } AS ringed
LIMIT 1
