// Marks the derived data (who met whom, the dates summary) as being rebuilt: a reader of
// projection/state sees `building` until projection/done, so a rebuild cut short is redone at the
// next start.
// Parameters: version (integer, what server/domain/projections.ts derives). Returns: id (string), one row.
MERGE (p:Projection {id: 'projection:derived'})
SET p.name = 'Derived data: who met whom and the dates summary',
  p.version = $version,
  p.state = 'building'
RETURN p.id AS id
