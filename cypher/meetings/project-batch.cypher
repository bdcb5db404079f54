// One batch of the who-met-whom projection: for the next `batch` actors by id after `after`,
// replaces the MET relationships they start (each pair has one, from the actor with the smaller
// id) with what PARTICIPATED_IN says now, and sets each actor's `meetings` (meeting-like events
// it took part in). Runs inside the
// loader's transaction, or in transactions of its own (server/domain/met-projection.ts).
// Parameters: after (string or null, the last actor id of the previous batch), batch (integer),
// actors (list of string, or null: the actors to re-project instead of the next batch),
// kinds (list of event kinds that count as meetings), units (list of units of aggregate claims
// that count a pair's meetings), sample (integer, event ids kept per pair).
// Writes on each MET: pair ("<smaller id>|<larger id>", indexed), count (shared meeting-like
// events), first, last (Date or absent: earliest start, latest end), years, yearCounts (start
// years in order, and how many events began in each), undated (events without a date), events
// (ids of the latest `sample` events in date order, undated last: the last page of
// meetings/pair-events), forums (ids of the forums any of the events was held at), claims (ids of
// the aggregate claims about both), reported (those of them that count the pair's meetings and
// name no other person). undated, forums, claims and reported are absent rather than 0 or empty
// (most pairs have none: a million pairs write less).
// pageLow, pageHigh (indexed): the tie's place in the counterpart list of the actor with the
// smaller id and of the other one, "<actor id>␁<999999999 - count, 9 digits>␁<counterpart's
// name>␁<counterpart's id>" (␁ is U+0001, below any character of a name): in index order a list
// runs most met first, then by name and id, so meetings/counterparts reads one page of a hub's
// ties without sorting all of them.
// Kinds are tested as expressions no index answers (`coalesce(e.kind, '')`): what a pair shares
// is reached from the actor, never by scanning the kind indexes and joining, which the planner
// prefers on a small graph.
// Returns: last (string or null), actors (integer), pairs (integer), one row.
// Two selectors, one definition of what a MET holds: with `actors` null, the next batch in id
// order (a full rebuild); with `actors`, those actors (after a one-transaction load: the actors it
// touched, meetings/touched-actors), found by id.
CALL () {
  WITH $actors AS chosen WHERE chosen IS NULL
  MATCH (a:Actor)
  WHERE a.id > coalesce($after, '')
  RETURN a ORDER BY a.id LIMIT toInteger($batch)
  UNION ALL
  UNWIND $actors AS id
  MATCH (a:Actor {id: id})
  RETURN a
}
CALL (a) {
  MATCH (a)-[old:MET]->()
  DELETE old
}
CALL (a) {
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id AND coalesce(e.kind, '') IN $kinds
    WITH b, e ORDER BY e.dateStart DESC, e.id DESC
    RETURN b, collect(e) AS shared, [] AS claims, [] AS reported
    UNION ALL
    MATCH (c:Claim)-[:ABOUT]->(a)
    WHERE coalesce(c.kind, '') = 'aggregate'
    MATCH (c)-[:ABOUT]->(b:Actor)
    WHERE a.id < b.id
    RETURN b, [] AS shared, [c.id] AS claims,
      CASE WHEN c.unit IN $units
             AND NOT EXISTS { (c)-[:ABOUT]->(p:Actor) WHERE coalesce(p.kind, '') = 'person' AND p <> a AND p <> b }
           THEN [c.id] ELSE [] END AS reported
  }
  WITH b,
    reduce(acc = [], part IN collect(shared) | acc + part) AS shared,
    reduce(acc = [], part IN collect(claims) | acc + part) AS claims,
    reduce(acc = [], part IN collect(reported) | acc + part) AS reported
  WHERE size(shared) > 0
  CALL (shared) {
    UNWIND shared AS e
    WITH e WHERE e.dateStart IS NOT NULL
    WITH e.dateStart.year AS year, count(*) AS n, min(e.dateStart) AS first,
      max(coalesce(e.dateEnd, e.dateStart)) AS last
    ORDER BY year
    RETURN collect(year) AS years, collect(n) AS yearCounts, min(first) AS first, max(last) AS last, sum(n) AS dated
  }
  WITH a, b, shared, claims, reported, years, yearCounts, first, last, dated,
    COLLECT { UNWIND shared AS e MATCH (e)-[:AT_FORUM]->(f:Forum) RETURN DISTINCT f.id AS id ORDER BY id } AS forums
  CREATE (a)-[r:MET]->(b)
  SET r.pair = a.id + '|' + b.id,
    r.count = size(shared),
    r.first = first,
    r.last = last,
    r.years = years,
    r.yearCounts = yearCounts,
    r.undated = CASE WHEN size(shared) = dated THEN null ELSE size(shared) - dated END,
    r.events = reverse([e IN shared[..toInteger($sample)] | e.id]),
    r.forums = CASE WHEN size(forums) = 0 THEN null ELSE forums END,
    r.claims = CASE WHEN size(claims) = 0 THEN null ELSE COLLECT { UNWIND claims AS id RETURN DISTINCT id ORDER BY id } END,
    r.reported = CASE WHEN size(reported) = 0 THEN null
                      ELSE COLLECT { UNWIND reported AS id RETURN DISTINCT id ORDER BY id } END,
    r.pageLow = a.id + '\u0001' + substring(toString(1999999999 - size(shared)), 1) + '\u0001' + b.name + '\u0001' + b.id,
    r.pageHigh = b.id + '\u0001' + substring(toString(1999999999 - size(shared)), 1) + '\u0001' + a.name + '\u0001' + a.id
  RETURN count(r) AS pairs
}
SET a.meetings = COUNT { (a)-[:PARTICIPATED_IN]->(e:Event) WHERE coalesce(e.kind, '') IN $kinds }
RETURN max(a.id) AS last, count(a) AS actors, sum(pairs) AS pairs
