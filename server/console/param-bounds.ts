/** The console's JSON parameters: how deeply they may nest, and how they become Cypher values. */
import neo4j from "neo4j-driver";

/**
 * Neo4j 5.26 answered a parameter nested 1,000 lists deep and never answered one 3,000 deep
 * (the Bolt connection stays held); the app turns nested values back into JSON recursively too.
 * Analysts pass ids, names and short lists: 32 levels is far more than they need and far below
 * where anything strains.
 */
export const MAX_PARAM_DEPTH = 32;

/**
 * JSON parameters as Cypher values: whole numbers become Cypher INTEGERs (JSON has one number
 * type and the driver sends every JS number as a FLOAT, so `LIMIT $n` with `{"n": 5}` failed);
 * other values are unchanged. Call after the depth check: it recurses.
 * @example toCypherParams({ n: 5, x: 2.5 }) // { n: Integer(5), x: 2.5 }
 */
export function toCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
    if (Array.isArray(value)) return value.map(convert);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, convert(entry)]));
    }
    return value;
  };
  return convert(params) as Record<string, unknown>;
}
