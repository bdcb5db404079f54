// What a page of counterparts shows: each counterpart's listed events (with their forums and
// evidence), the names of its forums, and the aggregate claims ("met 18 times") about the actor
// and the counterpart (from the pair's MET relationship) or about the counterpart and a listed
// event, within the window, the largest first, at most `listedClaims` of them with evidence.
// Parameters: rows (list of {counterpart: string, pair: string, events: [event ids], forums:
// [forum ids]}), from, to (ISO dates or null), listedClaims (integer).
// Returns: counterpart (string), events (list of {event: Node, forums: [{id, name}], evidence}, in
// date order), forums (list of {id, name}), aggregates (list of {claim: Node, evidence}: the
// largest values first, those without one last, then by id), aggregateCount (integer, all of
// them), one row per row given, in the same order. Each evidence is a list of passage ids (their
// projection with their sources is cypher/evidence/passages.cypher).
UNWIND range(0, size($rows) - 1) AS index
WITH index, $rows[index] AS row
MATCH (b:Actor {id: row.counterpart})
OPTIONAL MATCH ()-[r:MET {pair: row.pair}]->()
WITH index, row, b, COLLECT {
    CALL (r, row, b) {
      UNWIND coalesce(r.claims, []) AS id
      MATCH (c:Claim {id: id})
      RETURN c
      UNION
      UNWIND row.events AS id
      MATCH (:Event {id: id})<-[:ABOUT]-(c:Claim {kind: 'aggregate'})
      WHERE (c)-[:ABOUT]->(b)
      RETURN c
    }
    WITH c
    WHERE ($from IS NULL OR coalesce(c.periodEnd, c.dateEnd) IS NULL OR coalesce(c.periodEnd, c.dateEnd) >= date($from))
      AND ($to IS NULL OR coalesce(c.periodStart, c.dateStart) IS NULL OR coalesce(c.periodStart, c.dateStart) <= date($to))
    RETURN c
    ORDER BY c.value IS NULL, c.value DESC, c.id
  } AS claims
RETURN index, b.id AS counterpart,
  COLLECT {
    UNWIND row.events AS id
    MATCH (e:Event {id: id})
    RETURN {
      event: e,
      forums: [(e)-[:AT_FORUM]->(f:Forum) | f {.id, .name}],
      evidence: [(e)-[:EVIDENCED_BY]->(p:Passage) | p.id]
    } AS item
    ORDER BY e.dateStart, e.id
  } AS events,
  COLLECT {
    UNWIND row.forums AS id
    MATCH (f:Forum {id: id})
    RETURN f {.id, .name} AS forum ORDER BY f.name, f.id
  } AS forums,
  [c IN claims[..toInteger($listedClaims)] | {claim: c, evidence: [(c)-[:EVIDENCED_BY]->(p:Passage) | p.id]}] AS aggregates,
  size(claims) AS aggregateCount
ORDER BY index
