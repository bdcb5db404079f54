/**
 * Meetings: a sentence that says actors met ("X met Y on the sidelines of Z", "held talks",
 * "spoke by phone", "X's state visit to P") becomes an event proposal whose participants, date,
 * forum and place are references to the other proposals of that sentence.
 */
import type { MeetingProposal, Span } from "./types.js";

export interface Ref extends Span {
  id: string;
  kind: "actor" | "forum" | "place" | "date";
  /** For actors: a person (people meet; states are participants only when no person is named). */
  person?: boolean;
}

export type FoundMeeting = Omit<MeetingProposal, "id" | "kind" | "text" | "entity" | "alternatives">;

const TRIGGERS: { re: RegExp; kind: MeetingProposal["eventKind"]; what: string }[] = [
  {
    re: /\b(?:spoke|talked|speak|talk|speaks|talks)\s+(?:by|over the)\s+(?:tele)?phone\b|\bphone (?:call|conversation)\b|\bvideo (?:call|conference|link)\b/gi,
    kind: "call",
    what: "a phone or video call",
  },
  { re: /\bstate visit\b|\bofficial visit\b/gi, kind: "state-visit", what: "a state visit" },
  {
    re: /\b(?:held|hold|holds|holding)\s+(?:\w+\s+){0,2}(?:talks|meetings?|discussions|consultations)\b/gi,
    kind: "meeting",
    what: '"held talks"',
  },
  { re: /\b(?:met|meet|meets|meeting)\b(?:\s+with\b)?/gi, kind: "meeting", what: '"met"' },
  { re: /\bhosted\b|\bvisited\b|\bsummit with\b/gi, kind: "meeting", what: "a visit or hosting" },
];

/**
 * @param refs the other proposals of the text (actors, forums, places, dates), in order
 * @example findMeetings("Wang Yi met Sergey Lavrov on the sidelines of the G20.", refs, sentences)
 */
export function findMeetings(text: string, refs: readonly Ref[], sentences: readonly Span[]): FoundMeeting[] {
  const out: FoundMeeting[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    for (const trigger of TRIGGERS) {
      trigger.re.lastIndex = 0;
      const m = trigger.re.exec(body);
      if (!m) continue;
      const at = sentence.start + m.index;
      const triggerEnd = at + m[0].length;
      // "meeting" as a noun in "meetings or phone calls" is not itself a trigger when "met" is.
      if (out.some((o) => o.start <= at && at < o.end)) continue;
      const inside = refs.filter((r) => r.start >= sentence.start && r.end <= sentence.end);
      const actors = inside.filter((r) => r.kind === "actor");
      // Who met: the people around the trigger (its subject and object), else the states.
      const near = actors.filter((r) => r.end <= triggerEnd + 80 && r.start >= at - 160);
      const people = near.filter((r) => r.person);
      const participants = (people.length >= (trigger.kind === "state-visit" ? 1 : 2) ? people : near).slice(0, 6);
      if (participants.length < (trigger.kind === "state-visit" ? 1 : 2)) continue;
      const after = (r: Ref) => r.start >= triggerEnd;
      const forum = inside.find(
        (r) =>
          r.kind === "forum" &&
          /(?:sidelines of|at|during|in)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, r.start - 20), r.start)),
      );
      const place = inside.find(
        (r) =>
          r.kind === "place" && after(r) && /(?:in|to|at)\s+$/i.test(text.slice(Math.max(0, r.start - 5), r.start)),
      );
      const date = nearest(
        inside.filter((r) => r.kind === "date"),
        at,
      );
      const series = /\b\d+\s+times\b|\b(?:twice|regularly|monthly|annually)\b/i.test(body);
      const kind = series && trigger.kind === "meeting" ? "meeting-series" : trigger.kind;
      const start = Math.min(at, ...participants.map((p) => p.start));
      const end = Math.max(triggerEnd, ...participants.map((p) => p.end));
      const people2 = participants.filter((p) => p.person).length;
      out.push({
        start,
        end,
        eventKind: kind,
        participants: participants.map((p) => p.id),
        date: date?.id ?? null,
        forum: forum?.id ?? null,
        place: place?.id ?? null,
        score: people2 >= 2 ? 0.85 : 0.6,
        reason: `Meeting: ${trigger.what}${series ? ", counted (a series)" : ""}, with ${participants.length} participants named in the sentence${forum ? ", at a forum" : ""}${date ? ", dated" : ""}.`,
      });
      break;
    }
  }
  return out;
}

function nearest(list: Ref[], at: number): Ref | undefined {
  return [...list].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
}
