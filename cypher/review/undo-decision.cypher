// Marks one decision of a draft undone (by whom, when), unless it already is; the proposal's previous
// not-undone decision applies again. Run after review/lock-draft in the same transaction, so two
// undos of one decision cannot both succeed.
// Parameters: id (string: the draft), decision (string), by (string). Returns: alreadyUndone
// (boolean: it was undone before, nothing changed), one row; no row when the draft has no such decision.
MATCH (:Draft {id: $id})-[:HAS_DECISION]->(x:ReviewDecision {id: $decision})
WITH x, x.undoneAt IS NOT NULL AS alreadyUndone
FOREACH (_ IN CASE WHEN alreadyUndone THEN [] ELSE [1] END | SET x.undoneBy = $by, x.undoneAt = datetime())
RETURN alreadyUndone
