// Who an actor met at a forum or within a window: counted from the actor's own meeting-like
// events (bounded by how many events the actor took part in), one page of counterparts, the most
// met first.
// Parameters: actor (string), with (string or null, only this counterpart), forum (string or
// null, only events at this forum or in a series at it), kinds (list of event kinds that count as
// meetings), from, to (ISO dates or null; events overlapping the window, undated ones included),
// sample (integer, latest events listed per counterpart), offset, limit, listedForums (integers).
// Returns: total (integer), page (list of {counterpart: Node, pair, eventCount, events (ids of the
// latest `sample` in date order), forums (ids of the forums of all those events, those of the
// latest first, at most `listedForums`), forumCount (integer, all of them)}), one row.
MATCH (a:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event)
WHERE e.kind IN $kinds
  AND ($from IS NULL OR coalesce(e.dateEnd, e.dateStart) IS NULL OR coalesce(e.dateEnd, e.dateStart) >= date($from))
  AND ($to IS NULL OR e.dateStart IS NULL OR e.dateStart <= date($to))
  AND ($forum IS NULL
       OR EXISTS { (e)-[:AT_FORUM]->(:Forum {id: $forum}) }
       OR EXISTS { (e)-[:PART_OF]->(:Event)-[:AT_FORUM]->(:Forum {id: $forum}) })
WITH a, e, [(e)-[:AT_FORUM]->(f:Forum) | f.id] AS forums
MATCH (e)<-[:PARTICIPATED_IN]-(b:Actor)
WHERE b <> a AND ($with IS NULL OR b.id = $with)
WITH a, b, e, forums ORDER BY e.dateStart DESC, e.id DESC
WITH a, b, count(e) AS eventCount, collect(e.id)[..toInteger($sample)] AS latest,
  reduce(acc = [], list IN collect(forums) | acc + [id IN list WHERE NOT id IN acc]) AS forums
ORDER BY eventCount DESC, b.name, b.id
WITH collect({
  counterpart: b,
  pair: CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END,
  eventCount: eventCount,
  events: reverse(latest),
  forums: forums[..toInteger($listedForums)],
  forumCount: size(forums)
}) AS found
RETURN size(found) AS total, found[toInteger($offset)..toInteger($offset) + toInteger($limit)] AS page
