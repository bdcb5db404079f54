// The graph's labels and relationship types with their counts, for the client's legend: a bare
// count per known label and type, which Neo4j's count store answers (NodeCountFromCountStore,
// RelationshipCountFromCountStore; no scan).
// Parameters: none. Returns: labels (list of {name, count}), relationshipTypes (list of
// {name, count}), both without zero counts, one row.
CALL () { MATCH (n:Actor) RETURN count(n) AS c_actor }
CALL () { MATCH (n:Claim) RETURN count(n) AS c_claim }
CALL () { MATCH (n:Dataset) RETURN count(n) AS c_dataset }
CALL () { MATCH (n:Event) RETURN count(n) AS c_event }
CALL () { MATCH (n:Forum) RETURN count(n) AS c_forum }
CALL () { MATCH (n:Passage) RETURN count(n) AS c_passage }
CALL () { MATCH (n:Source) RETURN count(n) AS c_source }
CALL () { MATCH ()-[r:ABOUT]->() RETURN count(r) AS c_about }
CALL () { MATCH ()-[r:AT_FORUM]->() RETURN count(r) AS c_at_forum }
CALL () { MATCH ()-[r:AUTHORED_BY]->() RETURN count(r) AS c_authored_by }
CALL () { MATCH ()-[r:CONTRADICTS]->() RETURN count(r) AS c_contradicts }
CALL () { MATCH ()-[r:EVIDENCED_BY]->() RETURN count(r) AS c_evidenced_by }
CALL () { MATCH ()-[r:HOLDS_ROLE]->() RETURN count(r) AS c_holds_role }
CALL () { MATCH ()-[r:IN_SOURCE]->() RETURN count(r) AS c_in_source }
CALL () { MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS c_member_of }
CALL () { MATCH ()-[r:MET]->() RETURN count(r) AS c_met }
CALL () { MATCH ()-[r:PARTICIPATED_IN]->() RETURN count(r) AS c_participated_in }
CALL () { MATCH ()-[r:PART_OF]->() RETURN count(r) AS c_part_of }
CALL () { MATCH ()-[r:STATED_BY]->() RETURN count(r) AS c_stated_by }
WITH [row IN [
  {name: 'Actor', count: c_actor},
  {name: 'Claim', count: c_claim},
  {name: 'Dataset', count: c_dataset},
  {name: 'Event', count: c_event},
  {name: 'Forum', count: c_forum},
  {name: 'Passage', count: c_passage},
  {name: 'Source', count: c_source}
] WHERE row.count > 0] AS labels,
[row IN [
  {name: 'ABOUT', count: c_about},
  {name: 'AT_FORUM', count: c_at_forum},
  {name: 'AUTHORED_BY', count: c_authored_by},
  {name: 'CONTRADICTS', count: c_contradicts},
  {name: 'EVIDENCED_BY', count: c_evidenced_by},
  {name: 'HOLDS_ROLE', count: c_holds_role},
  {name: 'IN_SOURCE', count: c_in_source},
  {name: 'MEMBER_OF', count: c_member_of},
  {name: 'MET', count: c_met},
  {name: 'PARTICIPATED_IN', count: c_participated_in},
  {name: 'PART_OF', count: c_part_of},
  {name: 'STATED_BY', count: c_stated_by}
] WHERE row.count > 0] AS relationshipTypes
RETURN labels, relationshipTypes
