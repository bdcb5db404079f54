/** GET /api/meetings: who an actor met, one page of counterparts at a time, each with its events, forums and the claims that count them. */
import type { Node } from "neo4j-driver";
import type {
  AggregateClaim,
  Counterpart,
  EvidenceItem,
  MeetingEvent,
  MeetingsResponse,
} from "../../common/api-types.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { toJson } from "../neo4j/to-elements.js";
import { dateValue, evidenceByIds, pick } from "./evidence.js";
import { LISTED_EVENTS, MEETING_KINDS } from "./met-projection.js";
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
const counterparts = defineQuery<Page & { actor: string; pair: string | null }>("meetings/counterparts", "READ");
const filtered = defineQuery<Window & Page & { actor: string; with: string | null; sample: number }>(
  "meetings/counterparts-filtered",
  "READ",
);
const pairEvents = defineQuery<Window & Page & { a: string; b: string }>("meetings/pair-events", "READ");
interface DetailRow {
  counterpart: string;
  pair: string;
  events: string[];
  forums: string[];
}
const details = defineQuery<{ rows: DetailRow[]; from: string | null; to: string | null }>("meetings/details", "READ");

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
}

const props = (node: Node) => node.properties as Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : null);
const int = (value: unknown) => Number(toJson(value) ?? 0);
const numberOrNull = (value: unknown) => {
  const json = toJson(value);
  return typeof json === "number" ? json : json === null ? null : Number(json);
};

/** The pair key of two actors, as MET relationships carry it: the smaller id first. */
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

interface PageRow {
  counterpart: Node;
  pair: string;
  eventCount: unknown;
  events: string[];
  forums: string[];
}

type Found = ReadonlyMap<string, EvidenceItem>;

function meetingEvent(
  { event, forums, evidence }: { event: Node; forums: unknown; evidence: string[] },
  found: Found,
): MeetingEvent {
  const p = props(event);
  return {
    id: String(p.id),
    name: String(p.name ?? p.id),
    kind: String(p.kind ?? ""),
    date: dateValue(p, "date"),
    place: text(p.place),
    forums: (forums as { id: string; name: string }[]).map((forum) => ({ id: forum.id, name: forum.name })),
    evidence: pick(found, evidence),
  };
}

function aggregateClaim({ claim, evidence }: { claim: Node; evidence: string[] }, found: Found): AggregateClaim {
  const p = props(claim);
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
  const where = "GET /api/meetings";
  const [actor] = await Promise.all([
    expectNode(runner, options.actor, "Actor", "actor", where, signal),
    options.with ? expectNode(runner, options.with, "Actor", "with", where, signal) : undefined,
    options.forum ? expectNode(runner, options.forum, "Forum", "forum", where, signal) : undefined,
  ]);
  const window: Window = {
    forum: options.forum ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    kinds: MEETING_KINDS,
  };
  const page: Page = { offset: options.offset, limit: options.limit };
  const projected = !options.forum && !options.from && !options.to;
  const { records } = projected
    ? await runner.run(
        counterparts,
        { actor: options.actor, pair: options.with ? pairKey(options.actor, options.with) : null, ...page },
        { signal },
      )
    : await runner.run(
        filtered,
        { ...window, ...page, actor: options.actor, with: options.with ?? null, sample: LISTED_EVENTS },
        { signal },
      );
  const total = int(records[0]?.get("total"));
  const rows = ((records[0]?.get("page") as PageRow[] | undefined) ?? []).map((row) => {
    // The latest few, in date order: the last page of the pair's events.
    const events = (row.events ?? []).slice(-LISTED_EVENTS);
    return {
      node: row.counterpart,
      id: String(props(row.counterpart).id),
      pair: row.pair,
      eventCount: int(row.eventCount),
      events,
      forums: row.forums ?? [],
      eventsOffset: Math.max(0, int(row.eventCount) - events.length),
    };
  });

  // One pair asked for: its events are paged exactly instead of its latest few.
  const pairRow = options.with ? rows[0] : undefined;
  if (pairRow) {
    const { records: pageOfEvents } = await runner.run(
      pairEvents,
      { ...window, a: options.actor, b: pairRow.id, offset: options.eventsOffset, limit: options.eventsLimit },
      { signal },
    );
    pairRow.eventCount = int(pageOfEvents[0]?.get("total"));
    pairRow.events = (pageOfEvents[0]?.get("events") as string[] | undefined) ?? [];
    pairRow.eventsOffset = Math.min(options.eventsOffset, pairRow.eventCount);
  }

  const { records: shown } =
    rows.length === 0
      ? { records: [] }
      : await runner.run(
          details,
          {
            rows: rows.map(({ id, pair, events, forums }) => ({ counterpart: id, pair, events, forums })),
            from: window.from,
            to: window.to,
          },
          { signal },
        );
  type EventRow = Parameters<typeof meetingEvent>[0];
  type ClaimRow = Parameters<typeof aggregateClaim>[0];
  const eventRows = shown.map((record) => (record.get("events") as EventRow[] | undefined) ?? []);
  const claimRows = shown.map((record) => (record.get("aggregates") as ClaimRow[] | undefined) ?? []);
  // The page's passages in one query: the projection every evidence shares.
  const found = await evidenceByIds(
    runner,
    [...eventRows.flat(), ...claimRows.flat()].flatMap((row) => row.evidence),
    signal,
  );
  const list: Counterpart[] = rows.map((row, index) => {
    const record = shown[index];
    const p = props(row.node);
    const events = (eventRows[index] ?? []).map((item) => meetingEvent(item, found));
    const end = row.eventsOffset + events.length;
    return {
      actor: { id: row.id, name: String(p.name ?? row.id), kind: String(p.kind ?? "") },
      events,
      eventCount: row.eventCount,
      eventsOffset: row.eventsOffset,
      nextEventsOffset: end < row.eventCount ? end : null,
      aggregates: (claimRows[index] ?? []).map((item) => aggregateClaim(item, found)),
      forums: ((record?.get("forums") as { id: string; name: string }[] | undefined) ?? []).map((forum) => ({
        id: forum.id,
        name: forum.name,
      })),
    };
  });
  const next = options.offset + list.length;
  return {
    actor: { id: options.actor, name: String(props(actor.node).name ?? options.actor) },
    counterparts: list,
    total,
    offset: options.offset,
    nextOffset: next < total ? next : null,
  };
}
