// Shortest paths between two nodes over the graph's meaning-bearing relationships, never
// through a Source or Passage (every node shares the one article, so those are trivial hubs);
// evidence is attached to each hop instead.
// Parameters: from, to (strings, element ids of nodes found by nodes/by-id), maxHops (integer,
// 1-6), maxPaths (integer).
// Returns: path (Path), evidence (list, per relationship in path order, of passage ids: the
// relationship's own `evidence`, else the passages of the claim it starts from), at most
// maxPaths rows, shortest first.
MATCH (a), (b)
WHERE elementId(a) = $from AND elementId(b) = $to AND a <> b
MATCH path = allShortestPaths((a)-[:PARTICIPATED_IN|AT_FORUM|MEMBER_OF|HOLDS_ROLE|PART_OF|ABOUT|STATED_BY|CONTRADICTS*..6]-(b))
WHERE length(path) <= $maxHops
  AND none(n IN nodes(path) WHERE n:Source OR n:Passage OR n:Dataset)
WITH path LIMIT toInteger($maxPaths)
RETURN path,
  [r IN relationships(path) | coalesce(r.evidence,
     [(c)-[:EVIDENCED_BY]->(p:Passage) WHERE c = startNode(r) AND c:Claim | p.id])] AS evidence
ORDER BY length(path)
