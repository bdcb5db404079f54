// First step of a (re)load of a dataset whose footprint is recorded (dataset/set-footprint): takes
// the dataset off the `datasets` list of the nodes and relationships of that footprint only. Each
// node is found by its id, one unique-index seek per label (ids are unique per label:
// cypher/schema.cypher); each relationship between its two ends (Expand(Into) starts from the end
// with fewer relationships, so a hub actor is not read whole). No label or relationship scan:
// dataset/retract is the scan, for a dataset loaded without a footprint (streaming or bulk).
// The merge steps put the dataset back on what it still holds; dataset/prune-footprint then
// deletes what no dataset holds any more. Run inside the loader's transaction.
// Parameters: dataset (string), nodes (list of string: ids of the nodes it held), links (list of
// {from, to}: ids of the ends of the relationships it held).
// Returns: nodes (integer), relationships (integer), one row.
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
  WHERE $dataset IN n.datasets
  SET n.datasets = [d IN n.datasets WHERE d <> $dataset]
  RETURN count(n) AS nodes
}
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
  WHERE $dataset IN r.datasets
  WITH DISTINCT r
  SET r.datasets = [d IN r.datasets WHERE d <> $dataset]
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
