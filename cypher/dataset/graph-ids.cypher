// Before a dataset that builds on others (manifest `requires`) is written: which of the given ids
// the graph holds, with the node's model label and the datasets that hold it, and which of the
// required datasets are loaded. One lookup per label, so each uses its id constraint's index.
// Run inside the loader's transaction (and read-only by the review's preview).
// Parameters: ids (list of string: actor:, forum:, event:, claim: or source: ids), datasets (list
// of string: "dataset:<id>" of the required datasets).
// Returns: one row per id the graph holds: id (string), label (string), datasets (list of string);
// and one row per required dataset: id (string), label "Dataset", datasets [] (loaded) — a
// required dataset that is not loaded has no row.
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
OPTIONAL MATCH (f:Forum {id: id})
OPTIONAL MATCH (e:Event {id: id})
OPTIONAL MATCH (c:Claim {id: id})
OPTIONAL MATCH (s:Source {id: id})
WITH id, coalesce(a, f, e, c, s) AS n
WHERE n IS NOT NULL
RETURN id,
       [l IN labels(n) WHERE l IN ["Actor", "Forum", "Event", "Claim", "Source"]][0] AS label,
       coalesce(n.datasets, []) AS datasets
UNION ALL
UNWIND $datasets AS id
MATCH (d:Dataset {id: id})
RETURN id, "Dataset" AS label, [] AS datasets
