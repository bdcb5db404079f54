/** Who an actor met, one page of counterparts at a time, each with its events, forums and the claims that count them. */
import { z } from "zod";
import type {
  AggregateClaim,
  Counterpart,
  EvidenceItem,
  MeetingEvent,
  MeetingsResponse,
} from "../../common/api-types.js";
import { int, listOrEmpty, node } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner, type RowOf } from "../neo4j/query-runner.js";
import { dateValue, evidenceByIds, pick } from "./evidence.js";
import { LISTED_CLAIMS, LISTED_EVENTS, LISTED_FORUMS, MEETING_KINDS, PAIR_CLAIMS } from "./met-projection.js";
import { expectNode } from "./nodes.js";

interface Window {
  forum: string | null;
  from: string | null;
  to: string | null;
  kinds: readonly string[];
}
interface Page {
  offset: number;
  limit: number;
}
/** A page of counterparts, as both counterpart queries return it (the projection's also lists claims, unused here). */
const pageOfCounterparts = {
  total: int(),
  page: z.array(
    z.object({
      counterpart: node(),
      pair: z.string(),
      eventCount: int(),
      events: listOrEmpty(z.string()),
      forums: listOrEmpty(z.string()),
      forumCount: int(),
    }),
  ),
};
const counterparts = defineQuery<Page & { actor: string; pair: string | null; listedForums: number }>(
  "meetings/counterparts",
  "READ",
).rows(pageOfCounterparts);
const filtered = defineQuery<
  Window & Page & { actor: string; with: string | null; sample: number; listedForums: number }
>("meetings/counterparts-filtered", "READ").rows(pageOfCounterparts);
const pairEvents = defineQuery<Window & Page & { a: string; b: string }>("meetings/pair-events", "READ").rows({
  total: int(),
  events: z.array(z.string()),
});
interface DetailRow {
  counterpart: string;
  pair: string;
  events: string[];
  forums: string[];
}
const forum = z.object({ id: z.string(), name: z.string() });
/** Passage ids: their projection with their sources is read once per page (evidenceByIds). */
const evidence = z.array(z.string());
const details = defineQuery<{ rows: DetailRow[]; from: string | null; to: string | null; listedClaims: number }>(
  "meetings/details",
  "READ",
).rows({
  index: int(),
  counterpart: z.string(),
  events: z.array(z.object({ event: node(), forums: z.array(forum), evidence })),
  forums: z.array(forum),
  aggregates: z.array(z.object({ claim: node(), evidence })),
  aggregateCount: int(),
});
type Details = RowOf<typeof details>;

export interface MeetingsOptions {
  actor: string;
  with?: string | undefined;
  forum?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Counterparts per page, and how many to skip. */
  limit: number;
  offset: number;
  /** With `with`: events listed, and how many to skip. */
  eventsLimit: number;
  eventsOffset: number;
  /** Forums named per counterpart (LISTED_FORUMS unless given). */
  listedForums?: number | undefined;
  /** Aggregate claims listed per counterpart (LISTED_CLAIMS, or PAIR_CLAIMS with `with`, unless given). */
  listedClaims?: number | undefined;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);
/** A property's number (node properties are JSON already: a number, or a string past 2^53). */
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The pair key of two actors, as MET relationships carry it: the smaller id first. */
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

type Found = ReadonlyMap<string, EvidenceItem>;

function meetingEvent({ event, forums, evidence }: Details["events"][number], found: Found): MeetingEvent {
  const p = event.properties;
  return {
    id: String(p.id),
    name: String(p.name ?? p.id),
    kind: String(p.kind ?? ""),
    date: dateValue(p, "date"),
    place: text(p.place),
    forums,
    evidence: pick(found, evidence),
  };
}

function aggregateClaim({ claim, evidence }: Details["aggregates"][number], found: Found): AggregateClaim {
  const p = claim.properties;
  return {
    id: String(p.id),
    text: String(p.text ?? ""),
    value: numberOrNull(p.value),
    unit: text(p.unit),
    qualifier: text(p.qualifier),
    period: dateValue(p, "period"),
    evidence: pick(found, evidence),
  };
}

