// The Neo4j server's version and edition, for /api/health.
// Parameters: none. Returns: version (string), edition (string), one row.
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition
