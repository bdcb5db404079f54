/**
 * Date expressions with their precision, resolved against the publication date. Our own grammar
 * covers what news analysis writes and chrono-node misses (bare years, decades, "late 2021",
 * "the second half of 2024", "July last year", ranges, since/by/after); chrono-node adds weekdays,
 * "yesterday" and "3 days ago", never overriding a span found here.
 */
import * as chrono from "chrono-node";
import type { DatePrecision, DateQualifier } from "./types.js";

export interface FoundDate {
  start: number;
  end: number;
  value: string;
  precision: DatePrecision;
  qualifier?: DateQualifier;
  from?: string;
  to?: string;
  score: number;
  reason: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
/** Full names, and abbreviations that need a number beside them (so "Dong Jun" is not June). */
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;

const pad = (n: number) => String(n).padStart(2, "0");

function monthIndex(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "");
  return MONTHS.findIndex((m) => m.startsWith(key.slice(0, 3))) + 1;
}

/** One date, before qualifiers and ranges: its partial value, precision and bounds. */
interface Point {
  value: string;
  precision: Exclude<DatePrecision, "range">;
  /** A part of a year given as months ("second half of 2024"). */
  from?: string;
  to?: string;
}

interface Context {
  published: Date;
  /** The sentence around the date speaks of the future ("will", "is expected to"). */
  future: boolean;
}

/**
 * A month without a year: in a sentence about the future, the next such month from publication;
 * otherwise the latest one not far after it (news mostly looks back).
 */
function yearForMonth(month: number, ctx: Context, day = 1): number {
  const year = ctx.published.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  if (ctx.future) return candidate < ctx.published.getTime() ? year + 1 : year;
  return candidate > ctx.published.getTime() + 31 * 86_400_000 ? year - 1 : year;
}

const FUTURE =
  /\b(?:will|shall|would(?!\s+have\b)|going to|is expected|are expected|is due|are due|plans? to|planned|scheduled|upcoming|is to|are to|agreed to|intends? to)\b/i;

/** Whether the sentence around `at` (at most 300 characters each way) speaks of the future. */
function futureAt(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 300), at + 300);
  const here = Math.min(at, 300);
  const from = Math.max(window.lastIndexOf(". ", here), window.lastIndexOf("\n", here), 0);
  const stop = window.slice(here).search(/[.!?](?:\s|$)/);
  return FUTURE.test(window.slice(from, stop === -1 ? window.length : here + stop));
}

/** Readers of one date at the start of `s`, longest first; each returns its length and value. */
type Reader = { re: RegExp; read: (m: RegExpExecArray, ctx: Context) => Point | null; reason: string };

