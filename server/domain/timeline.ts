/** The timeline: dated events and claims in order, a page at a time, with their date precision. */
import { z } from "zod";
import type { TimelineEntry, TimelineResponse } from "../../common/api-types.js";
import { temporal } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { nodeLabel } from "../neo4j/to-elements.js";
import { datePrecision } from "./date-precision.js";
import { InvalidArgumentError } from "./errors.js";
import { projectionState } from "./projections.js";
import { type ClassBound, classBounds, EARLIEST } from "./span-classes.js";

export const TIMELINE_TYPES = ["Event", "Claim"] as const;
type TimelineType = (typeof TIMELINE_TYPES)[number];

interface After {
  start: string;
  end: string;
  id: string;
}
const entryColumns = {
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
};
/** Without a window's start: one read per kind of date, from the cursor. */
const entries = defineQuery<{
  types: readonly TimelineType[];
  lower: string;
  upper: string;
  after: After | null;
  limit: number;
}>("timeline/entries", "READ").rows(entryColumns);
/** With a window's start: one read per kind of date and span class, each from its own bound. */
const windowed = defineQuery<{
  event: ClassBound[];
  claim: ClassBound[];
  period: ClassBound[];
  from: string;
  upper: string;
  after: After | null;
  limit: number;
}>("timeline/window", "READ").rows(entryColumns);

export interface TimelineOptions {
  types?: readonly TimelineType[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** The `next` of the previous page. */
  cursor?: string | undefined;
}

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

/**
 * Where each span class of each kind of date is read from, for a window opening on `from`: the
 * classes present and their longest spans come from the dates summary. When it is not current
 * (a streaming load published before its rebuild, a rebuild under way) or absent, every class is
 * read as far back as a span of it can reach: a few more seeks, never a missed entry. A type not
 * asked for reads nothing.
 */
async function windowBounds(
  runner: QueryRunner,
  from: string,
  types: readonly TimelineType[],
  after: After | null,
  signal: AbortSignal | undefined,
): Promise<{ event: ClassBound[]; claim: ClassBound[]; period: ClassBound[]; from: string }> {
  const { current, dates } = await projectionState(runner, signal);
  const bounds = (wanted: TimelineType, spans: number[] | null | undefined) =>
    types.includes(wanted) ? classBounds(from, (current && spans) || null, after?.start ?? null) : [];
  return {
    event: bounds("Event", dates?.eventClassSpans),
    claim: bounds("Claim", dates?.claimClassSpans),
    period: bounds("Claim", dates?.periodClassSpans),
    from,
  };
}

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
  const types = options.types ?? TIMELINE_TYPES;
  const upper = options.to ?? LATEST;
  const { rows } = options.from
    ? await runner.run(
        windowed,
        { ...(await windowBounds(runner, options.from, types, after, signal)), upper, after, limit: options.limit },
        { signal },
      )
    : await runner.run(
        entries,
        { types, lower: after?.start ?? EARLIEST, upper, after, limit: options.limit },
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
