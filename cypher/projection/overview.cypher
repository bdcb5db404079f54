// The stored first view of the who-met-whom overview (projection/overview-set), when the derived
// data is complete and it was chosen with the options asked for; no row otherwise (the overview
// is then chosen from the pool as for any other options).
// Parameters: actors, ties, limit (integers). Returns: pairs (list of "<a id>|<b id>", heaviest
// first), method (string), candidates (integer), truncated (boolean), stamp (string or null: the
// derived data's, new after every projection; projection/done), one row or none.
MATCH (p:Projection {id: 'projection:derived'})
WHERE p.state = 'done' AND p.overviewPairs IS NOT NULL
  AND p.overviewOptions = [$actors, $ties, $limit]
RETURN p.overviewPairs AS pairs, p.overviewMethod AS method, p.overviewCandidates AS candidates,
  p.overviewTruncated AS truncated, p.stamp AS stamp
