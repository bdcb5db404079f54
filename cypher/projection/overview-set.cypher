// Stores the who-met-whom overview's default first view, chosen by the projection from the pool
// (server/domain/meeting-network.ts, storeOverview): the backbone's pair keys heaviest first and
// how they were chosen, so that the first view reads its edges by index seeks instead of the
// pool. Run after every projection (full or incremental), before projection/done.
// Parameters: pairs (list of "<a id>|<b id>"), method (string), candidates (integer), truncated
// (boolean), actors, ties, limit (integers: the options it was chosen with). Returns: pairs
// (integer, how many stored), one row.
MATCH (p:Projection {id: 'projection:derived'})
SET p.overviewPairs = $pairs,
  p.overviewMethod = $method,
  p.overviewCandidates = $candidates,
  p.overviewTruncated = $truncated,
  p.overviewOptions = [$actors, $ties, $limit]
RETURN size(p.overviewPairs) AS pairs
