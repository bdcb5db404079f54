// Appends reviewer decisions to a draft, numbered after its earlier ones (seq orders them: the newest
// not-undone decision of a proposal is its current one). Run after review/lock-draft in the same
// transaction, so one request's decisions are written all together or not at all.
// Parameters: id (string), decisions (list of maps: id, proposal, action, entity, mergeCandidate,
// mergeVerdict, editJson, decisionNote), by (string). Returns: written (integer), one row.
MATCH (d:Draft {id: $id})
WITH d, coalesce(d.reviewSeq, 0) AS base
SET d.reviewSeq = base + size($decisions)
WITH d, base
UNWIND range(0, size($decisions) - 1) AS i
CREATE (d)-[:HAS_DECISION]->(x:ReviewDecision)
SET x = $decisions[i], x.draftId = d.id, x.seq = base + i + 1, x.by = $by, x.at = datetime()
RETURN count(x) AS written
