/**
 * Meetings resolved to the events the graph holds: a meeting proposal whose participants resolved
 * to known actors (two, or one and a known forum) is looked up among their events of a compatible
 * kind whose date overlaps its own, each candidate scored (participants, date, kind, forum); the
 * best is the proposal's `entity` when it is clearly the one, so that a second report of the same
 * meeting adds evidence to its event instead of making another.
 */
import { partialDate } from "../dataset/dates.js";
import type { Alternative, EntityResolver, EventCandidate, EventQuery, MeetingProposal, Proposal } from "./types.js";

/** A candidate at or above this score is the meeting's event, when no other comes within MARGIN of it. */
const LINK_AT = 0.75;
const MARGIN = 0.05;
/** How far before the publication an undated meeting's candidates are looked for (a report tells recent news). */
const RECENT_DAYS = 92;

/** Event kinds that can be the same happening as a proposed kind, the proposed kind first. */
const COMPATIBLE_KINDS: Record<MeetingProposal["eventKind"], string[]> = {
  meeting: ["meeting", "state-visit", "summit", "parade"],
  call: ["call", "meeting"],
  "state-visit": ["state-visit", "meeting", "summit"],
  summit: ["summit", "meeting", "state-visit"],
  "meeting-series": ["meeting-series"],
};

/** How much a date of each precision says about which day it was. */
const PRECISION_AGREEMENT: Record<string, number> = { day: 1, month: 0.85, year: 0.6, decade: 0.3, range: 0.3 };
const RANK: Record<string, number> = { day: 0, month: 1, year: 2, decade: 3, range: 4 };

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The inclusive days a date proposal means, with its precision; null for an open or one-sided date. */
function dateWindow(date: Extract<Proposal, { kind: "date" }>): { from: string; to: string; precision: string } | null {
  // "before 2020", "since 2022": one-sided, they do not say when a single meeting was.
  if (date.qualifier && ["before", "after", "since", "by"].includes(date.qualifier)) return null;
  try {
    if (date.precision === "range") {
      if (!date.from || !date.to) return null;
      return { from: partialDate(date.from).start, to: partialDate(date.to).end, precision: "range" };
    }
    const bounds = partialDate(date.value);
    return { from: bounds.start, to: bounds.end, precision: bounds.precision };
  } catch {
    return null;
  }
}

interface Prepared {
  query: EventQuery;
  meeting: MeetingProposal;
  /** All the meeting's participants, resolved or not (a new one counts against every candidate). */
  total: number;
  precision: string | null;
}

/** The lookups for the meetings of one extraction: those whose participants resolved to enough known nodes. */
function prepare(proposals: readonly Proposal[], publishedAt: string | undefined): Prepared[] {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const out: Prepared[] = [];
  for (const meeting of proposals) {
    if (meeting.kind !== "meeting") continue;
    const actors = [...new Set(meeting.participants.flatMap((id) => byId.get(id)?.entity ?? []))];
    const forumProposal = meeting.forum ? byId.get(meeting.forum) : undefined;
    const forum = forumProposal?.kind === "forum" ? forumProposal.entity : null;
    const dateProposal = meeting.date ? byId.get(meeting.date) : undefined;
    const dated = dateProposal?.kind === "date" ? dateWindow(dateProposal) : null;
    // One known actor is enough with a known forum, or for a dated state visit (its visitor).
    const visit = meeting.eventKind === "state-visit" && dated !== null;
    if (actors.length < 2 && !(actors.length === 1 && (forum || visit))) continue;
    const published = publishedAt && /^\d{4}-\d{2}-\d{2}/.test(publishedAt) ? publishedAt.slice(0, 10) : null;
    const window = dated
      ? { from: dated.from, to: dated.to }
      : published
        ? { from: isoDay(dayMs(published) - RECENT_DAYS * DAY_MS), to: published }
        : null;
    const near = dated ? isoDay((dayMs(dated.from) + dayMs(dated.to)) / 2) : published;
    out.push({
      query: {
        key: meeting.id,
        participants: actors,
        forum,
        least: actors.length === 1 && visit ? 1 : 2,
        kinds: actors.length === 1 && visit ? ["state-visit"] : COMPATIBLE_KINDS[meeting.eventKind],
        window,
        near,
      },
      meeting,
      total: meeting.participants.length,
      precision: dated?.precision ?? null,
    });
  }
  return out;
}

