/** The timeline: dated events and claims in order, a page at a time, with their date precision. */
import { z } from "zod";
import type { TimelineEntry, TimelineResponse } from "../../common/api-types.js";
import { temporal } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { nodeLabel } from "../neo4j/to-elements.js";
import { datePrecision } from "./date-precision.js";
import { InvalidArgumentError } from "./errors.js";
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
}>("timeline/entries", "READ").rows({
  entry: z.object({
    id: z.string(),
    type: z.enum(TIMELINE_TYPES),
    name: z.string().nullable(),
    text: z.string().nullable(),
    kind: z.string().nullable(),
  }),
  start: temporal(),
  end: temporal(),
  precision: z.string().nullable(),
  text: z.string().nullable(),
});

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

/** What a cursor holds: an entry's start and end days and its id. */
const cursorSchema = z.tuple([z.string().regex(isoDay), z.string().regex(isoDay), z.string()]);

/** The entry a cursor points after, or InvalidArgumentError naming `cursor`. */
function decodeCursor(cursor: string): After {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) {
      const [start, end, id] = parsed.data;
      return { start, end, id };
    }
  } catch {
    // Reported below.
  }
  throw new InvalidArgumentError(
    "timeline",
    "cursor",
    "must be the `next` of a previous page",
    "cursor is not one this endpoint gave.",
  );
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
  const { rows } = await runner.run(
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
  const page = rows.slice(0, options.limit);
  const list: TimelineEntry[] = page.map(({ entry, start, end, precision, text }) => ({
    id: entry.id,
    type: entry.type,
    label: nodeLabel(entry, entry.id),
    kind: entry.kind ?? "",
    date: {
      start,
      end,
      precision: datePrecision(precision),
      text: text ?? (start === end ? start : `${start} – ${end}`),
    },
  }));
  const truncated = rows.length > options.limit;
  const last = page.at(-1);
  return {
    entries: list,
    truncated,
    next: truncated && last ? encodeCursor({ start: last.start, end: last.end, id: last.entry.id }) : null,
  };
}
