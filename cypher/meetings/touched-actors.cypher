// Who-met-whom after a one-transaction load: the actors whose MET relationships or `meetings` the
// dataset's nodes and relationships can change. Run twice in the load's transaction: before its
// writes, with the footprint it had, and after, with the one it has; the union is re-projected
// (meetings/project-batch with `actors`). A pair's MET changes only through a meeting-like event
// both took part in or an aggregate claim about both, so both ends of a changed pair are here:
// - every participant of an event the dataset holds or links to (its kind, dates, forums or
//   participants may have changed);
// - every subject of an aggregate claim it holds or links to (its unit, subjects);
// - every actor it holds (`meetings` = 0 for a new one), every subject of an aggregate claim
//   about such an actor (whether it is a person changes the claim's `reported` for the others),
//   and every actor that starts a MET to it (that MET's pageLow holds its name).
// Index seeks by id (hinted SEEK: on a small graph the planner would rather scan an index and
// join), then each node's own relationships: never a scan. A claim's kind is tested as an
// expression (`coalesce(c.kind, '') + ''`) that no index answers, or the planner, on a small
// graph, scans the Claim(kind) index and joins.
// Parameters: held (list of string: ids of the nodes the dataset holds), ends (list of string:
// ids of the ends of its relationships). Returns: actors (list of string, sorted), one row.
CALL () {
  UNWIND $held + $ends AS id
  WITH DISTINCT id
  CALL (id) {
    MATCH (e:Event {id: id}) USING INDEX SEEK e:Event(id)
    MATCH (e)<-[:PARTICIPATED_IN]-(a:Actor)
    RETURN a.id AS actor
    UNION
    MATCH (c:Claim {id: id}) USING INDEX SEEK c:Claim(id)
    WITH c WHERE coalesce(c.kind, '') + '' = 'aggregate'
    MATCH (c)-[:ABOUT]->(a:Actor)
    RETURN a.id AS actor
  }
  RETURN actor
  UNION
  UNWIND $held AS id
  CALL (id) {
    MATCH (a:Actor {id: id}) USING INDEX SEEK a:Actor(id)
    RETURN a.id AS actor
    UNION
    MATCH (x:Actor {id: id}) USING INDEX SEEK x:Actor(id)
    MATCH (x)<-[:ABOUT]-(c:Claim)
    WITH c WHERE coalesce(c.kind, '') + '' = 'aggregate'
    MATCH (c)-[:ABOUT]->(a:Actor)
    RETURN a.id AS actor
    UNION
    MATCH (x:Actor {id: id}) USING INDEX SEEK x:Actor(id)
    MATCH (x)<-[:MET]-(a:Actor)
    RETURN a.id AS actor
  }
  RETURN actor
}
WITH actor ORDER BY actor
RETURN collect(DISTINCT actor) AS actors
