// The chosen edges of the who-met-whom overview, by pair key (an index seek each): both actors,
// the MET relationship's count and dates, how many forums the pair met at, its sample of events
// (only those overlapping the window when one is given) and the aggregate claims that count the
// pair's meetings.
// Parameters: pairs (list of "<a id>|<b id>"), from, to (ISO dates or null).
// Returns: pair (string), a, b (Node), count (integer, all their meetings), first, last (Date or
// null), forumCount (integer), events (list of event ids in date order), reported (list of
// {claim, value, qualifier}, largest first), one row per pair found.
UNWIND $pairs AS key
MATCH (a:Actor)-[r:MET {pair: key}]->(b:Actor)
RETURN key AS pair, a, b, r.count AS count, r.first AS first, r.last AS last, size(coalesce(r.forums, [])) AS forumCount,
  CASE WHEN $from IS NULL AND $to IS NULL THEN r.events ELSE COLLECT {
    UNWIND r.events AS id
    MATCH (e:Event {id: id})
    WHERE ($from IS NULL OR coalesce(e.dateEnd, e.dateStart) IS NULL OR coalesce(e.dateEnd, e.dateStart) >= date($from))
      AND ($to IS NULL OR e.dateStart IS NULL OR e.dateStart <= date($to))
    RETURN e.id ORDER BY e.dateStart, e.id
  } END AS events,
  COLLECT {
    UNWIND r.reported AS id
    MATCH (c:Claim {id: id})
    RETURN {claim: c.id, value: c.value, qualifier: c.qualifier} AS claim
    ORDER BY c.value DESC, c.id
  } AS reported
