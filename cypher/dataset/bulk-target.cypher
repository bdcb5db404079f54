// Bulk import: what the database holds that an import would replace. The bulk importer builds a
// new database, so it is only used on one that holds no dataset; each count comes from Neo4j's
// count store (no scan). Staged nodes of a killed streaming load are not data: they would go.
// Parameters: none. Returns: nodes (integer: nodes with a model label), datasets (integer), one row.
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH (n:Passage) RETURN count(n) AS passages }
CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
CALL () { MATCH (n:Forum) RETURN count(n) AS forums }
CALL () { MATCH (n:Event) RETURN count(n) AS events }
CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
CALL () { MATCH (n:Dataset) RETURN count(n) AS datasets }
RETURN sources + passages + actors + forums + events + claims AS nodes, datasets
