// Sources loaded before the loader stored the hash of their text (contentSha256), a batch at a time,
// so that start-up can add it and the intake recognises their text.
// Parameters: limit (integer). Returns: id (string), content (string), one row per Source.
MATCH (s:Source)
WHERE s.contentSha256 IS NULL AND s.content IS NOT NULL
RETURN s.id AS id, s.content AS content
LIMIT toInteger($limit)
