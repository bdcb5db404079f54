// Every property key the database knows, for the console's autocompletion.
// Parameters: none. Returns: key (string), one row per key, in order.
CALL db.propertyKeys() YIELD propertyKey
RETURN propertyKey AS key
ORDER BY key
