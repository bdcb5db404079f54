// Benchmark baseline only (bench/run.ts): the naive neighbourhood, every node and relationship
// within two hops, unfiltered and unbounded.
// Parameters: id (string). Returns: path (Path), one row per path.
MATCH path = (c {id: $id})-[*1..2]-()
RETURN path
