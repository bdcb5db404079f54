// The files of a draft's last commit, to serve them as a zip.
// Parameters: id (string). Returns: datasetId (string or null: never committed), filesJson (string
// or null: a JSON list of {path, text}), one row; no row for an unknown draft.
MATCH (d:Draft {id: $id})
RETURN d.committedDatasetId AS datasetId, d.committedFilesJson AS filesJson
