// Streaming load: the database's transaction memory limits, to tell before publishing whether the
// one publishing transaction can fit (a limit of 0 means none).
// Parameters: none. Returns: name (string), value (string, e.g. "768.00MiB" or "805306368"), one row
// per limit.
SHOW SETTINGS YIELD name, value
WHERE name IN ['dbms.memory.transaction.total.max', 'db.memory.transaction.max']
RETURN name, value
