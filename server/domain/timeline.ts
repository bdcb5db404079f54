/** GET /api/timeline: dated events and claims in order, a page at a time, with their date precision. */
import type { DatePrecision, TimelineEntry, TimelineResponse } from "../../common/api-types.js";
import { BadRequestError } from "../lib/errors.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { nodeLabel, toJson } from "../neo4j/to-elements.js";
import { projectionState } from "./projections.js";

export const TIMELINE_TYPES = ["Event", "Claim"] as const;
type TimelineType = (typeof TIMELINE_TYPES)[number];

interface After {
  start: string;
  end: string;
  id: string;
}
const entries = defineQuery<{
  types: readonly TimelineType[];
  from: string | null;
  to: string | null;
  eventLower: string;
  claimLower: string;
  periodLower: string;
  upper: string;
  after: After | null;
  limit: number;
}>("timeline/entries", "READ");

export interface TimelineOptions {
  types?: readonly TimelineType[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** The `next` of the previous page. */
  cursor?: string | undefined;
}

const EARLIEST = "0001-01-01";
const LATEST = "9999-12-31";
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The cursor after an entry: opaque to clients (base64url of its start, end and id). */
function encodeCursor(after: After): string {
  return Buffer.from(JSON.stringify([after.start, after.end, after.id])).toString("base64url");
}

/** The entry a cursor points after, or BadRequestError naming `cursor`. */
function decodeCursor(cursor: string): After {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === "string")) {
      const [start, end, id] = value as [string, string, string];
      if (isoDay.test(start) && isoDay.test(end)) return { start, end, id };
    }
  } catch {
    // Reported below.
  }
  throw new BadRequestError("GET /api/timeline: cursor is not one this endpoint gave.", [
    { parameter: "cursor", in: "query", message: "must be the `next` of a previous page" },
  ]);
}

/** `day` moved back by `days` (ISO dates; never before year 1). */
function daysBefore(day: string, days: number): string {
  const moved = new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000);
  if (Number.isNaN(moved.getTime()) || moved.getUTCFullYear() < 1) return EARLIEST;
  return moved.toISOString().slice(0, 10).padStart(10, "0");
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Entries ordered by start date, then end date, then id; `next` is the cursor of the next page.
 * @example await timeline(runner, { from: "2022-01-01", to: "2023-12-31", limit: 500 })
 */
export async function timeline(
  runner: QueryRunner,
  options: TimelineOptions,
  signal?: AbortSignal,
): Promise<TimelineResponse> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  // An entry that began before the window still reaches into it if it spans far enough: each
  // index read starts that far back, by the longest span of its kind (from the dates summary).
  let lower = { event: EARLIEST, claim: EARLIEST, period: EARLIEST };
  if (options.from) {
    const { dates } = await projectionState(runner, signal);
    if (dates) {
      lower = {
        event: daysBefore(options.from, dates.eventSpanDays),
        claim: daysBefore(options.from, dates.claimSpanDays),
        period: daysBefore(options.from, dates.periodSpanDays),
      };
    }
  }
  if (after)
    lower = {
      event: later(lower.event, after.start),
      claim: later(lower.claim, after.start),
      period: later(lower.period, after.start),
    };
  const { records } = await runner.run(
    entries,
    {
      types: options.types ?? TIMELINE_TYPES,
      from: options.from ?? null,
      to: options.to ?? null,
      eventLower: lower.event,
      claimLower: lower.claim,
      periodLower: lower.period,
      upper: options.to ?? LATEST,
      after,
      limit: options.limit,
    },
    { signal },
  );
  const list: TimelineEntry[] = records.slice(0, options.limit).map((record) => {
    const properties = record.get("entry") as Record<string, unknown> & { type: "Event" | "Claim" };
    const id = String(properties.id);
    const start = toJson(record.get("start")) as string;
    const end = (toJson(record.get("end")) as string | null) ?? start;
    return {
      id,
      type: properties.type,
      label: nodeLabel(properties, id),
      kind: String(properties.kind ?? ""),
      date: {
        start,
        end,
        precision: ((record.get("precision") as string | null) ?? "day") as DatePrecision,
        text: (record.get("text") as string | null) ?? (start === end ? start : `${start} – ${end}`),
      },
    };
  });
  const truncated = records.length > options.limit;
  const last = list.at(-1);
  return {
    entries: list,
    truncated,
    next:
      truncated && last
        ? encodeCursor({ start: last.date.start as string, end: last.date.end as string, id: last.id })
        : null,
  };
}
