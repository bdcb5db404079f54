// Streaming load, step 2: creates a batch of relationships of one type between Staging nodes
// (every relationship of a dataset joins two of its own records, so both ends are staged), found
// by the elementIds stage-nodes returned.
// Parameters: rows (list of {from: string, to: string: elementIds, props: map}), type (string: a
// relationship type of the model), dataset (string). Returns: written (integer), one row; fewer
// than the rows means an endpoint was missing.
UNWIND $rows AS row
MATCH (a:Staging) WHERE elementId(a) = row.from
MATCH (b:Staging) WHERE elementId(b) = row.to
CREATE (a)-[r:$($type)]->(b)
SET r = row.props, r.datasets = [$dataset]
RETURN count(r) AS written
