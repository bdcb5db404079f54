// Who an actor met, from the who-met-whom projection: one page of counterparts, the most met
// first, then by name and id (MET's pageLow/pageHigh keys read in index order: a hub's page reads
// the page, not all its ties), each with its MET relationship's counts, latest events, forums and
// claims; or, given a pair key, that one counterpart (an index seek).
// Parameters: actor (string), pair (string or null, "<smaller id>|<larger id>" of the actor and
// one counterpart), offset, limit, listedForums (integers).
// Returns: total (integer, counterparts in all), page (list of {counterpart: Node, pair,
// eventCount, events (ids of the latest events in date order), forums (ids: the first
// `listedForums` in id order), forumCount (integer, all of them), claims (ids)}), one row.
MATCH (a:Actor {id: $actor})
CALL (a) {
  WITH a WHERE $pair IS NULL
  // The actor's ties are in two lists (as the smaller id of a pair, as the larger); each is read in
  // index order, no further than the page's end, and the two are merged.
  CALL () {
    MATCH ()-[r:MET]->(b:Actor)
    WHERE r.pageLow STARTS WITH $actor + '\u0001'
    WITH r, b, r.pageLow AS key ORDER BY key
    LIMIT toInteger($offset) + toInteger($limit)
    RETURN r, b, key
    UNION ALL
    MATCH (b:Actor)-[r:MET]->()
    WHERE r.pageHigh STARTS WITH $actor + '\u0001'
    WITH r, b, r.pageHigh AS key ORDER BY key
    LIMIT toInteger($offset) + toInteger($limit)
    RETURN r, b, key
  }
  WITH a, r, b ORDER BY key
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect({counterpart: b, pair: r.pair, eventCount: r.count, events: r.events, forums: coalesce(r.forums, [])[..toInteger($listedForums)],
                  forumCount: size(coalesce(r.forums, [])), claims: coalesce(r.claims, [])}) AS page, COUNT { (a)-[:MET]-() } AS total
  UNION
  WITH a WHERE $pair IS NOT NULL
  OPTIONAL MATCH (x:Actor)-[r:MET {pair: $pair}]->(y:Actor)
  WHERE a IN [x, y]
  WITH r, CASE WHEN x = a THEN y ELSE x END AS b
  RETURN [row IN [{counterpart: b, pair: r.pair, eventCount: r.count, events: r.events, forums: coalesce(r.forums, [])[..toInteger($listedForums)],
                   forumCount: size(coalesce(r.forums, [])), claims: coalesce(r.claims, [])}] WHERE row.counterpart IS NOT NULL][toInteger($offset)..] AS page,
    CASE WHEN r IS NULL THEN 0 ELSE 1 END AS total
}
RETURN total, page
