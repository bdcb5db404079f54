// The graph's shape for the client's legend and time control: labels and relationship types
// with their counts (a streaming load's Staging and Retired nodes are not part of it), and the span of dated events and claims.
// Parameters: none. Returns: labels (list of {name, count}), relationshipTypes (list of
// {name, count}), dateStart, dateEnd (Date or null), one row.
CALL () {
  MATCH (n) WHERE NOT n:Staging AND NOT n:Retired
  UNWIND labels(n) AS name
  WITH name, count(*) AS count ORDER BY name
  RETURN collect({name: name, count: count}) AS labels
}
CALL () {
  MATCH (a)-[r]->() WHERE NOT a:Staging AND NOT a:Retired
  WITH type(r) AS name, count(*) AS count ORDER BY name
  RETURN collect({name: name, count: count}) AS relationshipTypes
}
CALL () {
  MATCH (n) WHERE (n:Event OR n:Claim) AND coalesce(n.dateStart, n.periodStart) IS NOT NULL
  RETURN min(coalesce(n.dateStart, n.periodStart)) AS dateStart,
         max(coalesce(n.dateEnd, n.dateStart, n.periodEnd, n.periodStart)) AS dateEnd
}
RETURN labels, relationshipTypes, dateStart, dateEnd
