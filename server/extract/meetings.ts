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
    re: /\b(?:held|hold|holds|holding)\s+(?:\w+\s+){0,2}(?:talks|meetings?|discussions|consultations|engagements)\b/gi,
    kind: "meeting",
    what: '"held talks"',
  },
  // "meeting" alone is a noun ("the SCO meeting"); "meeting with" is a trigger.
  { re: /\b(?:met|meet|meets)\b(?:\s+with\b)?|\bmeeting\s+with\b/gi, kind: "meeting", what: '"met"' },
  { re: /\bhosted\b|\bvisited\b|\bsummit with\b/gi, kind: "meeting", what: "a visit or hosting" },
];

/**
 * @param refs the other proposals of the text (actors, forums, places, dates), in order
 * @example findMeetings("Wang Yi met Sergey Lavrov on the sidelines of the G20.", refs, sentences)
 */
export function findMeetings(text: string, refs: readonly Ref[], sentences: readonly Span[]): FoundMeeting[] {
  const out: FoundMeeting[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    // The earliest trigger of the sentence ("X met Y …, and the two spoke by phone" is the meeting).
    const matches = TRIGGERS.flatMap((trigger) => {
      trigger.re.lastIndex = 0;
      const m = trigger.re.exec(body);
      return m ? [{ trigger, m }] : [];
    }).sort((a, b) => a.m.index - b.m.index);
    const first = matches[0];
    if (!first) continue;
    const { trigger, m } = first;
    const at = sentence.start + m.index;
    const triggerEnd = at + m[0].length;
    // Refs are in text order: step past those before the sentence, take those inside it.
    while (cursor < refs.length && (refs[cursor] as Ref).start < sentence.start) cursor++;
    const inside: Ref[] = [];
    for (let k = cursor; k < refs.length && (refs[k] as Ref).start < sentence.end; k++) {
      if ((refs[k] as Ref).end <= sentence.end) inside.push(refs[k] as Ref);
    }
    const actors = inside.filter((r) => r.kind === "actor");
    // Who met: the actors of the clause before the trigger (its subject: "X and his counterpart Y",
    // "A, B and C –") and the first actor after it (its object: "met Y", "spoke by phone with Y").
    const before = subject(text, actors, at);
    const object = actors.find(
      (r) =>
        r.start >= triggerEnd &&
        r.start - triggerEnd <= 60 &&
        /^[\s\p{L}.,’'-]*$/u.test(text.slice(triggerEnd, r.start)),
    );
    const near = [...before, ...(object ? [object] : [])];
    const people = near.filter((r) => r.person);
    const minimum = trigger.kind === "state-visit" ? 1 : 2;
    const participants = (people.length >= minimum ? people : near).slice(0, 8);
    if (participants.length < minimum) continue;
    const forum = inside.find(
      (r) =>
        r.kind === "forum" &&
        /(?:sidelines of|at|during|in)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, r.start - 20), r.start)),
    );
    const place = inside.find(
      (r) =>
        r.kind === "place" &&
        r.start >= triggerEnd &&
        /(?:in|to|at)\s+$/i.test(text.slice(Math.max(0, r.start - 5), r.start)),
    );
    const date = nearest(
      inside.filter((r) => r.kind === "date"),
      at,
    );
    const series = /\b\d+\s+(?:times|engagements|meetings)\b|\b(?:twice|regularly|monthly|annually)\b/i.test(body);
    const kind = series && trigger.kind === "meeting" ? "meeting-series" : trigger.kind;
    const start = Math.min(at, ...participants.map((p) => p.start));
    const end = Math.max(triggerEnd, ...participants.map((p) => p.end));
    const named = participants.filter((p) => p.person).length;
    out.push({
      start,
      end,
      eventKind: kind,
      participants: participants.map((p) => p.id),
      date: date?.id ?? null,
      forum: forum?.id ?? null,
      place: place?.id ?? null,
      score: named >= 2 ? 0.85 : 0.6,
      reason: `Meeting: ${trigger.what}${series ? ", counted (a series)" : ""}, with ${participants.length} participants named around it${forum ? ", at a forum" : ""}${date ? ", dated" : ""}.`,
    });
  }
  return out;
}

/** Links between the names of a subject: "A, B, and C", "X and his counterpart Y". */
const LINK =
  /^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+and\s+(?:his|her|their)\s+counterparts?,?\s+|\s*,\s*(?:his|her)\s+counterpart,?\s+)$/;
/** Between the subject and its verb: a possessive, a dash, or up to two words ("also", "then reportedly"). */
const TO_VERB = /^(?:['’]s)?[\s–—-]*(?:[\p{Ll}]+\s+){0,2}$/u;

/** The actors that are the trigger's subject: the name right before it, and those listed with it. */
function subject(text: string, actors: Ref[], at: number): Ref[] {
  const before = actors.filter((r) => r.end <= at);
  const last = before.at(-1);
  if (!last || !TO_VERB.test(text.slice(last.end, at))) return [];
  const chain = [last];
  for (let k = before.length - 2; k >= 0; k--) {
    const r = before[k] as Ref;
    if (!LINK.test(text.slice(r.end, (chain[0] as Ref).start))) break;
    chain.unshift(r);
  }
  return chain;
}

function nearest(list: Ref[], at: number): Ref | undefined {
  return [...list].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
}
