// A page of drafts, the newest first (the draft_created_at index orders them), without their text.
// Parameters: offset (integer), limit (integer). Returns: total (integer: all drafts), drafts (list of
// {id, title, format, url, publishedAt, createdBy, createdAt, characters, proposalCount,
// contentSha256, knownSource (boolean)}), one row.
CALL () { MATCH (d:Draft) RETURN count(d) AS total }
CALL () {
  MATCH (d:Draft)
  WHERE d.createdAt IS NOT NULL
  WITH d ORDER BY d.createdAt DESC, d.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(d {
    .id, .title, .format, .url, .publishedAt, .createdBy, .proposalCount, .contentSha256,
    createdAt: toString(d.createdAt),
    characters: size(d.text),
    knownSource: EXISTS { MATCH (s:Source {contentSha256: d.contentSha256}) }
  }) AS drafts
}
RETURN total, drafts
