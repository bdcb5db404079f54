// Before a one-transaction (re)load: whether the dataset is loaded, and the footprint its last
// load recorded (dataset/set-footprint): the ids of the nodes it held and the two ends of each
// relationship it held. A dataset loaded by the streaming or bulk path has none (dataset/merge-
// dataset replaces the Dataset node's properties): the loader then falls back to dataset/retract.
// Parameters: dataset (string). Returns: loaded (boolean), nodes, from, to (lists of string, or
// null when no footprint is recorded; from[i] and to[i] are the ends of one relationship), one row.
OPTIONAL MATCH (d:Dataset {id: $dataset})
RETURN d IS NOT NULL AS loaded, d.footprintNodes AS nodes, d.footprintFrom AS from, d.footprintTo AS to
