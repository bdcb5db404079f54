/** Turns the dataset's partial dates into inclusive ISO bounds, a precision and display text, never more precise than the source: pure functions. */
import type { DateSpec } from "./schema.js";

export type DatePrecision = "day" | "month" | "year" | "decade";

/** A date as the graph stores it (before the loader turns ISO bounds into Neo4j Dates). */
export interface ResolvedDate {
  /** Earliest day meant, ISO `YYYY-MM-DD`; null for an open start. */
  start: string | null;
  /** Latest day meant, ISO `YYYY-MM-DD`; null for an open end. */
  end: string | null;
  precision: DatePrecision;
  qualifier: string | null;
  text: string;
  note: string | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2, decade: 3 };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The bounds of one partial date.
 * @example partialDate("2024-05") // { start: "2024-05-01", end: "2024-05-31", precision: "month", text: "May 2024" }
 */
export function partialDate(value: string): { start: string; end: string; precision: DatePrecision; text: string } {
  const decade = /^(\d{3})0s$/.exec(value);
  if (decade) {
    const first = Number(decade[1]) * 10;
    return { start: `${pad(first, 4)}-01-01`, end: `${pad(first + 9, 4)}-12-31`, precision: "decade", text: value };
  }
  const [year, month, day] = value.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) {
    return { start: `${pad(year, 4)}-01-01`, end: `${pad(year, 4)}-12-31`, precision: "year", text: String(year) };
  }
  const monthText = `${MONTHS[month - 1]} ${year}`;
  if (day === undefined) {
    return {
      start: `${pad(year, 4)}-${pad(month)}-01`,
      end: `${pad(year, 4)}-${pad(month)}-${pad(daysIn(year, month))}`,
      precision: "month",
      text: monthText,
    };
  }
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { start: iso, end: iso, precision: "day", text: `${day} ${monthText}` };
}

/** True when a partial date names a real calendar day/month ("2025-02-30" does not). */
export function isRealDate(value: string): boolean {
  const parts = value.split("-").map(Number);
  const [year, month, day] = parts as [number, number | undefined, number | undefined];
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  return day === undefined || (day >= 1 && day <= daysIn(year, month));
}

/**
 * Bounds, precision and display text of a date spec. A range takes the coarser precision of its
 * ends; an open end is null. The qualifier ("late", "before", "since"…) leads the text.
 * @example resolveDate({ from: "2022-02", to: "2025-02" }).text // "Feb 2022 – Feb 2025"
 * @example resolveDate({ on: "1960s", qualifier: "late" }).text // "late 1960s"
 */
export function resolveDate(spec: DateSpec): ResolvedDate {
  const qualifier = spec.qualifier ?? null;
  const note = spec.note ?? null;
  const lead = (text: string, fallback: string) => (qualifier ? `${qualifier} ${text}` : `${fallback}${text}`);
  if (spec.on !== undefined) {
    const on = partialDate(spec.on);
    return { start: on.start, end: on.end, precision: on.precision, qualifier, text: lead(on.text, ""), note };
  }
  const from = spec.from === undefined ? undefined : partialDate(spec.from);
  const to = spec.to === undefined ? undefined : partialDate(spec.to);
  const precisions = [from?.precision, to?.precision].filter((p): p is DatePrecision => p !== undefined);
  const precision = precisions.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), precisions[0] ?? "day");
  const text =
    from && to
      ? lead(`${from.text} – ${to.text}`, "")
      : from
        ? lead(from.text, "from ")
        : lead(to?.text ?? "", "until ");
  return { start: from?.start ?? null, end: to?.end ?? null, precision, qualifier, text, note };
}