/** How well the event's date agrees with the meeting's: by the coarser precision, or by how much two spans overlap. */
function dateAgreement(p: Prepared, c: EventCandidate): { value: number; says: string } {
  const window = p.query.window;
  if (!p.precision || !window) return { value: 0, says: "the meeting's sentence gives no date" };
  if (!c.start) return { value: 0, says: "the event is undated" };
  const start = dayMs(c.start);
  const end = dayMs(c.end ?? c.start);
  const from = dayMs(window.from);
  const to = dayMs(window.to);
  const overlap = Math.min(end, to) - Math.max(start, from) + DAY_MS;
  if (overlap <= 0) return { value: 0, says: "different dates" };
  const union = Math.max(end, to) - Math.min(start, from) + DAY_MS;
  const coarser = (RANK[c.precision ?? "day"] ?? 0) > (RANK[p.precision] ?? 0) ? (c.precision ?? "day") : p.precision;
  const value = Math.max(PRECISION_AGREEMENT[coarser] ?? 0.3, 0.9 * (overlap / union));
  const says =
    coarser === "day"
      ? "the same day"
      : coarser === "month" || coarser === "year"
        ? `the same ${coarser}`
        : "dates that overlap";
  return { value, says };
}

/** A candidate's score: participants 0.45, date 0.35, kind 0.1, forum 0.1. */
function scoreCandidate(p: Prepared, c: EventCandidate): { score: number; why: string } {
  const participants = Math.min(1, c.participants.length / Math.max(1, p.total));
  const date = dateAgreement(p, c);
  const kind = c.kind === p.meeting.eventKind ? 1 : 0.7;
  // (An event at another forum than the meeting's is not looked up at all.)
  const forum = p.query.forum === null ? 0.5 : c.forums.includes(p.query.forum) ? 1 : 0.4;
  const score = 0.45 * participants + 0.35 * date.value + 0.1 * kind + 0.1 * forum;
  const why = `${c.participants.length} of ${p.total} participants, ${date.says}${kind < 1 ? `, a ${c.kind}` : ""}${forum === 1 ? ", at the forum" : ""}`;
  return { score: Math.round(score * 1000) / 1000, why };
}

/**
 * Sets each meeting proposal's `entity` to the event it reports when one candidate is clearly it,
 * and lists the others (or all, when none is) as alternatives. One lookup for the whole document.
 */
export async function linkMeetings(
  proposals: Proposal[],
  resolver: EntityResolver,
  publishedAt: string | undefined,
): Promise<void> {
  if (!resolver.events) return;
  const prepared = prepare(proposals, publishedAt);
  if (prepared.length === 0) return;
  const found = await resolver.events(prepared.map((p) => p.query));
  for (const p of prepared) {
    const ranked = (found.get(p.query.key) ?? [])
      .map((c) => ({ c, ...scoreCandidate(p, c) }))
      .sort((a, b) => b.score - a.score || a.c.entity.localeCompare(b.c.entity));
    const [best, second] = ranked;
    if (!best) continue;
    const linked = best.score >= LINK_AT && (!second || best.score - second.score >= MARGIN);
    const alternatives: Alternative[] = ranked
      .slice(linked ? 1 : 0, 6)
      .map(({ c, score }) => ({ entity: c.entity, name: c.name, score }));
    p.meeting.alternatives = alternatives;
    if (linked) {
      p.meeting.entity = best.c.entity;
      p.meeting.reason = `${p.meeting.reason} Reports ${best.c.entity} (${best.why}).`;
    } else {
      const because =
        best.score < LINK_AT
          ? `the best, ${best.c.entity}, has ${best.why}`
          : `${best.c.entity} and ${second?.c.entity} fit as well`;
      p.meeting.reason = `${p.meeting.reason} Known events are alternatives only: ${because}.`;
    }
  }
}
