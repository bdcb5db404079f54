// Whether the derived data matches the datasets the database holds: read at start-up, and by
// the endpoints that use the dates summary.
// Parameters: none. Returns: version (integer or null), metVersion (integer or null: the version
// of the MET derivation it holds; before projection version 3 the version stood for both),
// state (string or null), built (list of
// strings: the datasets it was built from), current (list of strings: the datasets now), months
// (list of "YYYY-MM" or null), eventClassSpans, claimClassSpans, periodClassSpans (lists of
// integers indexed by span class, or null), one row.
OPTIONAL MATCH (p:Projection {id: 'projection:derived'})
RETURN p.version AS version, coalesce(p.metVersion, p.version) AS metVersion, p.state AS state, coalesce(p.datasets, []) AS built,
  COLLECT { MATCH (d:Dataset) RETURN d.id + '@' + d.checksum AS key ORDER BY key } AS current,
  p.months AS months, p.eventClassSpans AS eventClassSpans, p.claimClassSpans AS claimClassSpans,
  p.periodClassSpans AS periodClassSpans
