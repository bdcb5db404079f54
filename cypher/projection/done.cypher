// Marks the derived data as built from the datasets the database holds now (id and checksum of
// each), so projection/state can tell when a load was not followed by a rebuild, and the version
// of the MET derivation it holds, and a new `stamp`: what was derived changed (an app instance
// keeps what it built from derived data under this stamp, e.g. the overview's first view).
// Parameters: metVersion (integer). Returns: datasets (list of strings), one row.
MATCH (p:Projection {id: 'projection:derived'})
SET p.state = 'done',
  p.stamp = randomUUID(),
  p.metVersion = $metVersion,
  p.datasets = COLLECT { MATCH (d:Dataset) RETURN d.id + '@' + d.checksum AS key ORDER BY key }
RETURN p.datasets AS datasets
