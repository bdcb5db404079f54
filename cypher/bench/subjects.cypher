// Benchmark: what the endpoint benchmark asks about, picked from the graph loaded (never
// hard-coded, so any dataset will do): the actor in most events (the biggest hub), its most met
// counterpart, the fifth busiest actor (a path's other end), a claim with evidence and the text
// of its first passage (for provenance and a phrase search), and the middle year of event dates.
// Parameters: none.
// Returns: hub, hubName (strings), hubCounterparts (integer, its MET relationships), counterpart
// (string or null), other (string), claim, passage (strings or null), year (integer or null);
// one row.
MATCH (a:Actor)
WITH a ORDER BY COUNT { (a)-[:PARTICIPATED_IN]->() } DESC, a.id LIMIT 5
WITH collect(a) AS busiest
WITH busiest[0] AS hub, busiest[size(busiest) - 1] AS other
CALL (hub) {
  OPTIONAL MATCH (hub)-[r:MET]-(b:Actor)
  RETURN b.id AS counterpart ORDER BY r.count DESC, b.id LIMIT 1
}
CALL () {
  OPTIONAL MATCH (c:Claim)-[:EVIDENCED_BY]->(p:Passage)
  RETURN c.id AS claim, p.exact AS passage ORDER BY c.id, p.start LIMIT 1
}
CALL () {
  OPTIONAL MATCH (e:Event) WHERE e.dateStart IS NOT NULL
  RETURN e.dateStart.year AS first ORDER BY e.dateStart LIMIT 1
}
CALL () {
  OPTIONAL MATCH (e:Event) WHERE e.dateStart IS NOT NULL
  RETURN e.dateStart.year AS last ORDER BY e.dateStart DESC LIMIT 1
}
RETURN hub.id AS hub, hub.name AS hubName, COUNT { (hub)-[:MET]-() } AS hubCounterparts, counterpart,
  other.id AS other, claim, passage, (first + last) / 2 AS year
