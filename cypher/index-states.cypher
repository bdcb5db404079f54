// Each index's state, polled while a freshly imported store's indexes populate (server/neo4j/schema.ts
// applySchemaTimed): when each came online, where the wait for them goes.
// Parameters: none. Returns: name (string), state (string: ONLINE, POPULATING, FAILED), one row per index.
SHOW INDEXES YIELD name, state
RETURN name, state
