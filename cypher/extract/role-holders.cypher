// Holders of offices of states, for phrases that name a person by office alone ("the Chinese
// leader"): read from each state's incoming HOLDS_ROLE relationships (bounded by its roles),
// titles compared folded to lower case.
// Parameters: queries (list of maps: key (string), state (actor id), titles (list of lower-case
// titles)).
// Returns: key, entity (the holder's id), name, title, qualifier (string or null), end (ISO day or null).
UNWIND $queries AS q
MATCH (:Actor {id: q.state})<-[r:HOLDS_ROLE]-(p:Actor)
WHERE toLower(r.title) IN q.titles
RETURN q.key AS key, p.id AS entity, p.name AS name, r.title AS title, r.qualifier AS qualifier,
       toString(r.dateEnd) AS end
ORDER BY key, entity, title