const READERS: Reader[] = [
  {
    re: new RegExp(String.raw`^(first|second|1st|2nd)\s+half\s+of\s+(${YEAR})\b`, "i"),
    reason: "half of a year",
    read: (m) => {
      const first = /^(first|1st)$/i.test(m[1] ?? "");
      const y = m[2];
      return {
        value: `${y}-${first ? "01" : "07"}/${y}-${first ? "06" : "12"}`,
        precision: "month",
        from: `${y}-${first ? "01" : "07"}`,
        to: `${y}-${first ? "06" : "12"}`,
      };
    },
  },
  {
    re: new RegExp(
      String.raw`^(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+(${YEAR})\b`,
      "i",
    ),
    reason: "quarter of a year",
    read: (m) => {
      const word = /^(?:final|last)$/i.test(m[1] ?? "") ? "fourth" : m[1]?.toLowerCase();
      const q = ["first", "second", "third", "fourth"].findIndex((w, i) => w === word || `${i + 1}` === m[1]?.[0]);
      const y = m[2];
      const from = `${y}-${pad(q * 3 + 1)}`;
      const to = `${y}-${pad(q * 3 + 3)}`;
      return { value: `${from}/${to}`, precision: "month", from, to };
    },
  },
  {
    re: new RegExp(String.raw`^(${MONTH})\s+(${DAY}),?\s+(${YEAR})\b`),
    reason: "month, day and year",
    read: (m) => point(m[3], monthIndex(m[1] ?? ""), Number.parseInt(m[2] ?? "", 10)),
  },
  {
    re: new RegExp(String.raw`^(${DAY})\s+(?:of\s+)?(${MONTH}),?\s+(${YEAR})\b`),
    reason: "day, month and year",
    read: (m) => point(m[3], monthIndex(m[2] ?? ""), Number.parseInt(m[1] ?? "", 10)),
  },
  {
    re: new RegExp(String.raw`^(${MONTH})\s+(?:of\s+)?(${YEAR})\b`),
    reason: "month and year",
    read: (m) => point(m[2], monthIndex(m[1] ?? "")),
  },
  {
    re: new RegExp(String.raw`^(${MONTH})\s+(last|this|next)\s+year\b`),
    reason: "month of a year relative to publication",
    read: (m, ctx) => {
      const shift = m[2] === "last" ? -1 : m[2] === "next" ? 1 : 0;
      return point(String(ctx.published.getUTCFullYear() + shift), monthIndex(m[1] ?? ""));
    },
  },
  {
    re: new RegExp(String.raw`^(last|this|next)\s+(${MONTH})\b`),
    reason: "month relative to publication",
    read: (m, ctx) => {
      const month = monthIndex(m[2] ?? "");
      const pubYear = ctx.published.getUTCFullYear();
      const pubMonth = ctx.published.getUTCMonth() + 1;
      // "last July" is the latest July before the publication month, "next July" the first after.
      const year =
        m[1] === "last"
          ? month < pubMonth
            ? pubYear
            : pubYear - 1
          : m[1] === "next"
            ? month > pubMonth
              ? pubYear
              : pubYear + 1
            : pubYear;
      return point(String(year), month);
    },
  },
  {
    re: new RegExp(String.raw`^(${MONTH})\s+(${DAY})\b(?!\s*(?:,\s*)?\d)`),
    reason: "month and day, the year read from the publication date",
    read: (m, ctx) => {
      const month = monthIndex(m[1] ?? "");
      const day = Number.parseInt(m[2] ?? "", 10);
      return point(String(yearForMonth(month, ctx, day)), month, day);
    },
  },
  {
    re: new RegExp(String.raw`^(${DAY})\s+(?:of\s+)?(${MONTH})\b(?!\s*,?\s*\d)`),
    reason: "day and month, the year read from the publication date",
    read: (m, ctx) => {
      const month = monthIndex(m[2] ?? "");
      const day = Number.parseInt(m[1] ?? "", 10);
      return point(String(yearForMonth(month, ctx, day)), month, day);
    },
  },
  {
    // A month alone ("in late October"): kept only after a preposition or qualifier (see findDates), as "May" is also a verb.
    re: /^(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*,?\s*\d)/,
    reason: "month, the year read from the publication date",
    read: (m, ctx) => {
      const month = monthIndex(m[1] ?? "");
      return point(String(yearForMonth(month, ctx)), month);
    },
  },
  {
    re: /^((?:1[5-9]|20)\d0)['’]?s\b/,
    reason: "decade",
    read: (m) => ({ value: `${m[1]}s`, precision: "decade" }),
  },
  {
    // "the previous year" is relative to the figure beside it, not to publication: not read here.
    re: /^(last|this|next)\s+year\b/i,
    reason: "year relative to publication",
    read: (m, ctx) => {
      const word = m[1]?.toLowerCase();
      const shift = word === "this" ? 0 : word === "next" ? 1 : -1;
      return { value: String(ctx.published.getUTCFullYear() + shift), precision: "year" };
    },
  },
  {
    // A bare year: not inside a name ("Ocean-2024"), a bigger number, an amount or a code.
    re: new RegExp(
      String.raw`^(${YEAR})(?![\d,.]\d|\s*(?:%|percent|per\s+cent|troops|people|ships|km|kilometres|miles|tons|tonnes)\b|[-–]\d)`,
    ),
    reason: "year",
    read: (m) => ({ value: m[1] ?? "", precision: "year" }),
  },
];

function point(year: string | undefined, month: number, day?: number): Point | null {
  if (!year || month < 1) return null;
  if (day === undefined) return { value: `${year}-${pad(month)}`, precision: "month" };
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return { value: `${year}-${pad(month)}-${pad(day)}`, precision: "day" };
}

/** Reads one date at `offset`; null when none starts there. The text before must not be a letter, digit or a joining hyphen. */
function readPoint(
  text: string,
  offset: number,
  ctx: Context,
): { point: Point; length: number; reason: string } | null {
  const before = text.slice(Math.max(0, offset - 1), offset);
  if (/[\p{L}\p{N}]/u.test(before)) return null;
  if (/[-–]/.test(before) && /[\p{L}]/u.test(text[offset - 2] ?? "")) return null;
  const rest = text.slice(offset, offset + 60);
  for (const reader of READERS) {
    const m = reader.re.exec(rest);
    if (!m) continue;
    const p = reader.read(m, { ...ctx, future: futureAt(text, offset) });
    if (p) return { point: p, length: m[0].length, reason: reader.reason };
  }
  return null;
}

const QUALIFIER_WORDS: Record<string, DateQualifier> = {
  early: "early",
  mid: "mid",
  late: "late",
  since: "since",
  before: "before",
  "prior to": "before",
  after: "after",
  by: "by",
  until: "by",
  "up to": "by",
  about: "about",
  around: "about",
  circa: "about",
};

const QUALIFIER_RE =
  /(?:^|[^\p{L}])((?:early|late|mid)-?|since|before|prior to|after|by|until|up to|about|around|circa)\s*$/iu;

/**
 * Every date expression of `text`, longest first and never overlapping, resolved against
 * `publishedAt` (an ISO date; today when absent).
 * @example findDates("Exports surged in late 2021.", "2025-05-09") // [{ value: "2021", precision: "year", qualifier: "late", … }]
 */
export function findDates(text: string, publishedAt?: string): FoundDate[] {
  const published = publishedAt ? new Date(`${publishedAt.slice(0, 10)}T12:00:00Z`) : new Date();
  const ctx: Context = { published: Number.isNaN(published.getTime()) ? new Date() : published, future: false };
  const found: FoundDate[] = [];
  const starts = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])/gu;
  let skipTo = 0;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const at = m.index;
    starts.lastIndex = at + 1; // the match is empty: step past it
    if (at < skipTo) continue;
    const range = readRange(text, at, ctx);
    if (range) {
      found.push(range);
      skipTo = range.end;
      continue;
    }
    const one = readPoint(text, at, ctx);
    if (!one) continue;
    let start = at;
    let qualifier: DateQualifier | undefined;
    const windowStart = Math.max(0, at - 20);
    const window = text.slice(windowStart, at);
    const q = QUALIFIER_RE.exec(window);
    const qStart = q?.[1] ? windowStart + window.lastIndexOf(q[1]) : -1;
    if (q?.[1] && qStart >= (found.at(-1)?.end ?? 0)) {
      qualifier = QUALIFIER_WORDS[q[1].toLowerCase().replace(/\s+/g, " ").replace(/-$/, "")];
      if (qualifier) start = qStart;
    }
    // A bare year without a preposition or qualifier is less sure to be a date ("2024 saw…" is, "Model 2024" is not).
    const prep = /\b(?:in|of|during|from|to|through|throughout|and|year|since|by|after|before|until)\s+$/i.test(
      text.slice(Math.max(0, at - 12), at),
    );
    const bareYear = one.reason === "year" && !qualifier && !prep;
    if (one.reason === "month, the year read from the publication date" && !qualifier && !prep) continue;
    found.push({
      start,
      end: at + one.length,
      ...one.point,
      precision: one.point.from ? "range" : one.point.precision,
      ...(qualifier ? { qualifier } : {}),
      score: bareYear ? 0.6 : one.point.precision === "day" || one.point.precision === "month" ? 0.95 : 0.85,
      reason: `Date: ${one.reason}${qualifier ? ` (${qualifier})` : ""}${one.reason.includes("relative") || one.reason.includes("publication") ? `, read against the publication date ${ctx.published.toISOString().slice(0, 10)}` : ""}.`,
    });
    skipTo = at + one.length;
  }
  return addChrono(text, ctx, found).sort((a, b) => a.start - b.start);
}

