// Benchmark baseline only (bench/run.ts): search without the full-text index, a case-insensitive
// substring scan over names, claim text and passage text.
// Parameters: text (string, lower case). Returns: node (Node), at most 20 rows.
MATCH (n)
WHERE toLower(coalesce(n.name, n.text, n.exact, n.title, '')) CONTAINS $text
RETURN n AS node
LIMIT 20
