// The candidates of the who-met-whom overview at one forum: pairs of actors who took part in the
// same meeting-like event held at the forum (or in a series held there) within the window,
// counted from the forum's latest `events` such events (so a request reads at most that many
// events and their participants, whatever the forum's or the graph's size).
// Parameters: forum (string), kinds (list of event kinds that count as meetings), from, to (ISO
// dates or null; events overlapping the window, undated ones included), events (integer, most
// events read), sample (integer), candidates (integer, most pairs returned).
// Returns: pair (string), a, b (strings, actor ids, a < b), count (integer), events (ids of the
// latest `sample` of those events, in date order), read (integer, events read), held (integer,
// events of the forum in the window), one row per pair, the most met first.
MATCH (f:Forum {id: $forum})
CALL (f) {
  MATCH (e:Event)-[:AT_FORUM]->(f) RETURN e
  UNION
  MATCH (e:Event)-[:PART_OF]->(:Event)-[:AT_FORUM]->(f) RETURN e
}
WITH e
WHERE e.kind IN $kinds
  AND ($from IS NULL OR coalesce(e.dateEnd, e.dateStart) IS NULL OR coalesce(e.dateEnd, e.dateStart) >= date($from))
  AND ($to IS NULL OR e.dateStart IS NULL OR e.dateStart <= date($to))
WITH e ORDER BY e.dateStart DESC, e.id DESC
WITH collect(e) AS held
UNWIND held[..toInteger($events)] AS e
WITH e, size(held) AS held
MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)<-[:PARTICIPATED_IN]-(b:Actor)
WHERE a.id < b.id
WITH a, b, e, held ORDER BY e.dateStart DESC, e.id DESC
WITH a.id AS a, b.id AS b, held, count(e) AS count, collect(e.id)[..toInteger($sample)] AS latest
ORDER BY count DESC, a, b
LIMIT toInteger($candidates)
RETURN a + '|' + b AS pair, a, b, count, reverse(latest) AS events, held
