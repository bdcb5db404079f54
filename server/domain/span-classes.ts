/**
 * Span classes of dated entries: the one definition the loaders (server/dataset/resolve.ts) and
 * the projection's backfill use, and the timeline's per-class lower bounds (docs/performance.md).
 */

/**
 * The classes there can be: a span is at most 9999-12-31 − 0001-01-01 = 3,652,058 days < 2^22,
 * so its class is at most 22.
 */
export const SPAN_CLASSES = 23;

/** Days from `start` to `end` (ISO dates), as Cypher's `duration.inDays(start, end).days` counts them. */
export function spanDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

/**
 * The span class of a span in days: its number of bits, so that a span of class c is < 2^c
 * (0 for a single day, 1 for 1 day, 2 for 2–3, 3 for 4–7…). A negative span counts as 0.
 * @example spanClass(0) === 0; spanClass(1) === 1; spanClass(7) === 3; spanClass(8) === 4
 */
export function spanClass(days: number): number {
  return days <= 0 ? 0 : 32 - Math.clz32(days);
}

/**
 * The span class of an entry from its start and (possibly open) end, as the timeline places it
 * (an open end is the start), or undefined when it has no start (the timeline does not list it).
 * @example spanClassOf("2024-01-01", "2024-12-31") === 9 // 365 days
 */
export function spanClassOf(start: string | undefined, end: string | undefined): number | undefined {
  if (start === undefined) return undefined;
  return spanClass(end === undefined ? 0 : spanDays(start, end));
}

/** Where one class's index read starts: `lower` (ISO date), for entries of that class. */
export interface ClassBound {
  class: number;
  lower: string;
}

/** The earliest day a timeline read can start from (Neo4j dates begin at year 1). */
export const EARLIEST = "0001-01-01";

/**
 * `day` moved back by `days` (ISO dates; never before year 1).
 * @example daysBefore("2024-03-01", 1) === "2024-02-29"
 */
export function daysBefore(day: string, days: number): string {
  const moved = new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000);
  if (Number.isNaN(moved.getTime()) || moved.getUTCFullYear() < 1) return EARLIEST;
  return moved.toISOString().slice(0, 10).padStart(10, "0");
}

/**
 * For each class present, where its read starts: an entry of that class overlapping a window that
 * opens on `from` began at most its longest span before `from` (`spans[c]`, from the dates summary;
 * −1 where no entry has class c: not read). Without a summary (`spans` null), every class is read
 * from `from − (2^c − 1)`, the most a span of class c can be. A cursor (`afterStart`, the start of
 * the previous page's last entry) that is later than a class's bound moves it forward.
 * @example classBounds("2024-03-10", [0, -1, 3], null) // [{class: 0, lower: "2024-03-10"}, {class: 2, lower: "2024-03-07"}]
 */
export function classBounds(from: string, spans: readonly number[] | null, afterStart: string | null): ClassBound[] {
  const longest = spans ?? Array.from({ length: SPAN_CLASSES }, (_, c) => 2 ** c - 1);
  const bounds: ClassBound[] = [];
  for (const [c, span] of longest.entries()) {
    if (span < 0) continue;
    const lower = daysBefore(from, span);
    bounds.push({ class: c, lower: afterStart !== null && afterStart > lower ? afterStart : lower });
  }
  return bounds;
}
