// A page of a draft's decisions, the newest first, undone ones included.
// Parameters: id (string), offset (integer), limit (integer). Returns: total (integer: all its
// decisions), decisions (list of ReviewDecision maps, at and undoneAt as ISO 8601 strings), one row;
// no row for an unknown draft.
MATCH (d:Draft {id: $id})
RETURN COUNT { (d)-[:HAS_DECISION]->(:ReviewDecision) } AS total,
  COLLECT {
    MATCH (d)-[:HAS_DECISION]->(x:ReviewDecision)
    RETURN x {.*, at: toString(x.at), undoneAt: toString(x.undoneAt)}
    ORDER BY x.seq DESC SKIP toInteger($offset) LIMIT toInteger($limit)
  } AS decisions
