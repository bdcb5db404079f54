// How many pairs met in all: the number of MET relationships, from the count store (no scan).
// The projection ranks every actor and pools every tie when there are few (meetings/project-ranks).
// Parameters: none. Returns: pairs (integer), one row.
MATCH ()-[m:MET]->()
RETURN count(m) AS pairs
