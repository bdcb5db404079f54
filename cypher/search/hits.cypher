// Search candidates from the four search indexes of cypher/schema.cypher: the whole query as an
// exact name or alias (search_keys), words of actor and forum names (search_names), of event
// names and source titles (search_titles), and of claim text and passage quotations (search_text).
// Each index returns its best `fetch` hits by its own score; server/domain/search.ts ranks them.
// Parameters: keys, names, titles, text (each a Lucene query built by server/domain/lucene.ts, or
// null to skip that index), types (list of labels, or null for all), fetch (integer, hits kept
// from each index), pool (integer, names read from search_names to keep the best `fetch` of).
// Returns: tier ("keys", "names", "titles" or "text"), score (float), labels (list of strings),
// props (map: id, name, title, text, exact, aliases; never a source's content or a paragraph),
// degree (integer: relationships of the node, from the store's counts), at most 4 × fetch rows.
CALL () {
  WITH $keys AS lucene WHERE lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_keys', lucene, {limit: toInteger($fetch)}) YIELD node, score
  RETURN 'keys' AS tier, node, score
  UNION ALL
  WITH $names AS lucene WHERE lucene IS NOT NULL
  // A typed prefix ("bran") scores every name it starts alike: of a larger pool, the most
  // connected actors and forums are kept (a node's degree comes from the store's counts).
  CALL db.index.fulltext.queryNodes('search_names', lucene, {limit: toInteger($pool)}) YIELD node, score
  WITH node, score ORDER BY score DESC, COUNT { (node)--() } DESC LIMIT toInteger($fetch)
  RETURN 'names' AS tier, node, score
  UNION ALL
  WITH $titles AS lucene WHERE lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_titles', lucene, {limit: toInteger($fetch)}) YIELD node, score
  RETURN 'titles' AS tier, node, score
  UNION ALL
  WITH $text AS lucene WHERE lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_text', lucene, {limit: toInteger($fetch)}) YIELD node, score
  RETURN 'text' AS tier, node, score
}
WITH tier, node, score
WHERE $types IS NULL OR any(label IN labels(node) WHERE label IN $types)
RETURN tier, score, labels(node) AS labels, node {.id, .name, .title, .text, .exact, .aliases} AS props,
       COUNT { (node)--() } AS degree
