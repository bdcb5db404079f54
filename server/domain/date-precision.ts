/** A date's precision as the graph stores it (a string property), checked against the precisions the API knows. */
import type { DatePrecision } from "../../common/api-types.js";

const PRECISIONS = ["day", "month", "year", "decade"] as const satisfies readonly DatePrecision[];
const known: ReadonlySet<string> = new Set(PRECISIONS);
const isPrecision = (value: string): value is DatePrecision => known.has(value);

/**
 * The stored precision, or "day" when there is none (the loader writes one with every date, so a
 * date without one was given as a whole day).
 * @example datePrecision("month") === "month"; datePrecision(null) === "day"
 */
export function datePrecision(value: unknown): DatePrecision {
  return typeof value === "string" && isPrecision(value) ? value : "day";
}
