// Edits a draft's metadata (title, author, publisher, publishedAt, url): a null value clears a
// field (SET += drops keys whose value is null); the text and its offsets never change.
// Parameters: id (string), props (map of those fields). Returns: id (string); no row for an unknown id.
MATCH (d:Draft {id: $id})
SET d += $props, d.updatedAt = datetime()
RETURN d.id AS id
