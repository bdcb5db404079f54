// One page of the meeting-like events two actors both took part in, in date order (undated last),
// read from the side of the actor in fewer events (so bounded by the smaller of the two).
// Parameters: a, b (strings, actor ids), kinds (list of event kinds), forum (string or null), from,
// to (ISO dates or null; events overlapping the window, undated ones included), offset, limit
// (integers). Returns: total (integer), events (list of ids), one row.
MATCH (x:Actor {id: $a}), (y:Actor {id: $b})
WITH CASE WHEN COUNT { (x)-[:PARTICIPATED_IN]->() } <= COUNT { (y)-[:PARTICIPATED_IN]->() }
          THEN [x, y] ELSE [y, x] END AS ends
WITH ends[0] AS fewer, ends[1] AS more
CALL (fewer, more) {
  MATCH (fewer)-[:PARTICIPATED_IN]->(e:Event)
  WHERE e.kind IN $kinds
    AND EXISTS { (e)<-[:PARTICIPATED_IN]-(more) }
    AND ($from IS NULL OR coalesce(e.dateEnd, e.dateStart) IS NULL OR coalesce(e.dateEnd, e.dateStart) >= date($from))
    AND ($to IS NULL OR e.dateStart IS NULL OR e.dateStart <= date($to))
    AND ($forum IS NULL
         OR EXISTS { (e)-[:AT_FORUM]->(:Forum {id: $forum}) }
         OR EXISTS { (e)-[:PART_OF]->(:Event)-[:AT_FORUM]->(:Forum {id: $forum}) })
  WITH e ORDER BY e.dateStart, e.id
  RETURN collect(e.id) AS ids
}
RETURN size(ids) AS total, ids[toInteger($offset)..toInteger($offset) + toInteger($limit)] AS events
