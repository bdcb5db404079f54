// Stores a reviewer's selection of a draft's text (a claim or an event to be): decisions then refer
// to it by its id like to a proposal. Run after review/lock-draft in the same transaction.
// Parameters: id (string: the draft), props (map: id, kind, start, end, text, fieldsJson), by
// (string). Returns: id (string), one row.
MATCH (d:Draft {id: $id})
CREATE (d)-[:HAS_SELECTION]->(s:Selection)
SET s = $props, s.draftId = d.id, s.by = $by, s.at = datetime()
RETURN s.id AS id
