// Last step of a (re)load of a dataset whose footprint was recorded: deletes the relationships
// and nodes of its former footprint that no dataset holds any more (an empty `datasets` list).
// Only the former footprint can have lost its last dataset in this load: what the load wrote
// holds the dataset. Index seeks by id, as dataset/retract-footprint; dataset/prune is the scan.
// Run inside the loader's transaction.
// Parameters: nodes (list of string: ids), links (list of {from, to}: ids of relationship ends).
// Returns: nodes (integer), relationships (integer), one row: how many were deleted.
CALL () {
  UNWIND $links AS link
  CALL (link) {
    MATCH (a:Source {id: link.from}) RETURN a
    UNION ALL MATCH (a:Passage {id: link.from}) RETURN a
    UNION ALL MATCH (a:Actor {id: link.from}) RETURN a
    UNION ALL MATCH (a:Forum {id: link.from}) RETURN a
    UNION ALL MATCH (a:Event {id: link.from}) RETURN a
    UNION ALL MATCH (a:Claim {id: link.from}) RETURN a
  }
  CALL (link) {
    MATCH (b:Source {id: link.to}) RETURN b
    UNION ALL MATCH (b:Passage {id: link.to}) RETURN b
    UNION ALL MATCH (b:Actor {id: link.to}) RETURN b
    UNION ALL MATCH (b:Forum {id: link.to}) RETURN b
    UNION ALL MATCH (b:Event {id: link.to}) RETURN b
    UNION ALL MATCH (b:Claim {id: link.to}) RETURN b
  }
  // Both ends bound, each by its own seek: Expand(Into), never an index scan joined on ids.
  MATCH (a)-[r]->(b)
  WHERE r.datasets = []
  WITH DISTINCT r
  DELETE r
  RETURN count(r) AS relationships
}
CALL () {
  UNWIND $nodes AS id
  CALL (id) {
    MATCH (n:Source {id: id}) RETURN n
    UNION ALL MATCH (n:Passage {id: id}) RETURN n
    UNION ALL MATCH (n:Actor {id: id}) RETURN n
    UNION ALL MATCH (n:Forum {id: id}) RETURN n
    UNION ALL MATCH (n:Event {id: id}) RETURN n
    UNION ALL MATCH (n:Claim {id: id}) RETURN n
  }
  WITH DISTINCT n
  WHERE n.datasets = []
  DETACH DELETE n
  RETURN count(n) AS nodes
}
RETURN nodes, relationships
