// Writes the span classes server/domain/span-classes.ts computed for nodes that lacked them
// (projection/span-classes-missing): the classes the loader would have written (as integers, as
// the loader stores them: a JS number arrives as a float).
// Parameters: events (list of {id, date: integer}), claims (list of {id, date: integer or null,
// period: integer or null}). Returns: written (integer), one row.
CALL () {
  UNWIND $events AS row
  MATCH (n:Event {id: row.id})
  SET n.dateSpanClass = toInteger(row.date)
  RETURN count(n) AS events
}
CALL () {
  UNWIND $claims AS row
  MATCH (n:Claim {id: row.id})
  SET n.dateSpanClass = toInteger(row.date), n.periodSpanClass = toInteger(row.period)
  RETURN count(n) AS claims
}
RETURN events + claims AS written
