// Records a loaded dataset: its manifest's title, description and version, and the checksum of
// its files. loadedAt changes only when the checksum does, so reloading the same files changes nothing.
// Parameters: props (map with id, name, title, description, version, checksum).
// Returns: id (string), one row.
MERGE (d:Dataset {id: $props.id})
WITH d, d.checksum = $props.checksum AS same, d.loadedAt AS loadedAt
SET d = $props
SET d.loadedAt = CASE WHEN same THEN loadedAt ELSE datetime() END
RETURN d.id AS id
