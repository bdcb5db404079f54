// Last step of a one-transaction load, after dataset/merge-dataset: records on the Dataset node
// what the load wrote, so that the next load (or a retraction) finds it by index seeks instead of
// a scan (dataset/retract-footprint, dataset/prune-footprint, meetings/touched-actors). Only the
// one-transaction path records it: its datasets are small (one article, or under the streaming
// threshold), so the lists stay small. Run inside the loader's transaction.
// Parameters: dataset (string), nodes (list of string: ids of the nodes the dataset holds),
// links (list of {from, to}: ids of the ends of each relationship it holds, no repeats).
// Returns: nodes (integer), links (integer), one row.
MATCH (d:Dataset {id: $dataset})
SET d.footprintNodes = $nodes,
  d.footprintFrom = [link IN $links | link.from],
  d.footprintTo = [link IN $links | link.to]
RETURN size($nodes) AS nodes, size($links) AS links