/**
 * Who the actor met. Without a forum or window, counterparts come from the MET projection, sorted
 * by how often they met; with one, they are counted from the actor's own events. `with` narrows
 * to one counterpart, whose events are then paged by `eventsLimit`/`eventsOffset`.
 * @example await meetings(runner, { actor: "actor:wang-yi", with: "actor:sergey-lavrov", limit: 50, offset: 0, eventsLimit: 100, eventsOffset: 0 })
 */
export async function meetings(
  runner: QueryRunner,
  options: MeetingsOptions,
  signal?: AbortSignal,
): Promise<MeetingsResponse> {
  const [actor] = await Promise.all([
    expectNode(runner, options.actor, "Actor", "actor", signal),
    options.with ? expectNode(runner, options.with, "Actor", "with", signal) : undefined,
    options.forum ? expectNode(runner, options.forum, "Forum", "forum", signal) : undefined,
  ]);
  const window: Window = {
    forum: options.forum ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    kinds: MEETING_KINDS,
  };
  const page: Page = { offset: options.offset, limit: options.limit };
  const projected = !options.forum && !options.from && !options.to;
  const [found] = (
    projected
      ? await runner.run(
          counterparts,
          {
            actor: options.actor,
            pair: options.with ? pairKey(options.actor, options.with) : null,
            listedForums: options.listedForums ?? LISTED_FORUMS,
            ...page,
          },
          { signal },
        )
      : await runner.run(
          filtered,
          {
            ...window,
            ...page,
            actor: options.actor,
            with: options.with ?? null,
            sample: LISTED_EVENTS,
            listedForums: options.listedForums ?? LISTED_FORUMS,
          },
          { signal },
        )
  ).rows;
  const total = found?.total ?? 0;
  const rows = (found?.page ?? []).map((row) => {
    // The latest few, in date order: the last page of the pair's events.
    const events = row.events.slice(-LISTED_EVENTS);
    return {
      node: row.counterpart,
      id: String(row.counterpart.properties.id),
      pair: row.pair,
      eventCount: row.eventCount,
      events,
      forums: row.forums,
      forumCount: row.forumCount,
      eventsOffset: Math.max(0, row.eventCount - events.length),
    };
  });

  // One pair asked for: its events are paged exactly instead of its latest few.
  const pairRow = options.with ? rows[0] : undefined;
  if (pairRow) {
    const [pageOfEvents] = (
      await runner.run(
        pairEvents,
        { ...window, a: options.actor, b: pairRow.id, offset: options.eventsOffset, limit: options.eventsLimit },
        { signal },
      )
    ).rows;
    pairRow.eventCount = pageOfEvents?.total ?? 0;
    pairRow.events = pageOfEvents?.events ?? [];
    pairRow.eventsOffset = Math.min(options.eventsOffset, pairRow.eventCount);
  }

  const { rows: shown } =
    rows.length === 0
      ? { rows: [] }
      : await runner.run(
          details,
          {
            rows: rows.map(({ id, pair, events, forums }) => ({ counterpart: id, pair, events, forums })),
            from: window.from,
            to: window.to,
            listedClaims: options.listedClaims ?? (options.with ? PAIR_CLAIMS : LISTED_CLAIMS),
          },
          { signal },
        );
  // The page's passages in one query: the projection every evidence shares.
  const passages = await evidenceByIds(
    runner,
    shown.flatMap((row) => [...row.events, ...row.aggregates].flatMap((item) => item.evidence)),
    signal,
  );
  const list: Counterpart[] = rows.map((row, index) => {
    const record = shown[index];
    const p = row.node.properties;
    const events = (record?.events ?? []).map((item) => meetingEvent(item, passages));
    const end = row.eventsOffset + events.length;
    return {
      actor: { id: row.id, name: String(p.name ?? row.id), kind: String(p.kind ?? "") },
      events,
      eventCount: row.eventCount,
      eventsOffset: row.eventsOffset,
      nextEventsOffset: end < row.eventCount ? end : null,
      aggregates: (record?.aggregates ?? []).map((item) => aggregateClaim(item, passages)),
      aggregateCount: record?.aggregateCount ?? 0,
      forums: record?.forums ?? [],
      forumCount: row.forumCount,
    };
  });
  const next = options.offset + list.length;
  return {
    actor: { id: options.actor, name: String(actor.node.properties.name ?? options.actor) },
    counterparts: list,
    total,
    offset: options.offset,
    nextOffset: next < total ? next : null,
  };
}
