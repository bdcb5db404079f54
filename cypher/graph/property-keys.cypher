// Every property key the database knows, for the console's autocompletion, except those only
// drafts of sources use (they are not the explorer's graph; db.propertyKeys() lists every key ever
// written, so the drafts module names them).
// Parameters: hidden (list of strings: keys to leave out). Returns: key (string), one row per key, in order.
CALL db.propertyKeys() YIELD propertyKey
WITH propertyKey WHERE NOT propertyKey IN $hidden
RETURN propertyKey AS key
ORDER BY key