/** "between February 2022 and February 2025", "from 2003 to 2025". */
function readRange(text: string, at: number, ctx: Context): FoundDate | null {
  const lead = /^(between|from)\s+/i.exec(text.slice(at, at + 10));
  if (!lead) return null;
  const first = readPoint(text, at + lead[0].length, ctx);
  if (!first) return null;
  const afterFirst = at + lead[0].length + first.length;
  const join = /^\s*(?:and|to|until|till|through|–|-)\s*/i.exec(text.slice(afterFirst, afterFirst + 12));
  if (!join) return null;
  if (lead[1]?.toLowerCase() === "between" && !/and/i.test(join[0])) return null;
  const second = readPoint(text, afterFirst + join[0].length, ctx);
  if (!second) return null;
  const from = first.point.from ?? first.point.value;
  const to = second.point.to ?? second.point.value;
  return {
    start: at,
    end: afterFirst + join[0].length + second.length,
    value: `${from}/${to}`,
    precision: "range",
    from,
    to,
    score: 0.9,
    reason: `Date range: ${lead[1]?.toLowerCase()} ${first.reason} and ${second.reason}.`,
  };
}

/** What chrono-node's strict parser finds that the grammar above did not: weekdays, "yesterday", "two weeks ago". */
function addChrono(text: string, ctx: Context, found: FoundDate[]): FoundDate[] {
  // The casual parser reads weekdays and "yesterday"; only those kinds of results are kept (it also reads "now" and "from 2").
  const results = chrono.casual
    .parse(text, ctx.published, { forwardDate: false })
    .filter((r) =>
      /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|ago)\b/i.test(r.text),
    );
  const out = [...found];
  for (const r of results) {
    // chrono includes a leading preposition ("on Tuesday"); the date is the word after it.
    const lead = /^(?:on|at|in|by)\s+/i.exec(r.text)?.[0].length ?? 0;
    const start = r.index + lead;
    const end = r.index + r.text.length;
    if (out.some((f) => f.start < end && start < f.end)) continue;
    const known = {
      day: r.start.isCertain("day") ? 1 : undefined,
      weekday: r.start.isCertain("weekday") ? 1 : undefined,
    };
    const date = r.start.date();
    const y = date.getFullYear();
    if (known.day === undefined && known.weekday === undefined && !/ago|yesterday|today|tomorrow/i.test(r.text))
      continue;
    const value = `${y}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    out.push({
      start,
      end,
      value,
      precision: "day",
      score: 0.7,
      reason: `Date (chrono-node): "${r.text}" read against the publication date ${ctx.published.toISOString().slice(0, 10)}.`,
    });
  }
  return out;
}
