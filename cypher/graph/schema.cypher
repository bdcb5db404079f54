// The graph's shape for the client's legend and time control: labels and relationship types
// with their counts (static counts per known label and type: Neo4j's count store answers them,
// NodeCountFromCountStore and RelationshipCountFromCountStore), and the span of dated events and
// claims (the first and last entry of each date index, read in index order).
// Parameters: none. Returns: labels (list of {name, count}), relationshipTypes (list of
// {name, count}), dateStart, dateEnd (Date or null), one row.
CALL () {
  CALL () {
    MATCH (n:Actor) RETURN 'Actor' AS name, count(n) AS count
    UNION ALL
    MATCH (n:Claim) RETURN 'Claim' AS name, count(n) AS count
    UNION ALL
    MATCH (n:Dataset) RETURN 'Dataset' AS name, count(n) AS count
    UNION ALL
    MATCH (n:Event) RETURN 'Event' AS name, count(n) AS count
    UNION ALL
    MATCH (n:Forum) RETURN 'Forum' AS name, count(n) AS count
    UNION ALL
    MATCH (n:Passage) RETURN 'Passage' AS name, count(n) AS count
    UNION ALL
    MATCH (n:Source) RETURN 'Source' AS name, count(n) AS count
  }
  WITH name, count WHERE count > 0
  ORDER BY name
  RETURN collect({name: name, count: count}) AS labels
}
CALL () {
  CALL () {
    MATCH ()-[r:ABOUT]->() RETURN 'ABOUT' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:AT_FORUM]->() RETURN 'AT_FORUM' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:AUTHORED_BY]->() RETURN 'AUTHORED_BY' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:CONTRADICTS]->() RETURN 'CONTRADICTS' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:EVIDENCED_BY]->() RETURN 'EVIDENCED_BY' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:HOLDS_ROLE]->() RETURN 'HOLDS_ROLE' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:IN_SOURCE]->() RETURN 'IN_SOURCE' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:MEMBER_OF]->() RETURN 'MEMBER_OF' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:MET]->() RETURN 'MET' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:PARTICIPATED_IN]->() RETURN 'PARTICIPATED_IN' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:PART_OF]->() RETURN 'PART_OF' AS name, count(r) AS count
    UNION ALL
    MATCH ()-[r:STATED_BY]->() RETURN 'STATED_BY' AS name, count(r) AS count
  }
  WITH name, count WHERE count > 0
  ORDER BY name
  RETURN collect({name: name, count: count}) AS relationshipTypes
}
CALL () {
  CALL () {
    MATCH (n:Event) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.periodStart IS NOT NULL AND n.dateStart IS NULL
    RETURN n.periodStart AS day ORDER BY day LIMIT 1
  }
  RETURN min(day) AS dateStart
}
CALL () {
  CALL () {
    MATCH (n:Event) WHERE n.dateEnd IS NOT NULL RETURN n.dateEnd AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Event) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.dateEnd IS NOT NULL RETURN n.dateEnd AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.dateStart IS NOT NULL RETURN n.dateStart AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.periodEnd IS NOT NULL AND n.dateStart IS NULL AND n.dateEnd IS NULL
    RETURN n.periodEnd AS day ORDER BY day DESC LIMIT 1
    UNION ALL
    MATCH (n:Claim) WHERE n.periodStart IS NOT NULL AND n.dateStart IS NULL AND n.dateEnd IS NULL
    RETURN n.periodStart AS day ORDER BY day DESC LIMIT 1
  }
  RETURN max(day) AS dateEnd
}
RETURN labels, relationshipTypes, dateStart, dateEnd
