/** Dates as the graph holds them (ISO bounds + precision) turned into text people read, and compared with a time range. */
import type { DatePrecision, DateValue } from "../../common/api-types.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * One ISO date at a precision, never more precise than that.
 * @example formatIsoDate("2025-05-09", "day") === "9 May 2025"; formatIsoDate("2023-10-01", "month") === "Oct 2023"
 */
export function formatIsoDate(iso: string, precision: DatePrecision): string {
  const match = /^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  switch (precision) {
    case "decade":
      return `${Math.floor(year / 10) * 10}s`;
    case "year":
      return String(year);
    case "month":
      return month ? `${MONTHS[month - 1]} ${year}` : String(year);
    case "day":
      if (month && day) return `${day} ${MONTHS[month - 1]} ${year}`;
      return month ? `${MONTHS[month - 1]} ${year}` : String(year);
  }
}

/**
 * A DateValue as text: the source's own wording when the server sent it, else built from the bounds.
 * @example formatDate({ start: "2023-10-01", end: "2023-10-31", precision: "month", text: "" }) === "Oct 2023"
 */
export function formatDate(date: DateValue | null | undefined): string {
  if (!date) return "undated";
  if (date.text) return date.text;
  if (!date.start) return date.end ? `until ${formatIsoDate(date.end, date.precision)}` : "undated";
  const first = formatIsoDate(date.start, date.precision);
  if (!date.end) return `since ${first}`;
  const last = formatIsoDate(date.end, date.precision);
  return first === last ? first : `${first} – ${last}`;
}

/** Bounds of a dated thing; a null end is open ("since Feb 2022" has no end, "before Feb 2022" no start). */
export interface DateBounds {
  start: string | null;
  end: string | null;
}

/**
 * The date bounds a node carries, read from its properties (events and claims: `dateStart`/`dateEnd`, else a
 * claim's period). Either bound may be absent for an open range; null when the node is undated.
 * @example nodeDateBounds({ dateStart: "2022-02-01" }) // { start: "2022-02-01", end: null }: since Feb 2022
 */
export function nodeDateBounds(data: Record<string, unknown>): DateBounds | null {
  const iso = (key: string) => {
    const value = data[key];
    return typeof value === "string" && /^-?\d{4}/.test(value) ? value : null;
  };
  for (const prefix of ["date", "period"]) {
    const start = iso(`${prefix}Start`);
    const end = iso(`${prefix}End`);
    if (start || end) return { start, end };
  }
  return null;
}

/** A node's date as a DateValue, for display (null when it has none). */
export function nodeDate(data: Record<string, unknown>): DateValue | null {
  const bounds = nodeDateBounds(data);
  if (!bounds) return null;
  const precision = (data.datePrecision ?? data.periodPrecision ?? "day") as DatePrecision;
  const text =
    typeof data.dateText === "string" ? data.dateText : typeof data.periodText === "string" ? data.periodText : "";
  return { start: bounds.start, end: bounds.end, precision, text };
}

/** A time range; either end may be open. ISO dates `YYYY-MM-DD` (or a prefix such as `YYYY-MM`). */
export interface TimeRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Compares ISO date prefixes: "2023-10" is read as the start of October when it opens a range, its end when it closes one. */
const asStart = (iso: string) => (iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);
const asEnd = (iso: string) => (iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-31` : iso);

/**
 * Whether dated bounds overlap a range (inclusive). Undated things are inside every range; an open bound reaches
 * as far as it needs to.
 * @example overlapsRange({ start: "2025-05-09", end: "2025-05-09" }, { from: "2024" }) === true
 */
export function overlapsRange(bounds: DateBounds | null, range: TimeRange): boolean {
  if (!bounds) return true;
  if (range.from && bounds.end && asEnd(bounds.end) < asStart(range.from)) return false;
  if (range.to && bounds.start && asStart(bounds.start) > asEnd(range.to)) return false;
  return true;
}

/** Month index (year*12 + month-1) of an ISO date, for sliders. */
export function monthIndex(iso: string): number {
  const [year, month] = iso.split("-");
  return Number(year) * 12 + (month ? Number(month) - 1 : 0);
}

/** `YYYY-MM` of a month index. */
export function monthIso(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** "Oct 2023" for a month index. */
export const monthLabel = (index: number) => formatIsoDate(`${monthIso(index)}-01`, "month");

/**
 * The months a time slider stops at: the span's first and last month and every month in which something dated
 * starts or ends, sorted, without repeats. One step of the slider then always shows or hides something, however
 * long the span (the seed data reaches back to the 1960s but is dense from 2022).
 * @example timeStops([{ start: "2022-02-01", end: "2022-02-28" }], { start: "1960-01-01", end: "2025-12-31" }).length === 3
 */
export function timeStops(dates: readonly DateBounds[], span: { start: string; end: string }): number[] {
  const first = monthIndex(span.start);
  const last = monthIndex(span.end);
  const months = new Set([first, last]);
  for (const date of dates) {
    for (const iso of [date.start, date.end]) {
      if (!iso) continue;
      const month = monthIndex(iso);
      if (month > first && month < last) months.add(month);
    }
  }
  return [...months].sort((a, b) => a - b);
}

/**
 * The stop a range bound sits at: for "from", the last stop at or before it; for "to", the first at or after it.
 * @example stopIndex([10, 20, 30], 25, "from") === 1; stopIndex([10, 20, 30], 25, "to") === 2
 */
export function stopIndex(stops: readonly number[], month: number, bound: "from" | "to"): number {
  if (bound === "from") {
    let index = 0;
    stops.forEach((stop, i) => {
      if (stop <= month) index = i;
    });
    return index;
  }
  const index = stops.findIndex((stop) => stop >= month);
  return index < 0 ? stops.length - 1 : index;
}
