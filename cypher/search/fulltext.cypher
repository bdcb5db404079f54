// Full-text search over names, aliases, claim text, passage text and source titles (index `search`).
// Parameters: lucene (string, a Lucene query built by server/domain/lucene.ts), types (list of
// labels or null for all), fetch (integer, hits asked of the index), limit (integer; the API
// re-ranks these rows and keeps fewer).
// Returns: node (Node), score (float), ordered by score, at most `limit` rows.
CALL db.index.fulltext.queryNodes('search', $lucene, {limit: toInteger($fetch)}) YIELD node, score
WHERE $types IS NULL OR any(label IN labels(node) WHERE label IN $types)
RETURN node, score
ORDER BY score DESC, node.id
LIMIT toInteger($limit)
