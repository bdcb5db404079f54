// The checksum of a loaded dataset, to tell whether the database holds these exact files.
// Parameters: id (string, e.g. "dataset:moscow-beijing-2025").
// Returns: checksum (string), loaderVersion (integer, or null before version 2), one row, or no
// row when the dataset was never loaded.
MATCH (d:Dataset {id: $id})
RETURN d.checksum AS checksum, d.loaderVersion AS loaderVersion
