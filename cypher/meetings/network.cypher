// The projected who-met-whom network: one row per pair of actors who took part in the same
// meeting-like event in the window, with those events.
// Parameters: kinds (list of event kinds that count as meetings), forum (string or null), from,
// to (ISO dates or null), limit (integer, most pairs). Returns: a (Node), b (Node), events (list
// of event ids in date order),
// weight (integer, how many events), reported (list of {claim, value, qualifier} for aggregate
// claims about this pair and no other person, counting their meetings, largest first), one row
// per pair (a.id < b.id), heaviest first.
MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
WHERE a.id < b.id
  AND e.kind IN $kinds
  AND ($from IS NULL OR coalesce(e.dateEnd, e.dateStart) IS NULL OR coalesce(e.dateEnd, e.dateStart) >= date($from))
  AND ($to IS NULL OR e.dateStart IS NULL OR e.dateStart <= date($to))
  AND ($forum IS NULL
       OR EXISTS { (e)-[:AT_FORUM]->(:Forum {id: $forum}) }
       OR EXISTS { (e)-[:PART_OF]->(:Event)-[:AT_FORUM]->(:Forum {id: $forum}) })
WITH a, b, e
ORDER BY e.dateStart, e.id
WITH a, b, collect(DISTINCT e.id) AS events
WITH a, b, events,
     COLLECT {
       MATCH (c:Claim {kind: 'aggregate'})-[:ABOUT]->(a)
       WHERE (c)-[:ABOUT]->(b)
         AND c.unit IN ['meetings', 'engagements', 'calls', 'visits']
         AND COUNT { (c)-[:ABOUT]->(p:Actor {kind: 'person'}) WHERE p <> a AND p <> b } = 0
       RETURN {claim: c.id, value: c.value, qualifier: c.qualifier}
       ORDER BY c.value DESC
     } AS reported
RETURN a, b, events, size(events) AS weight, reported
ORDER BY weight DESC, a.id, b.id
LIMIT toInteger($limit)
