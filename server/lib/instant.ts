/** Instants as the API writes every one: ISO 8601 in UTC with milliseconds. */

/**
 * "…T13:59:44.790Z" from a Neo4j `toString(datetime)` (which drops trailing zeros: "…44.79Z" sorts
 * after "…44.791Z" as text) or any other form `Date` reads.
 * @example instant("2026-11-30T13:59:44.79Z") // "2026-11-30T13:59:44.790Z"
 */
export const instant = (value: unknown): string => new Date(String(value)).toISOString();
