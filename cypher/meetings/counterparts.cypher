// Who met whom: the actors who took part in the same meeting-like events as an actor, each with
// those events (forums and evidence), the forums, and the aggregate claims ("met 18 times")
// about both of them or about one of their shared events, with evidence.
// Parameters: actor (string, actor id), with (string or null, only this counterpart), forum
// (string or null, only events at this forum or in a series at it), kinds (list of event kinds
// that count as meetings), from, to (ISO dates or null; events overlapping the window).
// Returns: counterpart (Node), events (list of {event: Node, forums: [{id, name}], evidence}),
// aggregates (list of {claim: Node, evidence}), one row per counterpart, the most met first.
// Each evidence is a list of {passage: map, source: map}.
MATCH (a:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
WHERE b <> a
  AND e.kind IN $kinds
  AND ($with IS NULL OR b.id = $with)
  AND ($from IS NULL OR coalesce(e.dateEnd, e.dateStart) IS NULL OR coalesce(e.dateEnd, e.dateStart) >= date($from))
  AND ($to IS NULL OR e.dateStart IS NULL OR e.dateStart <= date($to))
  AND ($forum IS NULL
       OR EXISTS { (e)-[:AT_FORUM]->(:Forum {id: $forum}) }
       OR EXISTS { (e)-[:PART_OF]->(:Event)-[:AT_FORUM]->(:Forum {id: $forum}) })
WITH a, b, e
ORDER BY e.dateStart, e.id
WITH a, b, collect(DISTINCT e) AS shared
RETURN
  b AS counterpart,
  [e IN shared | {
    event: e,
    forums: [(e)-[:AT_FORUM]->(f:Forum) | f {.id, .name}],
    evidence: [(e)-[:EVIDENCED_BY]->(p:Passage)-[:IN_SOURCE]->(s:Source) | {
      passage: p {.id, .exact, .prefix, .suffix, .start, .end, .paragraph, .paragraphOffset},
      source: s {.id, .title, .author, .authorAffiliation, .publisher, .url, .publishedStart, .publishedEnd,
                 .publishedPrecision, .publishedText}
    }]
  }] AS events,
  COLLECT {
    MATCH (c:Claim {kind: 'aggregate'})-[:ABOUT]->(b)
    WHERE (EXISTS { (c)-[:ABOUT]->(a) } OR any(e IN shared WHERE EXISTS { (c)-[:ABOUT]->(e) }))
      AND ($from IS NULL OR coalesce(c.periodEnd, c.dateEnd) IS NULL OR coalesce(c.periodEnd, c.dateEnd) >= date($from))
      AND ($to IS NULL OR coalesce(c.periodStart, c.dateStart) IS NULL OR coalesce(c.periodStart, c.dateStart) <= date($to))
    RETURN {
      claim: c,
      evidence: [(c)-[:EVIDENCED_BY]->(p:Passage)-[:IN_SOURCE]->(s:Source) | {
        passage: p {.id, .exact, .prefix, .suffix, .start, .end, .paragraph, .paragraphOffset},
        source: s {.id, .title, .author, .authorAffiliation, .publisher, .url, .publishedStart, .publishedEnd,
                   .publishedPrecision, .publishedText}
      }]
    }
    ORDER BY c.id
  } AS aggregates
ORDER BY size(shared) DESC, b.name
