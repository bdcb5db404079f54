/**
 * Event lookups for meeting proposals: in the graph (cypher/extract/events.cypher, one bounded
 * query per document) and over events held in memory (a dataset: the command line and the bench).
 */
import { z } from "zod";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import type { EventCandidate, EventQuery } from "./types.js";

/** Candidates kept per meeting; the most events read from one actor before the date index is used instead. */
const FETCH = 8;
const EXPAND_UP_TO = 1000;
/**
 * A window this short (a day, a month, the weeks before a publication) is read through the date
 * index when every participant is a hub, from SLACK_DAYS before it (a month-precision event starts
 * on the 1st). On the medium synthetic graph a day costs about 4,000 db hits this way, against
 * 40,000–50,000 to read a hub's 8,600 events; a year costs about the same either way.
 */
const NARROW_DAYS = 100;
const SLACK_DAYS = 31;
const DAY_MS = 86_400_000;

const eventsQuery = defineQuery<{
  meetings: {
    key: string;
    participants: string[];
    forum: string | null;
    least: number;
    kinds: string[];
    from: string | null;
    to: string | null;
    near: string | null;
    lower: string | null;
    years: string[];
  }[];
  expandUpTo: number;
  fetch: number;
}>("extract/events", "READ").rows({
  key: z.string(),
  event: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    precision: z.string().nullable(),
  }),
  participants: z.array(z.string()),
  forums: z.array(z.string()),
});

const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The query's parameters for one meeting: where a hub's index read starts (narrow windows only), and the years' first days. */
function paramsOf(q: EventQuery) {
  const window = q.window;
  const narrow = window !== null && ms(window.to) - ms(window.from) <= NARROW_DAYS * DAY_MS;
  const years = window ? [...new Set([window.from.slice(0, 4), window.to.slice(0, 4)])].map((y) => `${y}-01-01`) : [];
  return {
    key: q.key,
    participants: q.participants,
    forum: q.forum,
    least: q.least,
    kinds: q.kinds,
    from: window?.from ?? null,
    to: window?.to ?? null,
    near: q.near,
    lower: narrow && window ? new Date(ms(window.from) - SLACK_DAYS * DAY_MS).toISOString().slice(0, 10) : null,
    years,
  };
}

/**
 * Looks meetings up among the graph's events: one query per document, each meeting's read
 * bounded by its least active participant's events or by the days around its date.
 */
export function graphEventLookup(runner: QueryRunner, signal?: AbortSignal) {
  return async (queries: readonly EventQuery[]): Promise<Map<string, EventCandidate[]>> => {
    const out = new Map<string, EventCandidate[]>();
    if (queries.length === 0) return out;
    const { rows } = await runner.run(
      eventsQuery,
      { meetings: queries.map(paramsOf), expandUpTo: EXPAND_UP_TO, fetch: FETCH },
      { signal },
    );
    for (const row of rows) {
      const list = out.get(row.key) ?? [];
      list.push({
        entity: row.event.id,
        name: row.event.name,
        kind: row.event.kind,
        start: row.event.start,
        end: row.event.end,
        precision: row.event.precision,
        participants: row.participants,
        forums: row.forums,
      });
      out.set(row.key, list);
    }
    return out;
  };
}

/** An event as the memory lookup holds it: a candidate's fields, with all its participants. */
export type KnownEvent = Omit<EventCandidate, "participants" | "forums"> & {
  participants: readonly string[];
  forums: readonly string[];
};

/** The same lookup over events held in memory, with the same rules (kinds, overlap, shared participants, forum, nearest first). */
export function memoryEventLookup(events: readonly KnownEvent[]) {
  const byActor = new Map<string, KnownEvent[]>();
  for (const e of events)
    for (const a of e.participants) {
      const list = byActor.get(a);
      if (list) list.push(e);
      else byActor.set(a, [e]);
    }
  return async (queries: readonly EventQuery[]): Promise<Map<string, EventCandidate[]>> => {
    const out = new Map<string, EventCandidate[]>();
    for (const q of queries) {
      const pool = new Set(q.participants.flatMap((a) => byActor.get(a) ?? []));
      const found: (EventCandidate & { distance: number })[] = [];
      for (const e of pool) {
        if (!q.kinds.includes(e.kind)) continue;
        if (q.window && (!e.start || e.start > q.window.to || (e.end ?? e.start) < q.window.from)) continue;
        const participants = q.participants.filter((a) => e.participants.includes(a));
        if (participants.length < q.least && !(q.forum && e.forums.includes(q.forum) && participants.length > 0))
          continue;
        if (q.forum && e.forums.length > 0 && !e.forums.includes(q.forum)) continue;
        const distance = q.near && e.start ? Math.abs(ms(q.near) - ms(e.start)) : Number.MAX_SAFE_INTEGER;
        found.push({ ...e, participants, forums: [...e.forums], distance });
      }
      found.sort(
        (a, b) =>
          b.participants.length - a.participants.length || a.distance - b.distance || a.entity.localeCompare(b.entity),
      );
      out.set(
        q.key,
        found.slice(0, FETCH).map(({ distance: _, ...c }) => c),
      );
    }
    return out;
  };
}
