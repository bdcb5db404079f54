// The speakers of a statement (a claim may be stated by several actors).
// Parameters: id (string, a claim id). Returns: speaker (map {id, name}), one row per speaker.
MATCH (c:Claim {id: $id})-[:STATED_BY]->(a:Actor)
RETURN a {.id, .name} AS speaker
ORDER BY a.name
