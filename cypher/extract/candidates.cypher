// Candidate nodes for the names one document mentions, looked up in batches through the search
// indexes (never by reading every name): the mention's whole name key against search_keys
// (exact names and aliases), and its words against search_names (every word required, prefixes
// for initials, fuzzy for transliterations), each capped at `fetch` hits per mention.
// Parameters: mentions (list of maps: text (string), keys (Lucene query or null), names (Lucene
// query or null)), fetch (integer, hits kept per mention and index).
// Returns: mention (the mention's text), how ("key" or "words"), score (float), labels (list of
// strings), props (map: id, name, aliases, kind, roles).
UNWIND $mentions AS m
CALL (m) {
  WITH m WHERE m.keys IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_keys', m.keys, {limit: toInteger($fetch)}) YIELD node, score
  RETURN node, score, 'key' AS how
  UNION ALL
  WITH m WHERE m.names IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_names', m.names, {limit: toInteger($fetch)}) YIELD node, score
  RETURN node, score, 'words' AS how
}
WITH m, node, score, how
WHERE node:Actor OR node:Forum
RETURN m.text AS mention, how, score, labels(node) AS labels,
       node {.id, .name, .aliases, .kind, .roles} AS props
