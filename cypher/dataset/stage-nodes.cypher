// Streaming load, step 1: creates a batch of a dataset's nodes under the Staging label only. No
// reader query matches Staging (they all anchor on Actor, Event… or skip Staging), so nothing is
// visible until publish; a killed load leaves only Staging nodes, which the next load clears.
// Parameters: rows (list of {id: string, props: map}), label (string: the label publish gives),
// dataset (string). Returns: id (string), element (string: the node's elementId, so that
// relationships find their ends without an index lookup), one row per node.
UNWIND $rows AS row
CREATE (n:Staging)
SET n = row.props, n.stagedLabel = $label, n.datasets = [$dataset]
RETURN row.id AS id, elementId(n) AS element
