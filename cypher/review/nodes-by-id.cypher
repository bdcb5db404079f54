// The explorer's nodes a review refers to (links, participants, speakers), each looked up by its
// label's id constraint: an id no Actor, Forum, Event or Claim has gives no row.
// Parameters: ids (list of strings). Returns: id (string), label (string: Actor, Forum, Event or
// Claim), name (string: a claim's text when it has no name), datasets (list of dataset ids such as
// "dataset:moscow-beijing-2025"), one row per id found.
UNWIND $ids AS wanted
CALL (wanted) {
  MATCH (n:Actor {id: wanted}) RETURN n, 'Actor' AS label
  UNION
  MATCH (n:Forum {id: wanted}) RETURN n, 'Forum' AS label
  UNION
  MATCH (n:Event {id: wanted}) RETURN n, 'Event' AS label
  UNION
  MATCH (n:Claim {id: wanted}) RETURN n, 'Claim' AS label
}
RETURN DISTINCT n.id AS id, label, coalesce(n.name, n.text, n.id) AS name, coalesce(n.datasets, []) AS datasets
