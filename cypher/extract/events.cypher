// Events the meetings of one document may report, a bounded read per meeting: its participant in
// the fewest events is found first (a degree read); when that actor has few events they are read
// from it, filtered by kind and date; when it is a hub (the other participants too) and the
// meeting's date is narrow, the days around it are read through the Event.dateStart index
// instead (plus the first day of its years, where year-precision events start), keeping the hub's
// events. A meeting without a window is looked up only from an actor with few events. Each
// candidate names which of the queried participants took part and its forums (its own or its
// series'); it must share `least` participants with the meeting, or one and the meeting's forum,
// and an event at other forums than the meeting's is not it.
// Parameters: meetings (list of maps: key (string), participants (list of actor ids), forum (forum
// id or null), least (integer: participants to share, 1 or 2), kinds (list of event kinds), from, to (ISO days or null: the window an event must
// overlap), near (ISO day or null: candidates nearest to it first), lower (ISO day or null: where
// the index read starts, set only for a narrow window), years (list of ISO days: 1 January of the
// window's years)), expandUpTo (integer: the most events read from one actor), fetch (integer:
// candidates kept per meeting).
// Returns: key (the meeting's key), event (map: id, name, kind, start, end, precision),
// participants (list of ids), forums (list of ids); at most `fetch` rows per key.
UNWIND $meetings AS m
CALL (m) {
  MATCH (x:Actor)
  WHERE x.id IN m.participants
  WITH x, COUNT { (x)-[:PARTICIPATED_IN]->() } AS degree
  ORDER BY degree, x.id
  RETURN collect(x) AS xs, collect(degree)[0] AS fewest
}
WITH m, xs, fewest, xs[0] AS a
WHERE a IS NOT NULL
CALL (m, a, fewest) {
  WITH m, a
  WHERE fewest <= $expandUpTo OR (m.from IS NOT NULL AND m.lower IS NULL)
  MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
  WHERE e.kind IN m.kinds
    AND (m.from IS NULL OR (e.dateStart <= date(m.to) AND coalesce(e.dateEnd, e.dateStart) >= date(m.from)))
  RETURN e
  UNION
  // The bound itself is null unless this branch applies: the planner may seek before it filters.
  WITH m, a, CASE WHEN fewest > $expandUpTo THEN m.lower END AS lower
  MATCH (e:Event)
  WHERE e.dateStart >= date(lower) AND e.dateStart <= date(m.to)
    AND coalesce(e.dateEnd, e.dateStart) >= date(m.from) AND e.kind IN m.kinds
    AND (a)-[:PARTICIPATED_IN]->(e)
  RETURN e
  UNION
  WITH m, a
  UNWIND CASE WHEN fewest > $expandUpTo AND m.lower IS NOT NULL THEN m.years ELSE [] END AS year
  MATCH (e:Event)
  WHERE e.dateStart = date(year) AND coalesce(e.dateEnd, e.dateStart) >= date(m.from) AND e.kind IN m.kinds
    AND (a)-[:PARTICIPATED_IN]->(e)
  RETURN e
}
WITH m, xs, e, [x IN xs WHERE (x)-[:PARTICIPATED_IN]->(e) | x.id] AS present,
     COLLECT { MATCH (e)-[:AT_FORUM]->(f:Forum) RETURN f.id
               UNION MATCH (e)-[:PART_OF]->(:Event)-[:AT_FORUM]->(f:Forum) RETURN f.id } AS forums
WHERE (size(present) >= m.least OR (m.forum IS NOT NULL AND m.forum IN forums))
  AND (m.forum IS NULL OR size(forums) = 0 OR m.forum IN forums)
WITH m, e, present, forums,
     CASE WHEN m.near IS NULL OR e.dateStart IS NULL THEN 1000000
          ELSE abs(duration.inDays(date(m.near), e.dateStart).days) END AS distance
ORDER BY m.key, size(present) DESC, distance, e.id
WITH m, collect({e: e, present: present, forums: forums})[..toInteger($fetch)] AS kept
UNWIND kept AS k
WITH m, k, k.e AS e
RETURN m.key AS key,
       e {.id, .name, .kind, start: toString(e.dateStart), end: toString(e.dateEnd), precision: e.datePrecision} AS event,
       k.present AS participants, k.forums AS forums
